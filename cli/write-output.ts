import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkOutputs, temporaryBeside, trackTemporary, writeFailure } from './safe-output';

/**
 * Writes a file whole or not at all: into a temporary file beside it (removed on any exit,
 * Ctrl-C included), then renamed over the target, so a failure never leaves a half-written
 * file where the user looks.
 */
export function writeFileAtomically(path: string, data: Uint8Array | Uint8Array[]): void {
  checkOutputs([], [path]);
  const temporary = temporaryBeside(path);
  const release = trackTemporary(temporary);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(temporary, 'w');
    try {
      for (const piece of Array.isArray(data) ? data : [data]) {
        for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw writeFailure(path, e);
  } finally {
    release();
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
