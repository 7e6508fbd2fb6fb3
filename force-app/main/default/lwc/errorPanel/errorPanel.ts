/**
 * Presentational: shows a friendly error with the reduced messages behind a "Show details" toggle.
 * Every component renders its error state through this panel.
 */
import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';

export default class ErrorPanel extends LightningElement {
  /** A wire error, an Apex error, an Error, a string or a list of those. */
  @api errors: unknown;
  /** The sentence a user reads first. */
  @api friendlyMessage = 'Something went wrong while loading this data.';

  viewDetails = false;

  get errorMessages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasDetails(): boolean {
    return this.errorMessages.length > 0;
  }

  get detailsExpanded(): string {
    return String(this.viewDetails);
  }

  get toggleLabel(): string {
    return this.viewDetails ? 'Hide details' : 'Show details';
  }

  handleToggleDetails(): void {
    this.viewDetails = !this.viewDetails;
  }
}
