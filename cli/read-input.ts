import { readFileSync } from 'node:fs';
import { FieldError, Parsed, describeError } from '../engine';

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

/** Reads and parses a JSON file, naming the file and the position of any syntax error. */
export function readJsonFile(path: string): unknown {
  const text = readInputFile(path).toString('utf8');
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
