import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { FIRM_COLUMNS, PortfolioResults, firmCsvLine, splitCsvLine } from '../../engine';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { registerPortfolioCommands } from '../../cli/commands/portfolio';
import { buildProgram } from '../../cli/main';
import { HAND_FIRMS } from '../engine/portfolio/hand-portfolio';
import { tempFile } from '../support/temp-files';
import { readXlsxSnapshot } from '../../cli/xlsx/read-xlsx';

const ROOT = join(__dirname, '../..');

/** Runs `rateshock <argv>` in-process and waits for the async command; returns its exit code. */
async function rateshock(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = 0;
  const io = { out: (s: string) => (out += s), err: (s: string) => (err += s) };
  const program = new Command('rateshock')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerPortfolioCommands(program, io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.exitCode === 0 ? 0 : 2;
  }
  return { code, out, err };
}

const HEADER = FIRM_COLUMNS.join(',');

function splitCells(line: string): string[] {
  const split = splitCsvLine(line);
  if ('error' in split) throw new Error(split.error);
  return split.cells;
}
const handCsv = [HEADER, ...HAND_FIRMS.map(firmCsvLine)].join('\r\n') + '\r\n';

function readJson(path: string): PortfolioResults {
  return JSON.parse(readFileSync(path, 'utf8')) as PortfolioResults;
}

