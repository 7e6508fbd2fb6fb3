/**
 * Declarations for the platform modules that @salesforce/lightning-types does not type.
 * Wildcard `declare module` blocks only work in a file without top-level imports.
 */
declare module '@salesforce/apex/*' {
  import type { WireAdapterConstructor } from 'lwc';
  /** An @AuraEnabled Apex method: callable imperatively, usable with @wire. */
  const apexMethod: ((params?: Record<string, unknown>) => Promise<unknown>) &
    WireAdapterConstructor<Record<string, unknown>, { data?: unknown; error?: unknown }>;
  export default apexMethod;
}

declare module '@salesforce/resourceUrl/*' {
  const resourceUrl: string;
  export default resourceUrl;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module 'lightning/navigation' {
  import type { LightningElement, WireAdapterConstructor } from 'lwc';

  /** Where to navigate, e.g. `{ type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } }`. */
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, string>;
  }

  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;

  /** The methods NavigationMixin adds, keyed by its symbols: `this[NavigationMixin.GenerateUrl](ref)`. */
  export interface NavigationMixinMethods {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }

  /**
   * Returns one plain constructor rather than `Base & …`: TypeScript accepts an intersection of
   * constructors as a base class only when they take `any[]` (TS2510), which the house style avoids.
   */
  export const NavigationMixin: {
    <Base extends typeof LightningElement>(
      base: Base
    ): new () => InstanceType<Base> & NavigationMixinMethods;
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };

  /** Wire adapter: the current page's reference. */
  export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
}
