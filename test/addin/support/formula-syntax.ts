/**
 * A cheap check of a formula's syntax, as Excel parses what `Range.formulas` receives: balanced
 * parentheses and quotes, known function names, sheet names quoted when they must be, A1
 * references inside XFD1048576, operators between operands. Stricter than Excel in one way, on
 * purpose: a function or name Excel would accept and show as #NAME? is refused here, so a typo
 * in the patch fails the test that writes it (LibreOffice checks the real thing:
 * test/addin/formulas-libreoffice.test.ts).
 */

/**
 * Excel functions the patch writes (workbook/), plus HYPERLINK, which the fake's own tests type as
 * a lender's name. A function outside this list is refused: add it here when the patch starts
 * using it (the LibreOffice test then checks that it exists).
 */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([
  'COUNTIFS',
  'HYPERLINK',
  'IF',
  'INDEX',
  'MATCH',
  'ROUNDDOWN',
  'SUBSTITUTE',
  'SUM',
  'SUMIFS',
]);

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A sheet name Excel writes without quotes: a name, not a cell reference, nothing special. */
export function bareSheetNameOk(name: string): boolean {
  return (
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name) &&
    !/^(true|false)$/i.test(name)
  );
}

type Token =
  | { kind: 'number' | 'string' | 'bool' | 'error' | 'ref'; text: string }
  | { kind: 'function'; text: string }
  | { kind: 'op'; text: string }
  | { kind: '(' | ')' | ','; text: string };

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** `A1`, `$A$1:B2`, `A:B`, `1:3`, checked against Excel's grid; null when not a reference. */
function referenceProblem(ref: string): string | null | undefined {
  const [a, b, ...rest] = ref.split(':');
  if (rest.length) return `"${ref}" is not a reference`;
  const cell = (s: string) => {
    const m = CELL.exec(s);
    if (!m) return undefined;
    const [, col, row] = m;
    if (columnNumber(col) > MAX_COLUMN || Number(row) < 1 || Number(row) > MAX_ROW)
      return `${s} is outside A1:XFD1048576`;
    return null;
  };
  if (b === undefined) return cell(a);
  const both = [cell(a), cell(b)];
  if (both.every((x) => x !== undefined)) return both.find((x) => x) ?? null;
  const ca = COLUMN.exec(a);
  const cb = COLUMN.exec(b);
  if (ca && cb) {
    return columnNumber(ca[1]) > MAX_COLUMN || columnNumber(cb[1]) > MAX_COLUMN
      ? `${ref} is outside A:XFD`
      : null;
  }
  const ra = ROW.exec(a);
  const rb = ROW.exec(b);
  if (ra && rb) {
    const rows = [Number(ra[1]), Number(rb[1])];
    return rows.some((r) => r < 1 || r > MAX_ROW) ? `${ref} is outside 1:1048576` : null;
  }
  return `"${ref}" is not a reference`;
}

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];

