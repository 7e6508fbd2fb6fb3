/**
 * String.format(template, arguments): Java MessageFormat placeholders {0}, {1}, ... with its quote
 * rule — a single quote starts and ends a literal section and '' is one quote — which the package
 * relies on (it writes SOQL templates without quotes). Typed placeholders ({0,number}) are refused,
 * and so are non-text arguments, whose MessageFormat rendering (locale number grouping, dates)
 * this library does not reproduce.
 */
import { ApexId, type ApexValue } from '../values';
import { unsupported } from './support';

function argumentText(value: ApexValue | undefined, index: number): string {
  // MessageFormat leaves a placeholder without an argument as written.
  if (value === undefined) return `{${index}}`;
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (value instanceof ApexId) return value.value;
  if (typeof value === 'boolean') return String(value);
  return unsupported('String.format with a non-String argument');
}

export function messageFormat(template: string, args: readonly ApexValue[]): string {
  let result = '';
  let quoted = false;
  for (let index = 0; index < template.length; index++) {
    const char = template[index];
    if (char === "'") {
      if (template[index + 1] === "'") {
        result += "'";
        index++;
      } else {
        quoted = !quoted;
      }
    } else if (char === '{' && !quoted) {
      const close = template.indexOf('}', index);
      const body = close < 0 ? '' : template.slice(index + 1, close);
      if (!/^\s*\d+\s*$/.test(body)) {
        return unsupported(`String.format placeholder {${body}`);
      }
      const position = Number(body);
      result += argumentText(args[position], position);
      index = close;
    } else {
      result += char;
    }
  }
  return result;
}
