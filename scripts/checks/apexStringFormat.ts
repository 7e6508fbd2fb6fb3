/**
 * Apex's String.format(template, arguments), which "uses the same substitution and formatting as
 * the Java MessageFormat class": `{0}`, `{1}` … are replaced by the arguments; a single quote
 * starts or ends quoted text, in which braces are literal, and two single quotes stand for one.
 * That is why the selectors' templates hold no quoted SOQL literals: `Status = 'Open'` would lose
 * its quotes. Only plain `{n}` placeholders with text arguments are supported (that is all the
 * package's templates use); anything else is an error, not a silent difference from Apex.
 */
export class TemplateFormatError extends Error {}

export function apexStringFormat(template: string, args: readonly string[]): string {
  let result = '';
  let quoted = false;
  for (let index = 0; index < template.length; index += 1) {
    const character = template[index];
    if (character === "'") {
      if (template[index + 1] === "'") {
        result += "'";
        index += 1;
      } else {
        quoted = !quoted;
      }
      continue;
    }
    if (quoted || character !== '{') {
      if (!quoted && character === '}') {
        throw new TemplateFormatError(`Unmatched '}' at ${index} in: ${template}`);
      }
      result += character;
      continue;
    }
    const close = template.indexOf('}', index);
    const placeholder = close < 0 ? '' : template.slice(index + 1, close);
    if (!/^\d+$/.test(placeholder)) {
      throw new TemplateFormatError(
        `Only {n} placeholders are supported, found '{${placeholder}' in: ${template}`
      );
    }
    const position = Number(placeholder);
    if (position >= args.length) {
      throw new TemplateFormatError(
        `{${position}} has no argument (${args.length} given) in: ${template}`
      );
    }
    result += args[position];
    index = close;
  }
  return result;
}

/** The highest placeholder number + 1: how many arguments a template takes. */
export function templateArity(template: string): number {
  let arity = 0;
  let quoted = false;
  for (let index = 0; index < template.length; index += 1) {
    const character = template[index];
    if (character === "'") {
      if (template[index + 1] === "'") index += 1;
      else quoted = !quoted;
    } else if (!quoted && character === '{') {
      const match = /^\{(\d+)\}/.exec(template.slice(index));
      if (match) arity = Math.max(arity, Number(match[1]) + 1);
    }
  }
  return arity;
}