/** The formula's tokens, or what is wrong with its characters. */
function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at character ${i + 2}`);
  };
  while (i < body.length) {
    const rest = body.slice(i);
    const ch = body[i];
    if (ch === ' ' || ch === '\n') {
      i++;
      continue;
    }
    if (ch === '"') {
      const m = /^"(?:[^"]|"")*"/.exec(rest);
      if (!m) fail('a string literal is not closed');
      tokens.push({ kind: 'string', text: m![0] });
      i += m![0].length;
      continue;
    }
    const error = ERRORS.find((e) => rest.toUpperCase().startsWith(e));
    if (error) {
      tokens.push({ kind: 'error', text: error });
      i += error.length;
      continue;
    }
    // A sheet prefix: 'any name'! or name!, then the reference it qualifies.
    let sheet: string | null = null;
    let prefix = 0;
    if (ch === "'") {
      const m = /^'((?:[^']|'')+)'!/.exec(rest);
      if (!m) fail('a quoted sheet name is not closed or not followed by "!"');
      sheet = m![1].replace(/''/g, "'");
      prefix = m![0].length;
      if (/[:\\/?*[\]]/.test(sheet) || sheet.length > 31) fail(`"${sheet}" is no sheet name`);
    } else {
      const m = /^([^\s!"'(),:;+\-*/^&=<>%{}]+)!/u.exec(rest);
      if (m) {
        sheet = m[1];
        prefix = m[0].length;
        if (!bareSheetNameOk(sheet)) fail(`the sheet name ${sheet} must be quoted ('${sheet}')`);
      }
    }
    const after = body.slice(i + prefix);
    if (sheet !== null || /^[$A-Za-z0-9]/.test(after)) {
      const ref =
        /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?(?![\p{L}\p{N}_.(!])/u.exec(after) ??
        /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![\p{L}\p{N}_.(!])/u.exec(after) ??
        /^\$?\d+:\$?\d+(?![\p{L}\p{N}_.(!])/u.exec(after);
      if (ref) {
        const problem = referenceProblem(ref[0]);
        if (problem) fail(problem);
        tokens.push({ kind: 'ref', text: body.slice(i, i + prefix) + ref[0] });
        i += prefix + ref[0].length;
        continue;
      }
      if (sheet !== null) fail(`"${sheet}!" is not followed by a reference`);
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const name = /^[\p{L}_\\][\p{L}\p{N}_.]*/u.exec(rest);
    if (name) {
      const text = name[0];
      i += text.length;
      if (body[i] === '(') {
        if (!KNOWN_FUNCTIONS.has(text.toUpperCase()))
          fail(`unknown function ${text} (Excel would show #NAME?)`);
        tokens.push({ kind: 'function', text: text.toUpperCase() });
      } else if (/^(true|false)$/i.test(text)) tokens.push({ kind: 'bool', text });
      else fail(`unknown name ${text} (Excel would show #NAME?)`);
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&=<>%])/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', text: op[0] });
      i += op[0].length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, text: ch });
      i++;
      continue;
    }
    fail(`unexpected "${ch}"`);
  }
  return tokens;
}

/** Recursive descent over the tokens: operands and operators alternate, calls are closed. */
function parse(tokens: Token[]): void {
  let at = 0;
  const peek = () => tokens[at];
  const fail = (why: string): never => {
    throw new Error(`${why} (token ${at + 1} of ${tokens.length})`);
  };
  const binary = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '<=', '>=', '<>']);

  const operand = (): void => {
    const t = peek();
    if (!t) fail('an operand is missing at the end');
    if (t.kind === 'op' && (t.text === '+' || t.text === '-')) {
      at++;
      operand();
      return;
    }
    at++;
    if (t.kind === 'function') {
      if (peek()?.kind !== '(') fail(`${t.text} is not followed by "("`);
      at++;
      if (peek()?.kind === ')') {
        at++;
      } else {
        for (;;) {
          // An empty argument (IF(a,,b)) is allowed, as in Excel.
          if (peek()?.kind !== ',' && peek()?.kind !== ')') expression();
          const next = peek();
          if (next?.kind === ',') at++;
          else if (next?.kind === ')') {
            at++;
            break;
          } else fail(`${t.text}( is not closed`);
        }
      }
    } else if (t.kind === '(') {
      expression();
      if (peek()?.kind !== ')') fail('a "(" is not closed');
      at++;
    } else if (!['number', 'string', 'bool', 'error', 'ref'].includes(t.kind)) {
      fail(`"${t.text}" where an operand belongs`);
    }
    while (peek()?.kind === 'op' && peek().text === '%') at++;
  };
  const expression = (): void => {
    operand();
    while (peek()?.kind === 'op' && binary.has(peek().text)) {
      at++;
      operand();
    }
  };
  expression();
  if (at < tokens.length) fail(`"${tokens[at].text}" after the end of the formula`);
}

/** Why Excel would refuse the formula ("=…"), or null when it parses. */
export function formulaProblem(formula: string): string | null {
  if (!formula.startsWith('=')) return 'a formula starts with "="';
  try {
    const tokens = tokenize(formula.slice(1));
    if (tokens.length === 0) return 'the formula is empty';
    parse(tokens);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
