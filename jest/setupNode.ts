/**
 * Node 22 gives `Symbol.dispose` only to its own realm; jest runs tests in a vm context whose
 * `Symbol.dispose` is undefined, and undici (jsforce's HTTP client) then fails with
 * "removeAbortListener is not a function". Give the sandbox the symbol Node's own APIs use.
 */
import { addAbortListener } from 'node:events';

if (Symbol.dispose === undefined) {
  const disposable = addAbortListener(new AbortController().signal, () => undefined);
  const [nodeDispose] = Object.getOwnPropertySymbols(disposable);
  Object.defineProperty(Symbol, 'dispose', { value: nodeDispose });
  (disposable as unknown as Record<symbol, () => void>)[nodeDispose]();
}
