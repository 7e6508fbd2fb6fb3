/**
 * jsdom has no ResizeObserver; chart.js needs one to be responsive. This one records what is
 * observed so tests can check that a chart follows its container's size.
 */
export class ResizeObserverMock {
  static readonly instances: ResizeObserverMock[] = [];
  readonly targets = new Set<Element>();
  readonly callback: ResizeObserverCallback;

  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
    ResizeObserverMock.instances.push(this);
  }

  observe(target: Element): void {
    this.targets.add(target);
  }

  unobserve(target: Element): void {
    this.targets.delete(target);
  }

  disconnect(): void {
    this.targets.clear();
  }

  static isObserved(target: Element): boolean {
    return ResizeObserverMock.instances.some((observer) => observer.targets.has(target));
  }
}
