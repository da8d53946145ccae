/**
 * Excel's grammar of number format codes, as far as the fake needs it to refuse what Excel
 * refuses when `Range.numberFormat` is set: at most four sections split by `;` (positive;
 * negative; zero; text), quoted literals ("△"), escaped characters (\x), padding (_x) and fill
 * (*x), bracketed colours, conditions, elapsed time, locale and numeral-system tags, digit
 * placeholders with grouping and scaling (#,##0,), %, E+, date and time codes, @ for text.
 * Anything else in brackets, an unclosed quote or bracket, a dangling escape, a fifth section or
 * an ASCII letter that is no code is refused. Japanese text outside quotes is accepted, as
 * Excel's Japanese UI does.
 */

const COLOURS = /^(black|blue|cyan|green|magenta|red|white|yellow|color([1-9]|[1-4]\d|5[0-6]))$/i;
/** [>=100], [<0], [=1]. */
const CONDITION = /^(<=|>=|<>|<|>|=)\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** [h], [mm], [ss]: elapsed time. */
const ELAPSED = /^(h+|m+|s+)$/i;
/** [$-ja-JP], [$-411], [$¥-411], [$€-x-euro], [$-x-sysdate], [$USD]. */
const LOCALE = /^\$[^\]-]*(-([0-9A-Fa-f]{1,8}|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*|x-[a-z]+))?$/;
/** [DBNum1]…[DBNum4]: kanji numerals; [NatNum1]… as LibreOffice writes them. */
const NUMERALS = /^(DBNum[1-4]|NatNum\d{1,2})$/i;

/**
 * Codes of the date and time, the general format and the era (Japanese g/e, Thai b), read
 * longest first. `E+`/`e-` is the exponent (a letter followed by a sign).
 */
const WORDS = [/^general/i, /^am\/pm/i, /^a\/p/i, /^[eE][+-]/, /^(y+|m+|d+|h+|s+|g+|e+|b[12]?)/i];

/** Characters Excel shows as themselves without quotes. */
const LITERALS = new Set([..."$-+/():!^&'~{}<>= "]);

/** Why Excel would refuse the code, or null when it accepts it. */
export function numberFormatProblem(code: string): string | null {
  if (code.length > 255) return 'a number format is at most 255 characters';
  const sections: string[] = [''];
  let i = 0;
  const fail = (why: string) => `${why} at character ${i + 1} of ${JSON.stringify(code)}`;
  while (i < code.length) {
    const ch = code[i];
    const rest = code.slice(i);
    if (ch === ';') {
      sections.push('');
      if (sections.length > 4) return fail('more than 4 sections');
      i++;
      continue;
    }
    const section = sections.length - 1;
    const take = (n: number, kind: string) => {
      sections[section] += kind;
      i += n;
    };
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return fail('a quoted literal is not closed');
      take(end - i + 1, 'L');
      continue;
    }
    if (ch === '\\' || ch === '_' || ch === '*') {
      if (i + 1 >= code.length) return fail(`"${ch}" has no character after it`);
      take(2, 'L');
      continue;
    }
    if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) return fail('a "[" is not closed');
      const inner = code.slice(i + 1, end);
      const known =
        COLOURS.test(inner) ||
        CONDITION.test(inner) ||
        ELAPSED.test(inner) ||
        LOCALE.test(inner) ||
        NUMERALS.test(inner);
      if (!known) return fail(`unknown [${inner}]`);
      take(end - i + 1, ELAPSED.test(inner) ? 'D' : 'B');
      continue;
    }
    if (ch === ']') return fail('a "]" without "["');
    if ('0#?'.includes(ch)) {
      take(1, '0');
      continue;
    }
    if ('.,%'.includes(ch)) {
      take(1, ch);
      continue;
    }
    if (ch === '@') {
      take(1, '@');
      continue;
    }
    const word = WORDS.map((w) => w.exec(rest)).find((m) => m);
    if (word) {
      take(word[0].length, /^general/i.test(word[0]) ? 'G' : /^[eE][+-]/.test(word[0]) ? 'E' : 'D');
      continue;
    }
    if (/[A-Za-z]/.test(ch)) return fail(`"${ch}" is no format code (quote it: "${ch}")`);
    if (/\d/.test(ch)) {
      take(1, 'L'); // digits 1–9 show as themselves (fractions' denominators: # ?/8)
      continue;
    }
    if (LITERALS.has(ch) || ch.charCodeAt(0) > 127) {
      take(1, 'L');
      continue;
    }
    return fail(`"${ch}" must be quoted or escaped`);
  }
  for (const [n, s] of sections.entries()) {
    if (s.includes('@') && /[0EDG]/.test(s))
      return `section ${n + 1} of ${JSON.stringify(code)} mixes @ with number codes`;
    if (n < 3 && (s.match(/@/g) ?? []).length > 0 && sections.length === 4)
      return `section ${n + 1} of ${JSON.stringify(code)}: @ belongs in the 4th (text) section`;
    if (s.includes('E') && !/0/.test(s))
      return `section ${n + 1} of ${JSON.stringify(code)}: E+ without digits`;
  }
  return null;
}
