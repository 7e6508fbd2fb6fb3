/**
 * `@salesforce/apex/<Class>.<method>` in the preview: each import becomes a function that POSTs
 * its parameters to the preview server, and that is also a wire adapter, as in Lightning.
 * Errors arrive in the shape Lightning gives components: `{ body: { message }, status, statusText }`.
 */
interface ApexError {
  body: { message: string };
  status: number;
  statusText: string;
}

type DataCallback = (value: { data: unknown; error: unknown }) => void;

async function invoke(
  qualifiedName: string,
  params: Record<string, unknown> | undefined
): Promise<unknown> {
  const response = await fetch(`/apex/${qualifiedName}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params ?? {})
  });
  const payload = (await response.json()) as { result?: unknown; message?: string };
  if (!response.ok) {
    const error: ApexError = {
      body: { message: payload.message ?? response.statusText },
      status: response.status,
      statusText: response.statusText
    };
    throw error;
  }
  return payload.result;
}

export function apexMethod(qualifiedName: string): ((
  params?: Record<string, unknown>
) => Promise<unknown>) & {
  adapter: unknown;
} {
  const method = (params?: Record<string, unknown>): Promise<unknown> =>
    invoke(qualifiedName, params);
  class ApexWireAdapter {
    private readonly callback: DataCallback;
    private connected = false;
    private latestConfig = '';

    constructor(callback: DataCallback) {
      this.callback = callback;
    }

    connect(): void {
      this.connected = true;
    }

    disconnect(): void {
      this.connected = false;
    }

    update(config: Record<string, unknown>): void {
      const key = JSON.stringify(config);
      this.latestConfig = key;
      invoke(qualifiedName, config).then(
        (data) => this.deliver(key, { data, error: undefined }),
        (error: unknown) => this.deliver(key, { data: undefined, error })
      );
    }

    private deliver(key: string, value: { data: unknown; error: unknown }): void {
      // A slower answer to an older config must not overwrite the newer one.
      if (this.connected && key === this.latestConfig) this.callback(value);
    }
  }
  return Object.assign(method, { adapter: ApexWireAdapter });
}
