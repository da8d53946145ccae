import { randomBytes } from 'node:crypto';
import { rmSync, realpathSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from './read-input';

/**
 * Outputs that can never cost the user a file: an output may not be one of the inputs (by real
 * path or by inode, so links and `./x` spellings are caught), may not sit under a file, and every
 * temporary file or folder is removed on every way out — success, error, Ctrl-C (SIGINT),
 * SIGTERM, SIGHUP.
 */

const temporaries = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeTemporaries(): void {
  for (const path of temporaries) rmSync(path, { recursive: true, force: true });
  temporaries.clear();
}

/** On a signal: remove what is half-written, then end as the signal would have. */
function onSignal(signal: NodeJS.Signals): void {
  removeTemporaries();
  process.exit(128 + (constants.signals[signal] ?? 2));
}

function install(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removeTemporaries);
}

function uninstall(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removeTemporaries);
}

/**
 * Marks a temporary file or folder for removal on any exit; the returned function forgets it
 * (after it was renamed into place or removed). Signal handlers exist only while one is tracked.
 */
export function trackTemporary(path: string): () => void {
  if (temporaries.size === 0) install();
  temporaries.add(path);
  return () => {
    temporaries.delete(path);
    if (temporaries.size === 0) uninstall();
  };
}

/** A hidden temporary name in the target's folder (a rename there is atomic). */
export function temporaryBeside(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** The path's file identity: its real path, and device + inode when it exists. */
function identity(path: string): { real: string; inode?: string } {
  try {
    const s = statSync(path);
    return { real: realpathSync(path), inode: `${s.dev}:${s.ino}` };
  } catch {
    try {
      return { real: join(realpathSync(dirname(path)), basename(path)) };
    } catch {
      return { real: resolve(path) };
    }
  }
}

function sameFile(a: string, b: string): boolean {
  const x = identity(a);
  const y = identity(b);
  return x.real === y.real || (x.inode !== undefined && x.inode === y.inode);
}

/** A folder on the way to `path` that is a file (ENOTDIR when writing), or the path if a folder. */
function blockedBy(path: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) return path;
  } catch {
    // absent: fine, look at its folders
  }
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    try {
      if (!statSync(dir).isDirectory()) return dir;
    } catch {
      // absent: created when writing
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Refuses, before any work is done, outputs that would overwrite an input or another output,
 * and outputs whose folder is a file. `sameWorkbook` names the one input an output may
 * replace: the input workbook written back with `-o` (only the product's sheets change).
 */
export function checkOutputs(
  inputs: readonly string[],
  outputs: readonly (string | undefined)[],
  sameWorkbook?: { input: string; output: string },
): void {
  const given = outputs.filter((o): o is string => o !== undefined);
  given.forEach((out, i) => {
    for (const input of inputs) {
      if (sameWorkbook && sameWorkbook.input === input && sameWorkbook.output === out) continue;
      if (sameFile(input, out)) {
        throw new InputError(
          `${out}: 出力先が入力ファイル ${input} と同じです (上書きしません) / the output would overwrite the input ${input} — choose another file name`,
        );
      }
    }
    for (const other of given.slice(0, i)) {
      if (sameFile(other, out)) {
        throw new InputError(
          `${out}: 二つの出力先が同じファイルです / two outputs name the same file — give each its own name`,
        );
      }
    }
    const blocked = blockedBy(out);
    if (blocked !== undefined) {
      throw new InputError(
        blocked === out
          ? `${out}: フォルダです。ファイル名を指定してください / is a folder — give a file name`
          : `${out}: ${blocked} はファイルでフォルダではありません / ${blocked} is a file, not a folder`,
      );
    }
  });
}

/** A write failure in words (code and what to do), for the message that names the file. */
export function writeFailure(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOTDIR: 'a folder on the path is a file / パスの途中がファイルです',
    EISDIR: 'is a folder / フォルダです',
    EACCES: 'no permission / 書き込み権限がありません',
    EPERM: 'no permission / 書き込み権限がありません',
    ENOSPC: 'the disk is full / ディスクの空きがありません',
    EROFS: 'read-only file system / 読み取り専用です',
  };
  const reason = (code && why[code]) ?? code ?? String((e as Error).message ?? e);
  return new InputError(`${path}: cannot write the file / 書き込めません (${reason})`);
}
