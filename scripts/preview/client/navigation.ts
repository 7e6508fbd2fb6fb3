/**
 * `lightning/navigation` in the preview. There are no record pages here, so a record's page is the
 * hash route `#/r/<recordId>`: GenerateUrl returns it (links work and can be copied) and Navigate
 * sets it. Other page references go to `#/`. CurrentPageReference reports the current hash route.
 */
interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, string>;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** The preview's URL of a page reference. */
export function urlOf(pageReference: PageReference): string {
  const recordId = pageReference.attributes?.recordId;
  return typeof recordId === 'string' && recordId !== ''
    ? `#/r/${encodeURIComponent(recordId)}`
    : '#/';
}

type Constructor = new () => object;

function mixin<Base extends Constructor>(base: Base): Base {
  // Extending a plain constructor type, not the type parameter, keeps TypeScript's mixin rules
  // (a `...args: any[]` constructor) out of the way; LightningElement takes no arguments.
  const Plain: Constructor = base;
  class Navigating extends Plain {
    [Navigate](pageReference: PageReference, replace = false): void {
      const url = urlOf(pageReference);
      if (replace) window.location.replace(url);
      else window.location.hash = url.slice(1);
    }

    [GenerateUrl](pageReference: PageReference): Promise<string> {
      return Promise.resolve(urlOf(pageReference));
    }
  }
  return Navigating as Base;
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

type DataCallback = (value: PageReference) => void;

/** Wire adapter: `{ type: 'preview__hashRoute', state: { hash } }`, updated on hashchange. */
export class CurrentPageReference {
  private readonly callback: DataCallback;
  private readonly onHashChange = (): void => this.emit();

  constructor(callback: DataCallback) {
    this.callback = callback;
  }

  connect(): void {
    window.addEventListener('hashchange', this.onHashChange);
    this.emit();
  }

  disconnect(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  update(): void {
    this.emit();
  }

  private emit(): void {
    this.callback({ type: 'preview__hashRoute', state: { hash: window.location.hash } });
  }
}