describe('rateshock portfolio (in-process)', () => {
  test('is registered on the main program with its two subcommands', () => {
    const io = { out: () => undefined, err: () => undefined };
    const portfolio = buildProgram(io).commands.find((c) => c.name() === 'portfolio');
    expect(portfolio?.commands.map((c) => c.name())).toEqual(['stress', 'generate']);
  });

  test('the three hand-worked firms: JSON results and the bilingual tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-portfolio-'));
    const json = join(dir, 'out.json');
    const csv = tempFile('firms.csv', '\uFEFF' + handCsv);
    const { code, out, err } = await rateshock('portfolio', csv, '--shocks', '1', '--json', json);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = readJson(json);
    expect(r.firms).toBe(3);
    const [realistic, full] = r.cells;
    // By hand (test/engine/portfolio/portfolio-stress.test.ts): 6,205,000 and 2,671,000 yen.
    expect([full.mode, full.totalExtraInterest]).toEqual(['full-reprice', 6_205_000]);
    expect([realistic.mode, realistic.totalExtraInterest]).toEqual(['realistic', 2_671_000]);
    expect(full.turnedLossMaking.count).toBe(1);
    expect(r.mostAffected!.firms.map((f) => [f.id, f.row])).toEqual([
      ['A', 2],
      ['B', 3],
      ['C', 4],
    ]);
    expect(out).toContain('一斉改定');
    expect(out).toContain('現実ベース');
    // 6,205,000 ÷ 3 = 206.8万円 a firm; 6,205,000 ÷ 51,000,000 = △12.2 %; 1 firm of 3 turns 赤字.
    expect(out).toMatch(/\+1\.00%\s+\+207万円\s+△12\.2%\s+33\.3% \(1\)/);
    expect(out).toContain(`書き出し / written: ${json}`);
  });

  test('-o writes the ポートフォリオ sheet: the hand-worked figures in the 帝国データバンク shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-portfolio-'));
    const xlsx = join(dir, 'portfolio.xlsx');
    const csv = tempFile('firms.csv', handCsv);
    const { code } = await rateshock('portfolio', csv, '--shocks', '1', '-o', xlsx);
    expect(code).toBe(0);
    const snapshot = readXlsxSnapshot(readFileSync(xlsx));
    expect(snapshot.sheetNames).toEqual(['ポートフォリオ']);
    const table = snapshot.tables.find((t) => t.name === 'RateShockPortfolio')!;
    const full = table.rows.find((r) => String(r[1]).startsWith('一斉改定'))!;
    // 6,205,000 ÷ 3 firms; △(6,205,000 ÷ 51,000,000); 1 of 3 turns 赤字.
    expect(full[0]).toBe('+1.00%');
    expect(full[2]).toBeCloseTo(6_205_000 / 3, 6);
    expect(full[3]).toBeCloseTo(-6_205_000 / 51_000_000, 12);
    expect(full[4]).toBeCloseTo(1 / 3, 12);
    expect(full[5]).toBe(1);
    const top = snapshot.tables.find((t) => t.name === 'RateShockMostAffected')!;
    expect(top.rows.map((r) => r[0])).toEqual(['A', 'B', 'C']);
  });

  test('an .xlsx sheet of firms gives the CSV results; its errors name the sheet row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-portfolio-'));
    // The firms as an Excel table under two title rows (header on sheet row 3).
    const rows = HAND_FIRMS.map((f) =>
      splitCells(firmCsvLine(f)).map((cell) =>
        cell !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell || null,
      ),
    );
    const workbook = (cells: (string | number | null)[][]) =>
      Buffer.concat(
        writeXlsx({
          replaces: [],
          sheets: [
            {
              name: '先一覧',
              cells: [{ row: 1, column: 1, value: '取引先 / firms' }],
              tables: [
                {
                  name: 'Firms',
                  row: 3,
                  column: 1,
                  columns: FIRM_COLUMNS.map((header) => ({ header })),
                  rows: cells,
                },
              ],
              highlights: [],
              charts: [],
            },
          ],
        }),
      );
    const xlsx = join(dir, 'firms.xlsx');
    writeFileSync(xlsx, workbook(rows));
    const fromSheet = join(dir, 'sheet.json');
    const fromCsv = join(dir, 'csv.json');
    expect((await rateshock('portfolio', xlsx, '--shocks', '1', '--json', fromSheet)).code).toBe(0);
    const csv = tempFile('firms.csv', handCsv);
    expect((await rateshock('portfolio', csv, '--shocks', '1', '--json', fromCsv)).code).toBe(0);
    const a = readJson(fromSheet);
    const b = readJson(fromCsv);
    expect(a.cells).toEqual(b.cells);
    expect(a.cells[1].totalExtraInterest).toBe(6_205_000);
    // Firm B (data row 2, sheet row 5): text in ordinaryProfit.
    const at = FIRM_COLUMNS.indexOf('ordinaryProfit');
    const bad = rows.map((r) => [...r]);
    bad[1][at] = '五千万';
    writeFileSync(xlsx, workbook(bad));
    const r = await rateshock('portfolio', xlsx);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${xlsx} (先一覧!Firms): 1 input error in 1 row`);
    expect(r.err).toContain(
      '先一覧!G5 row 5, column ordinaryProfit: must be a number (value: "五千万")',
    );
    // A name typed over two lines (Alt+Enter) is one cell of one row: read as a table, the
    // later rows keep their sheet row numbers and the name its line break.
    const name = FIRM_COLUMNS.indexOf('name');
    bad[0][name] = '甲\n商店';
    writeFileSync(xlsx, workbook(bad));
    const twoLines = await rateshock('portfolio', xlsx);
    expect(twoLines.err).toContain('先一覧!G5 row 5, column ordinaryProfit');
    expect(twoLines.err).not.toContain('quoted cell');
    const good = rows.map((row) => [...row]);
    good[0][name] = '甲\n商店';
    writeFileSync(xlsx, workbook(good));
    const json = join(dir, 'two-lines.json');
    expect((await rateshock('portfolio', xlsx, '--top', '3', '--json', json)).code).toBe(0);
    expect(readJson(json).mostAffected!.firms.map((f) => f.name)).toContain('甲\n商店');
  });

  test('`portfolio stress <file>` is the same command as `portfolio <file>`', async () => {
    const csv = tempFile('firms.csv', handCsv);
    const a = await rateshock('portfolio', csv, '--mode', 'full-reprice', '--top', '0');
    const b = await rateshock('portfolio', 'stress', csv, '--mode', 'full-reprice', '--top', '0');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toContain('現実ベース');
    expect(a.out).not.toContain('影響の大きい企業');
  });

  const badCsv = [
    HEADER,
    firmCsvLine(HAND_FIRMS[0]),
    firmCsvLine({ ...HAND_FIRMS[1], id: 'B' }).replace(',50000000,', ',5千万,'),
    firmCsvLine(HAND_FIRMS[2]).replace(',36500000,', ',-36500000,'),
  ].join('\n');

  test('bad rows stop the run: exit 1, every error with its row and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-portfolio-'));
    const json = join(dir, 'out.json');
    const { code, out, err } = await rateshock(
      'portfolio',
      tempFile('bad.csv', badCsv),
      '--json',
      json,
    );
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('2 input errors in 2 rows / 入力エラー 2 件 (2 行)');
    expect(err).toContain('  - row 3, column ordinaryProfit: must be a number (value: "5千万")');
    expect(err).toContain(
      '  - row 4, column floatingBalance: must be at least 0 (value: -36500000)',
    );
    expect(existsSync(json)).toBe(false);
  });

  test('--skip-bad-rows reports them and stresses the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-portfolio-'));
    const json = join(dir, 'out.json');
    const file = tempFile('bad.csv', badCsv);
    const { code, err } = await rateshock('portfolio', file, '--skip-bad-rows', '--json', json);
    expect(code).toBe(0);
    expect(err).toContain('skipped 2 bad rows (2 errors)');
    expect(err).toContain('row 3, column ordinaryProfit');
    const r = readJson(json);
    expect(r.firms).toBe(1);
    expect(r.skipped.rows).toBe(2);
    expect(r.skipped.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'ordinaryProfit'],
      [4, 'floatingBalance'],
    ]);
    // Firm A alone: +1 % full reprice costs it 3,650,000 yen.
    expect(
      r.cells.find((c) => c.shock === 0.01 && c.mode === 'full-reprice')!.totalExtraInterest,
    ).toBe(3_650_000);
  });

  test('the error list is capped at 50, with a count of the rest', async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      firmCsvLine({ ...HAND_FIRMS[0], id: `X${i}` }).replace(',3000000,', ',three million,'),
    );
    const { code, err } = await rateshock(
      'portfolio',
      tempFile('many.csv', [HEADER, ...lines].join('\n')),
    );
    expect(code).toBe(1);
    expect(err.match(/^ {2}- row \d+, column ordinaryProfit/gm)).toHaveLength(50);
    expect(err).toContain('  - … ほか 10 件 / and 10 more');
    expect(err).toContain('row 51, column ordinaryProfit');
    expect(err).not.toContain('row 52,');
  });

  test('a header without a required column, an empty file, a missing file', async () => {
    const noCash = HEADER.replace(',cash,', ',cashh,');
    const header = await rateshock('portfolio', tempFile('h.csv', `${noCash}\n`));
    expect(header.code).toBe(1);
    expect(header.err).toContain('the header row is not usable');
    expect(header.err).toContain(
      'row 1, column cashh: is not a known column (did you mean "cash"?)',
    );
    expect(header.err).toContain('row 1, column cash: is missing from the header (required)');

    const empty = await rateshock('portfolio', tempFile('e.csv', '\n\n'));
    expect([empty.code, empty.err]).toEqual([1, expect.stringContaining('the file is empty')]);
    const onlyHeader = await rateshock('portfolio', tempFile('o.csv', `${HEADER}\n`));
    expect([onlyHeader.code, onlyHeader.err]).toEqual([1, expect.stringContaining('no firms')]);
    const missing = await rateshock('portfolio', join(tmpdir(), 'rateshock-no-such.csv'));
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining('no such file')]);
  });

  test('usage errors exit 2', async () => {
    const csv = tempFile('firms.csv', handCsv);
    expect((await rateshock('portfolio', csv, '--shocks', 'abc')).code).toBe(2);
    expect((await rateshock('portfolio', csv, '--mode', 'sometimes')).code).toBe(2);
    expect((await rateshock('portfolio', csv, '--top', '-1')).code).toBe(2);
    expect((await rateshock('portfolio', 'generate')).code).toBe(2); // -o is required
  });

  test('generate streams a seeded CSV: same seed, same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-portfolio-'));
    const [a, b, c] = ['a.csv', 'b.csv', 'c.csv'].map((f) => join(dir, f));
    const first = await rateshock(
      'portfolio',
      'generate',
      '--firms',
      '500',
      '--seed',
      '42',
      '-o',
      a,
    );
    expect(first).toEqual({
      code: 0,
      out: `${a}: 500 社を書き出しました / wrote 500 firms (seed 42)\n`,
      err: '',
    });
    await rateshock('portfolio', 'generate', '--firms', '500', '--seed', '42', '-o', b);
    await rateshock('portfolio', 'generate', '--firms', '500', '--seed', '43', '-o', c);
    const text = readFileSync(a, 'utf8');
    expect(text.split('\n')).toHaveLength(502); // header, 500 firms, the final newline
    expect(text.startsWith(`${HEADER}\nS000001,`)).toBe(true);
    expect(readFileSync(b, 'utf8')).toBe(text);
    expect(readFileSync(c, 'utf8')).not.toBe(text);
    // A missing folder is created (as for every output); a file on the way is named.
    const bad = await rateshock('portfolio', 'generate', '-o', join(a, 'x.csv'));
    expect([bad.code, bad.err]).toEqual([
      1,
      `error: ${join(a, 'x.csv')}: ${a} はファイルでフォルダではありません / ${a} is a file, not a folder\n`,
    ]);
    expect(readFileSync(a, 'utf8')).toBe(text);
  });
});

/** The hand portfolio's Japanese texts in CP932 (Shift_JIS), as Japanese Excel saves a CSV. */
const CP932: Record<string, string> = {
  甲商店: '8d628fa49358',
  小売業: '8fac94848bc6',
  乙製作所: '89b390bb8dec8f8a',
  製造業: '90bb91a28bc6',
  丙旅館: '95b897b78ad9',
  宿泊業: '8f6894918bc6',
};

function cp932(text: string): Buffer {
  const parts = text.split(new RegExp(`(${Object.keys(CP932).join('|')})`));
  return Buffer.concat(
    parts.map((p) => (CP932[p] ? Buffer.from(CP932[p], 'hex') : Buffer.from(p, 'ascii'))),
  );
}

/**
 * Bad portfolio files (issue 15): each is read right or refused with the file and row named,
 * exit 1, nothing written, the input unchanged.
 */
describe('bad portfolio files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-portfolio-bad-'));
  let n = 0;
  const fresh = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, `${n++}-${name}`);
    writeFileSync(path, bytes);
    return path;
  };
  const refused = async (args: string[], inputs: string[], message: string | RegExp) => {
    const before = inputs.map((p) => readFileSync(p));
    const listing = readdirSync(dir).sort();
    const r = await rateshock(...args);
    expect({ code: r.code, out: r.out }).toEqual({ code: 1, out: '' });
    if (typeof message === 'string') expect(r.err).toContain(message);
    else expect(r.err).toMatch(message);
    expect(readdirSync(dir).sort()).toEqual(listing);
    inputs.forEach((p, i) => expect(readFileSync(p).equals(before[i])).toBe(true));
    return r.err;
  };
  const namesOf = async (csv: string) => {
    const json = join(dir, `${n++}-names.json`);
    const r = await rateshock('portfolio', csv, '--shocks', '1', '--top', '3', '--json', json);
    expect([r.code, r.err]).toEqual([0, '']);
    return readJson(json)
      .mostAffected!.firms.map((f) => `${f.name}/${f.sector}`)
      .sort();
  };
  const NAMES = ['丙旅館/宿泊業', '乙製作所/製造業', '甲商店/小売業'];

  test('the CSV as its own output (-o or --json): refused, the CSV kept', async () => {
    const csv = fresh('firms.csv', handCsv);
    await refused(['portfolio', csv, '-o', csv], [csv], 'the output would overwrite the input');
    await refused(['portfolio', csv, '--json', csv], [csv], `${csv}: 出力先が入力ファイル`);
  });

  test('Shift_JIS (CP932) and UTF-16 CSV files read with their names intact', async () => {
    expect(await namesOf(fresh('utf8.csv', handCsv))).toEqual(NAMES);
    expect(await namesOf(fresh('sjis.csv', cp932(handCsv)))).toEqual(NAMES);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(handCsv, 'utf16le')]);
    expect(await namesOf(fresh('utf16le.csv', le))).toEqual(NAMES);
    const be = Buffer.from(handCsv, 'utf16le').swap16();
    expect(
      await namesOf(fresh('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))),
    ).toEqual(NAMES);
  });

  test('text in no known encoding: refused with how to save as UTF-8', async () => {
    // UTF-8 at first, then a byte no UTF-8 text has, 300 KB in (past the first block read).
    const lines = handCsv.split('\r\n');
    const filler = Array.from({ length: 3000 }, () => lines[1])
      .join('\r\n')
      .replace(/甲商店/g, 'X');
    const bad = fresh(
      'mixed.csv',
      Buffer.concat([Buffer.from(`${lines[0]}\r\n${filler}\r\n`), Buffer.from([0x81, 0x20])]),
    );
    await refused(
      ['portfolio', bad],
      [bad],
      /mixed\.csv: row 3002: UTF-8 として読めない文字があります \/ the text is not valid utf-8 — .*CSV UTF-8/,
    );
  });

  test('a 10 MB file with no line break: refused at once, in a short message', async () => {
    const bad = fresh('one-line.csv', 'id,'.repeat(3_500_000));
    const started = Date.now();
    const err = await refused(
      ['portfolio', bad],
      [bad],
      'row 1: 1 行が 1,048,576 文字を超えます (改行のない CSV?) / the line is longer than 1,048,576 characters',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.length).toBeLessThan(1_000);
    // A long header line is cut in the message, not echoed whole.
    const wide = fresh('wide.csv', `${'x'.repeat(500_000)},id\n`);
    const wideStarted = Date.now();
    const wideErr = await refused(['portfolio', wide], [wide], 'is not a known column');
    expect(wideErr.length).toBeLessThan(3_000);
    expect(Date.now() - wideStarted).toBeLessThan(5_000);
  });

  test('the same firm id twice: refused, naming both rows', async () => {
    const lines = handCsv.split('\r\n');
    const dup = fresh(
      'dup.csv',
      [...lines.slice(0, 4), lines[1].replace(/^A,/, 'A,'), ''].join('\n'),
    );
    await refused(
      ['portfolio', dup, '--skip-bad-rows'],
      [dup],
      `${dup}: 1 件の企業IDが重複しています / 1 firm id repeats an earlier row (each firm once)\n  - row 5, column id: repeats the id of row 2 / 行 2 と同じ企業IDです (value: "A")`,
    );
  });

  test('a decimal comma in a rate: refused, never 18 %', async () => {
    const at = FIRM_COLUMNS.indexOf('effectiveTaxRate');
    const lines = handCsv.split('\r\n');
    const cells = splitCells(lines[1]);
    cells[at] = '"30,5%"';
    lines[1] = cells.join(',');
    const bad = fresh('comma.csv', lines.join('\n'));
    await refused(
      ['portfolio', bad],
      [bad],
      'row 2, column effectiveTaxRate: must be a rate such as 0.023 or "2.3%" (a comma only separates thousands: write 1.8, not 1,8) (value: "30,5%")',
    );
  });
});

/**
 * The compiled command line, as users run it: worker threads start from the compiled worker
 * next to the compiled command. Built into a temp directory (others may be rebuilding dist/).
 */
describe('rateshock portfolio (compiled, worker threads)', () => {
  let main = '';
  let dir = '';
  const node = (...args: string[]) => {
    const r = spawnSync(process.execPath, [main, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      maxBuffer: 1 << 26,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rateshock-portfolio-build-'));
    // Type errors elsewhere in the tree do not stop tsc from writing the files.
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
    if (!existsSync(join(dir, 'build/cli/commands/portfolio-worker.js')))
      throw new Error('the build wrote no portfolio worker');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('96,000 generated firms reproduce the 帝国データバンク table, identically on 1 and 2 workers', () => {
    const csv = join(dir, 'firms.csv');
    expect(node('portfolio', 'generate', '--firms', '96000', '--seed', '1', '-o', csv).code).toBe(
      0,
    );
    const runs = [1, 2].map((workers) => {
      const json = join(dir, `out-${workers}.json`);
      const r = node('portfolio', csv, '--workers', String(workers), '--json', json);
      expect([r.code, r.err]).toEqual([0, '']);
      return { json: readFileSync(json, 'utf8'), out: r.out.replace(json, '') };
    });
    expect(runs[1].json).toBe(runs[0].json);
    expect(runs[1].out).toBe(runs[0].out);

    /*
     * The study (domain.md §2): +68万 / +135万 / +271万 / +542万円 a firm; 経常利益 △2.1 / △4.2 /
     * △8.5 / △16.9 %; 1.8 / 3.6 / 6.6 / 11.5 % turning loss-making; debt ≈ 2.7億円 at 1.04 %,
     * 経常利益 ≈ 3,200万円. Tolerances: ±2万円 at +0.25 % and ±3 % at the other shocks; ±3 %
     * on debt, ±5 % on 経常利益 and its fall, ±0.02 points on the rate, ±0.3 points on shares.
     */
    const r = JSON.parse(runs[0].json) as PortfolioResults;
    expect(r.firms).toBe(96_000);
    expect(Math.abs(r.averages.debt / 271_000_000 - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.averages.rate - 0.0104)).toBeLessThan(0.0002);
    expect(Math.abs(r.averages.ordinaryProfit / 32_000_000 - 1)).toBeLessThan(0.05);
    const full = r.cells.filter((c) => c.mode === 'full-reprice');
    expect(full.map((c) => c.shock)).toEqual([0.0025, 0.005, 0.01, 0.02]);
    expect(Math.abs(full[0].averageExtraInterest - 680_000)).toBeLessThanOrEqual(20_000);
    const study = [
      [680_000, 0.021, 0.018],
      [1_350_000, 0.042, 0.036],
      [2_710_000, 0.085, 0.066],
      [5_420_000, 0.169, 0.115],
    ];
    full.forEach((c, i) => {
      const [yen, fall, turned] = study[i];
      expect(Math.abs(c.averageExtraInterest / yen - 1)).toBeLessThan(0.03);
      expect(Math.abs(c.ordinaryProfitFall! / fall - 1)).toBeLessThan(0.05);
      expect(Math.abs(c.turnedLossMaking.share - turned)).toBeLessThan(0.003);
    });
    // The table's first row, as the study prints it (to 0.1万円 here).
    expect(runs[0].out).toMatch(/\+0\.25%\s+\+67\.8万円\s+△2\.1%\s+1\.8% \(1,752\)/);
  });

  test('bad rows: exit code 1 from the process; 0 with --skip-bad-rows', () => {
    const lines = handCsv.split('\r\n');
    lines[2] = lines[2].replace(',50000000,', ',lots,');
    const file = join(dir, 'bad.csv');
    writeFileSync(file, lines.join('\n'));
    const stop = node('portfolio', file, '--workers', '2');
    expect(stop.code).toBe(1);
    expect(stop.err).toContain('row 3, column ordinaryProfit: must be a number (value: "lots")');
    const skip = node('portfolio', file, '--workers', '2', '--skip-bad-rows');
    expect(skip.code).toBe(0);
    expect(skip.out).toContain('企業数 / firms 2');
  });
});
