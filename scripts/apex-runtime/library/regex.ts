/**
 * Java regular expressions (String.split, replaceAll, matches) run as JavaScript ones. The common
 * syntax is shared; what differs and is refused: possessive quantifiers, \A \Z \z \G, inline flags
 * other than a leading (?i) / (?s) / (?m), and character-class intersection (&&).
 */
import { unsupported } from './support';

export function javaRegex(pattern: string, extraFlags = ''): RegExp {
  let source = pattern;
  let flags = `u${extraFlags}`;
  const inline = /^\(\?([ism]+)\)/.exec(source);
  if (inline) {
    flags += inline[1];
    source = source.slice(inline[0].length);
  }
  if (/\\[AZzG]|[*+?}]\+|\(\?[a-z-]+[:)]|&&/.test(source)) {
    unsupported(`Java regular expression feature in ${pattern}`);
  }
  try {
    return new RegExp(source, flags);
  } catch {
    // JavaScript's unicode mode rejects some escapes Java accepts (e.g. '\-' outside a class).
    return new RegExp(source, flags.replace('u', ''));
  }
}

/** Java Matcher.replaceAll replacement text: $n is a group, a backslash quotes the next character. */
export function javaReplacement(replacement: string): (groups: string[]) => string {
  return (groups) => {
    let result = '';
    for (let index = 0; index < replacement.length; index++) {
      const char = replacement[index];
      if (char === '\\' && index + 1 < replacement.length) {
        result += replacement[++index];
      } else if (char === '$') {
        const digits = /^\d+/.exec(replacement.slice(index + 1));
        if (!digits) throw new Error('Illegal group reference');
        result += groups[Number(digits[0])] ?? '';
        index += digits[0].length;
      } else {
        result += char;
      }
    }
    return result;
  };
}

/** Java String.split(regex, limit), including the removal of trailing empty strings at limit 0. */
export function javaSplit(text: string, pattern: string, limit: number): string[] {
  if (text === '') return [''];
  const regex = javaRegex(pattern, 'g');
  const parts: string[] = [];
  let start = 0;
  for (const match of text.matchAll(regex)) {
    if (limit > 0 && parts.length === limit - 1) break;
    const index = match.index;
    // A zero-width match at the very start yields no leading empty string (Java 8+).
    if (match[0] === '' && (index === 0 || index >= text.length)) continue;
    parts.push(text.slice(start, index));
    start = index + match[0].length;
  }
  parts.push(text.slice(start));
  if (limit === 0) {
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  }
  return parts;
}
