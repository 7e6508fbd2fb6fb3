/** `lightning/platformResourceLoader` in the preview: a script or stylesheet tag, loaded once per URL. */
const loaded = new Map<string, Promise<void>>();

function once(url: string, create: () => HTMLElement): Promise<void> {
  let promise = loaded.get(url);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      const element = create();
      element.addEventListener('load', () => resolve());
      element.addEventListener('error', () => reject(new Error(`Could not load ${url}`)));
      document.head.appendChild(element);
    });
    loaded.set(url, promise);
  }
  return promise;
}

export function loadScript(_component: unknown, url: string): Promise<void> {
  return once(url, () => Object.assign(document.createElement('script'), { src: url }));
}

export function loadStyle(_component: unknown, url: string): Promise<void> {
  return once(url, () =>
    Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url })
  );
}
