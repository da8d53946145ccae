import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { inputTemplate } from '../../workbook';
import { FIRM_COLUMNS, firmCsvLine } from '../../engine';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { HAND_FIRMS } from '../engine/portfolio/hand-portfolio';

const ROOT = join(__dirname, '../..');

/**
 * Faults against the compiled command line, as users meet them: Ctrl-C (SIGINT) in the middle
 * of a large write leaves no temporary file and no partial output; hostile workbooks are
 * refused within 5 s and 500 MB (measured by /usr/bin/time). Built into a temp directory.
 */
describe('faults (compiled command line)', () => {
  let main = '';
  let dir = '';
  const env = () => ({ ...process.env, NODE_PATH: join(ROOT, 'node_modules') });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rateshock-faults-'));
    spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(ROOT, 'tsconfig.build.json'),
        '--outDir',
        join(dir, 'build'),
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    main = join(dir, 'build/cli/main.js');
    if (!existsSync(main)) throw new Error('the build wrote no command line');
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A folder of its own for one test's outputs. */
  const folder = (name: string) => {
    const f = join(dir, name);
    mkdirSync(f);
    return f;
  };
  const temporaries = (f: string) => readdirSync(f).filter((x) => x.endsWith('.tmp'));

  /**
   * Starts the command, waits until `ready()` (polled every 2 ms), sends SIGINT and waits
   * for the exit. Resolves with whether the signal went while `ready()` held, and the exit.
   */
  const interrupt = (args: string[], ready: () => boolean, extraEnv: NodeJS.ProcessEnv = {}) =>
    new Promise<{ signalled: boolean; code: number | null; signal: string | null }>(
      (resolve, reject) => {
        const child: ChildProcess = spawn(process.execPath, [main, ...args], {
          env: { ...env(), ...extraEnv },
          stdio: 'ignore',
        });
        let signalled = false;
        const poll = setInterval(() => {
          if (!signalled && ready()) {
            signalled = true;
            child.kill('SIGINT');
          }
        }, 2);
        child.on('error', reject);
        child.on('exit', (code, signal) => {
          clearInterval(poll);
          resolve({ signalled, code, signal });
        });
      },
    );

  test('SIGINT during `portfolio generate`: no temporary file, no shorter CSV that reads as valid', async () => {
    const f = folder('generate');
    const out = join(f, 'firms.csv');
    const r = await interrupt(['portfolio', 'generate', '--firms', '3000000', '-o', out], () =>
      temporaries(f).some((t) => statSync(join(f, t)).size > 4 * 2 ** 20),
    );
    expect(r.signalled).toBe(true);
    expect(r.code).toBe(130); // 128 + SIGINT, after the temporary file was removed
    expect(readdirSync(f)).toEqual([]);
  }, 120_000);

  test('SIGINT during `run -o` of a large workbook: the output whole or absent, no temporary file', async () => {
    const f = folder('run');
    // An input workbook carrying 48 MB of incompressible pictures: a long write of the result.
    const parts = unzipSync(Buffer.concat(writeXlsx(inputTemplate())));
    parts['xl/media/image1.png'] = randomBytes(48 * 2 ** 20);
    const input = join(dir, 'large-input.xlsx');
    writeFileSync(input, zipSync(parts, { level: 0 }));
    const out = join(f, 'out.xlsx');
    const r = await interrupt(['run', input, '-o', out], () => temporaries(f).length > 0);
    expect(r.signalled).toBe(true);
    expect(temporaries(f)).toEqual([]);
    // Signalled while the temporary file was written: the write completes and is renamed
    // (a synchronous write is not cut), or nothing is there — never a part of a file.
    if (existsSync(out))
      expect(unzipSync(readFileSync(out))['xl/media/image1.png'].length).toBe(48 * 2 ** 20);
    else expect(readdirSync(f)).toEqual([]);
  }, 120_000);

  test('`portfolio firms.xlsx -o`: no plain-text copy of the borrowers in the temporary folder, SIGINT or not', async () => {
    const f = folder('portfolio-xlsx');
    const privateTmp = folder('private-tmp');
    const lines = Array.from({ length: 7000 }, (_, i) =>
      HAND_FIRMS.map((firm) => ({ ...firm, id: `${firm.id}${i}` })),
    ).flat();
    const xlsx = join(dir, 'firms.xlsx');
    writeFileSync(
      xlsx,
      Buffer.concat(
        writeXlsx({
          replaces: [],
          sheets: [
            {
              name: '先一覧',
              cells: [],
              tables: [
                {
                  name: 'Firms',
                  row: 1,
                  column: 1,
                  columns: FIRM_COLUMNS.map((header) => ({ header })),
                  rows: lines.map((firm) =>
                    firmCsvLine(firm)
                      .split(',')
                      .map((c) => c || null),
                  ),
                },
              ],
              highlights: [],
              charts: [],
            },
          ],
        }),
      ),
    );
    const out = join(f, 'out.xlsx');
    const whole = spawnSync(
      process.execPath,
      [main, 'portfolio', xlsx, '-o', out, '--workers', '1'],
      {
        env: { ...env(), TMPDIR: privateTmp },
        encoding: 'utf8',
      },
    );
    expect([whole.status, whole.stderr]).toEqual([0, '']);
    expect(readdirSync(privateTmp)).toEqual([]);
    rmSync(out);
    const started = Date.now();
    const r = await interrupt(
      ['portfolio', xlsx, '-o', out, '--workers', '1'],
      () => Date.now() - started > 400,
      { TMPDIR: privateTmp },
    );
    expect(r.signalled).toBe(true);
    expect(readdirSync(privateTmp)).toEqual([]);
    expect(temporaries(f)).toEqual([]);
  }, 120_000);

  test('a firm name with terminal escapes is printed escaped by the real command line', () => {
    const firms = HAND_FIRMS.map((firm, i) =>
      i === 0 ? { ...firm, name: 'Evil\u001b[2J\u001b[31mCo' } : firm,
    );
    const csv = join(dir, 'ansi.csv');
    writeFileSync(csv, [FIRM_COLUMNS.join(','), ...firms.map(firmCsvLine)].join('\n'));
    const r = spawnSync(
      process.execPath,
      [main, 'portfolio', csv, '--top', '3', '--workers', '1'],
      {
        env: env(),
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Evil\\x1b[2J\\x1b[31mCo');
    expect(r.stdout).not.toContain('\u001b');
  });

  /** Runs under /usr/bin/time: exit code, seconds and peak memory (MB). */
  const measured = (args: string[]) => {
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', 'MEASURED %e %M', process.execPath, main, ...args],
      {
        env: env(),
        encoding: 'utf8',
      },
    );
    const m = /MEASURED ([\d.]+) (\d+)/.exec(r.stderr)!;
    return { code: r.status, err: r.stderr, seconds: Number(m[1]), megabytes: Number(m[2]) / 1024 };
  };

  const describeIfTime = existsSync('/usr/bin/time') ? test : test.skip;
  describeIfTime('zip bombs and huge table ranges: refused within 5 s and 500 MB', () => {
    const template = unzipSync(Buffer.concat(writeXlsx(inputTemplate())));
    const zeros = new Uint8Array(200 * 2 ** 20);
    const bomb = (name: string, edit: (p: Record<string, Uint8Array>) => void) => {
      const parts = { ...template };
      edit(parts);
      const path = join(dir, name);
      writeFileSync(path, zipSync(parts, { level: 9 }));
      return path;
    };
    const cases = [
      // 200 MB of zeros in a picture, 1000:1: the ratio cap, before anything is inflated.
      bomb('ratio.xlsx', (p) => (p['xl/media/image1.png'] = zeros)),
      // A table claiming every cell of the sheet.
      bomb('range.xlsx', (p) => {
        for (const k of Object.keys(p).filter((x) => x.startsWith('xl/tables/')))
          p[k] = strToU8(
            Buffer.from(p[k])
              .toString()
              .replace(/ref="[^"]*"/, 'ref="A1:XFD1048576"'),
          );
      }),
    ];
    for (const input of cases) {
      const r = measured(['run', input, '-o', join(dir, 'never.xlsx')]);
      expect({ input, code: r.code }).toEqual({ input, code: 1 });
      expect(r.err).toMatch(/zip bomb|unusable range/);
      expect(r.seconds).toBeLessThan(5);
      expect(r.megabytes).toBeLessThan(500);
      expect(existsSync(join(dir, 'never.xlsx'))).toBe(false);
    }
  });
});
