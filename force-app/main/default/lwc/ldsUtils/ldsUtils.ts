/**
 * reduceErrors: turns whatever a wire, an imperative Apex call or JavaScript threw into readable
 * messages — one shared implementation for every component's error panel.
 */
interface ErrorBody {
  message?: string;
  pageErrors?: { message: string }[];
  fieldErrors?: Record<string, { message: string }[]>;
  output?: { errors?: { message: string }[]; fieldErrors?: Record<string, { message: string }[]> };
}

interface ErrorLike {
  body?: ErrorBody | ErrorBody[] | null;
  message?: string;
  statusText?: string;
}

function messagesOf(error: ErrorLike | string | null | undefined): string[] {
  if (error === null || error === undefined) return [];
  if (typeof error === 'string') return [error];
  const { body } = error;
  if (Array.isArray(body)) return body.flatMap((item) => (item.message ? [item.message] : []));
  if (body) {
    const fieldMessages = (fields?: Record<string, { message: string }[]>): string[] =>
      Object.values(fields ?? {}).flatMap((list) => list.map((item) => item.message));
    const nested = [
      ...(body.pageErrors ?? []).map((item) => item.message),
      ...fieldMessages(body.fieldErrors),
      ...(body.output?.errors ?? []).map((item) => item.message),
      ...fieldMessages(body.output?.fieldErrors)
    ];
    if (nested.length > 0) return nested;
    if (body.message) return [body.message];
  }
  if (error.message) return [error.message];
  if (error.statusText) return [error.statusText];
  return [];
}

export function reduceErrors(errors: unknown): string[] {
  const list = (Array.isArray(errors) ? errors : [errors]) as (
    ErrorLike | string | null | undefined
  )[];
  return list.flatMap(messagesOf).filter((message) => message.trim() !== '');
}
