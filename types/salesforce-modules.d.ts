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
