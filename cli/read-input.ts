import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { FieldError, Parsed, describeError } from '../engine';
import { decodeText } from './text-encoding';

/** An input problem the user can fix: printed as a message, exit code 1, never a stack trace. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** Reads a file's bytes, naming the file when it cannot be read. */
export function readInputFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `${path}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? String(e))})`,
    );
  }
}

/** Deepest nesting a case, stack or loan file needs is under 10; beyond this is no input. */
export const MAX_JSON_DEPTH = 64;

/** The first position where brackets nest deeper than `max` (strings skipped), or -1. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (++depth > max) return i;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return -1;
}

/** A workbook's first bytes: a zip (.xlsx, .xlsm) or an OLE file (encrypted workbook, .xls). */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0x50 && bytes[1] === 0x4b) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
  );
}

/** True when the file's first bytes are a workbook's (unreadable files: false, reported later). */
export function fileLooksLikeWorkbook(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = new Uint8Array(8);
      readSync(fd, head, 0, 8, 0);
      return looksLikeWorkbook(head);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Reads and parses a JSON file, naming the file and the position of any syntax error. */
export function readJsonFile(path: string): unknown {
  const bytes = readInputFile(path);
  if (looksLikeWorkbook(bytes)) {
    throw new InputError(
      `${path}: JSON ではなく Excel ブックです / is a workbook, not a JSON file (this command reads JSON; \`run\` reads input workbooks)`,
    );
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) throw new InputError(`${path}: ${decoded.error}`);
  const text = decoded.text;
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0) {
    throw new InputError(
      `${path}: 入れ子が深すぎます / not a usable JSON file: nested deeper than ${MAX_JSON_DEPTH} levels (at character ${deep + 1})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

/** The parsed value, or an InputError listing every field error of the file. */
export function orInputError<T>(path: string, parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  const count = parsed.errors.length;
  throw new InputError(
    `${path}: ${count} input error${count === 1 ? '' : 's'} / 入力エラー ${count} 件`,
    parsed.errors.map((e: FieldError) => describeError(e)),
  );
}
