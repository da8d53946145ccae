/**
 * Terminal output fits the terminal: `run` and `montecarlo` at a given width (the Io's
 * columns, as process.stdout.columns gives them on a terminal) print no line wider than it,
 * full-width characters counting two; `--wide` and a pipe print every column. A real terminal
 * (tmux, whose own width rules are the reference) shows the same lines, none wrapped.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../../cli/main';
import { displayWidth } from '../../cli/terminal-table';
import { cut, fitTable, wrapLines } from '../../cli/fit-table';
import { runCli } from './run-cli';

const LODGING = 'scenarios/lodging-crisis-refinance.case.json';
const MANUFACTURER = 'scenarios/manufacturer-dds.case.json';

function runAt(columns: number | undefined, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = run(argv, { out: (s) => (out += s), err: (s) => (err += s), columns });
  return { code, out, err };
}

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('fitting tables and lines', () => {
  test('display width: kanji and full-width forms count two, ASCII and box drawing one', () => {
    expect(displayWidth('償還年数')).toBe(8);
    expect(displayWidth('ＡＢ1')).toBe(5);
    expect(displayWidth('──')).toBe(2);
  });

  test('a table too wide gets short headers, then loses columns in order, then cuts its labels', () => {
    const columns = [
      { header: '戦略 / strategy', short: '戦略' },
      { header: 'aaaaaaaaaa', short: 'a', drop: 2 },
      { header: 'bbbbbbbbbb', short: 'b', drop: 1 },
    ];
    const rows = [['現状維持 / status quo', '1', '2']];
    const compactRows = [['status-quo', '1', '2']];
    // Full: 21 + 2 + 10 + 2 + 10 = 45 columns.
    expect(widest(fitTable(columns, rows, 45, compactRows).text)).toBe(45);
    expect(fitTable(columns, rows, 45, compactRows).compact).toBe(false);
    // Compact: 10 + 2 + 1 + 2 + 1 = 16.
    const compact = fitTable(columns, rows, 20, compactRows);
    expect(compact).toMatchObject({ compact: true, dropped: [] });
    expect(compact.text.split('\n')[0]).toBe('戦略        a  b');
    // 14 columns: b goes first (drop 1) → 10 + 2 + 1 = 13.
    expect(fitTable(columns, rows, 14, compactRows).dropped).toEqual(['b']);
    // 8: both go, and the labels are cut to 8 with "…".
    const narrow = fitTable(columns, rows, 8, compactRows);
    expect(narrow.dropped).toEqual(['b', 'a']);
    expect(narrow.text.split('\n')[2]).toBe('status-…');
    expect(cut('危機対応後経営', 7)).toBe('危機対…');
  });

  test('lines wrap at the width, after a space when there is one, indented two more', () => {
    expect(wrapLines('aaaa bbbb cccc', 10)).toBe('aaaa bbbb\n  cccc');
    expect(wrapLines('  債務償還年数債務償還年数', 12)).toBe(
      '  債務償還年\n    数債務償\n    還年数',
    );
    expect(wrapLines('short', undefined)).toBe('short');
  });
});

describe('run and montecarlo on a terminal', () => {
  test.each([100, 80, 60])(
    'run at %i columns: no line wider, the legend explains the codes',
    (columns) => {
      const { code, out } = runAt(columns, 'run', LODGING);
      expect(code).toBe(0);
      expect(widest(out)).toBeLessThanOrEqual(columns);
      // The status quo at +2.00 %: DSCR 0.93, 10.0 years, three checks failed from 2027.
      expect(out).toMatch(/^status-quo +\+2\.00% .* 0\.93 +10\.0年 +✗ 2027 DS,償還,資金/m);
      expect(out).toContain('  DS = DSCR / DSCR (≥ 1.00)');
      expect(out).toContain('  償還 = 債務償還年数 / debt repayment years');
      expect(out).toContain('  crisis-20y = 危機対応後経営安定貸付');
    },
  );

  test('at 120 columns every column stays under short headers; at 80 経常利益 change, interest and debt service go', () => {
    const at120 = runAt(120, 'run', LODGING).out;
    expect(at120).toMatch(
      /^戦略 +金利 +利息計 +経常増減 +返済計 +最低DSCR +償還年数 +判定 +制度$/m,
    );
    const at80 = runAt(80, 'run', LODGING).out;
    // The eligibility column now reads △ 要確認 (the 20-year rate is assumed), so debt service goes too.
    expect(at80).toMatch(/^戦略 +金利 +最低DSCR +償還年数 +判定 +制度$/m);
    expect(at80).toContain('(省略 / left out: 経常増減, 利息計, 返済計; --wide で全列 / all)');
  });

  test('--wide and a pipe print every column with full names and Japanese check names', () => {
    const wide = runAt(80, 'run', LODGING, '--wide').out;
    const piped = runCli('run', LODGING).out;
    expect(wide).toBe(piped);
    expect(widest(piped)).toBeGreaterThan(200);
    expect(piped).toMatch(
      /^現状維持 \/ status quo +\+2\.00% +38,561,273 +-29\.6% +125,398,538 +0\.93 +10\.0年 +✗ 2027 DSCR、債務償還年数、資金繰り +—$/m,
    );
    expect(piped).toContain(
      '判定 / checks: DSCR = DSCR (≥ 1.00); 債務償還年数 = debt repayment years',
    );
    expect(piped).not.toMatch(/debt-years-at-end|cash-floor/);
  });

  test('run: long eligibility messages wrap too (manufacturer case at 90 columns)', () => {
    const { out } = runAt(90, 'run', MANUFACTURER);
    expect(widest(out)).toBeLessThanOrEqual(90);
    expect(out).toContain('制度要件 / program eligibility:');
  });

  test('run --detail at 80 columns: the year tables fit too, leaving out 実質純資産 and 支払利息', () => {
    const { out } = runAt(80, 'run', MANUFACTURER, '--detail');
    expect(widest(out)).toBeLessThanOrEqual(80);
    expect(out).toMatch(/^決算期 +経常利益 +返済計 +DSCR +償還年数 +最低現預金 \(月\)$/m);
    expect(out).toContain('(省略 / left out: 実質純資産, 支払利息; --wide で全列 / all)');
  });

  test('montecarlo at 100 columns: probabilities with their standard error, no line wider', () => {
    const { code, out } = runAt(100, 'montecarlo', LODGING, '--paths', '300', '--seed', '5');
    expect(code).toBe(0);
    expect(widest(out)).toBeLessThanOrEqual(100);
    const row = /^status-quo +(\d+\.\d)% ±(\d+\.\d)/m.exec(out)!;
    // √(p(1 − p)/N) with N = 300: the printed error follows from the printed probability.
    const p = Number(row[1]) / 100;
    expect(Number(row[2])).toBeCloseTo(Math.sqrt((p * (1 - p)) / 300) * 100, 1);
    expect(out).toMatch(/^crisis-20y +(0\.0% ±0\.0 +){6}0\.0% ±0\.0$/m);
    const wide = runAt(100, 'montecarlo', LODGING, '--paths', '300', '--seed', '5', '--wide').out;
    expect(widest(wide)).toBeGreaterThan(100);
    expect(wide).toMatch(/決算期 \/ FY +返済計 P5 +返済計 P50 +返済計 P95 +DSCR P5/);
  });
});

describe('in a real terminal (tmux)', () => {
  const hasTmux = (() => {
    try {
      execFileSync('tmux', ['-V']);
      return true;
    } catch {
      return false;
    }
  })();
  const maybe = hasTmux || process.env.CI === 'true' ? test : test.skip;

  maybe(
    'run at 100 columns: the pane shows the lines the command printed, none wrapped',
    () => {
      const socket = `rateshock-test-${process.pid}`;
      const cli = join(__dirname, '../../dist/cli/main.js');
      const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args]).toString();
      try {
        tmux(
          'new-session',
          '-d',
          '-s',
          'w',
          '-x',
          '100',
          '-y',
          '200',
          '-c',
          process.cwd(),
          `node ${cli} run ${LODGING}; echo __END__; sleep 60`,
        );
        let pane = '';
        for (let i = 0; i < 100 && !pane.includes('__END__'); i++) {
          execFileSync('sleep', ['0.2']);
          pane = tmux('capture-pane', '-p', '-t', 'w', '-S', '0', '-E', '199');
        }
        const shown = pane.split('\n').slice(0, pane.split('\n').indexOf('__END__'));
        const printed = runAt(100, 'run', LODGING).out.trimEnd().split('\n');
        expect(shown.map((l) => l.trimEnd())).toEqual(printed.map((l) => l.trimEnd()));
      } finally {
        try {
          tmux('kill-server');
        } catch {
          // already gone
        }
      }
    },
    60_000,
  );
});
