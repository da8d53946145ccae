import { WriteStream, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { temporaryBeside, trackTemporary, writeFailure } from './safe-output';

/**
 * A file written as a stream, whole or not at all: the stream writes a temporary file beside
 * the target (removed on any exit, Ctrl-C included); `commit` renames it into place once the
 * stream has finished, `abort` removes it. A stopped run never leaves a shorter file that
 * reads as valid (a portfolio CSV cut at a line would).
 */
export function atomicWriteStream(target: string): {
  stream: WriteStream;
  commit: () => void;
  abort: () => void;
} {
  const temporary = temporaryBeside(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    throw writeFailure(target, e);
  }
  const release = trackTemporary(temporary);
  const stream = createWriteStream(temporary);
  return {
    stream,
    commit: () => {
      try {
        renameSync(temporary, target);
      } finally {
        rmSync(temporary, { force: true });
        release();
      }
    },
    abort: () => {
      stream.destroy();
      rmSync(temporary, { force: true });
      release();
    },
  };
}
