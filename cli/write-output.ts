import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from './read-input';

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over the
 * target, so a failure never leaves a half-written workbook where the user looks.
 */
export function writeFileAtomically(path: string, data: Uint8Array | Uint8Array[]): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, Array.isArray(data) ? Buffer.concat(data) : data);
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw new InputError(`${path}: cannot write the file (${(e as Error).message})`);
  }
}
