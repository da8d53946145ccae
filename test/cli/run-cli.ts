import { run } from '../../cli/main';

/** Runs the command line in-process and captures what it prints. */
export function runCli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
