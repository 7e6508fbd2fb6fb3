/** The JSON format: exactly one document, indented, ending with a newline. */
export function renderJson(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
