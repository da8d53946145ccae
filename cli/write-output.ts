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

/** A file to write: its path and its bytes (in pieces, as the .xlsx writer gives them). */
export type Output = [path: string, data: Uint8Array | Uint8Array[]];

/**
 * Writes a command's outputs once everything is computed, each atomically; returns the line
 * that tells the user where, or '' when there was nothing to write.
 */
export function writeOutputs(outputs: readonly Output[]): string {
  for (const [path, data] of outputs) writeFileAtomically(path, data);
  return outputs.length ? `書き出し / written: ${outputs.map(([path]) => path).join(', ')}` : '';
}
