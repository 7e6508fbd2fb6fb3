/** Helpers shared by the component tests. */
import { createElement } from 'lwc';

/** The extra methods createApexTestWireAdapter adds to a mocked Apex import. */
export interface ApexTestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown>;
}

export function asWireAdapter(apexMethod: unknown): ApexTestWireAdapter {
  return apexMethod as ApexTestWireAdapter;
}

/** Lets LWC re-render and pending promises (wire, loadScript) settle. */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function mount<T extends HTMLElement>(
  tagName: string,
  constructor: unknown,
  props: Record<string, unknown> = {}
): T {
  const element = createElement(tagName, { is: constructor as never }) as unknown as T;
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

export function resetDom(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
}

export function changeCombobox(combobox: Element | null | undefined, value: string): void {
  if (!combobox) throw new Error('combobox not rendered');
  combobox.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}
