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
import { Command, CommanderError } from 'commander';
import { registerPortfolioCommands } from '../../cli/commands/portfolio';
import { FIRM_COLUMNS, firmCsvLine } from '../../engine';
import { HAND_FIRMS } from '../engine/portfolio/hand-portfolio';
import { EQUAL_PRINCIPAL_B } from '../support/hand-worked-loans';
import { tempFile } from '../support/temp-files';
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
      // The status quo at +2.00 %: DSCR 0.93, 10.0 years (above 10), three checks failed from 2027.
      expect(out).toMatch(/^status-quo +\+2\.00% .* 0\.93 +10\.0年 +✗ 2027 DS,償還,資金/m);
      expect(out).toContain('  DS = DSCR / DSCR (≥ 1.00)');
      expect(out).toContain('  償還 = 債務償還年数 / debt repayment years');
      expect(out).toContain('  crisis-20y = 危機対応後経営安定貸付');
    },
  );

  test('at 100 columns the 経常利益 change goes (制度 shows △ 要確認); at 80 interest and debt service too', () => {
    const at100 = runAt(100, 'run', LODGING).out;
    expect(at100).toMatch(/^戦略 +金利 +利息計 +返済計 +最低DSCR +償還年数 +判定 +制度$/m);
    expect(at100).toContain('(省略 / left out: 経常増減; --wide で全列 / all)');
    const at80 = runAt(80, 'run', LODGING).out;
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

/** `rateshock portfolio <argv>` in-process at `columns`, waiting for the async command. */
async function portfolioAt(columns: number | undefined, ...argv: string[]) {
  let out = '';
  const io = { out: (s: string) => (out += s), err: () => undefined, columns };
  const program = new Command('rateshock').exitOverride();
  registerPortfolioCommands(program, io, () => undefined);
  try {
    await program.parseAsync(['portfolio', ...argv], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
  }
  return out;
}

// Check ids (engine names such as debt-years-at-end) are never shown in the text output.
const CHECK_IDS = /\b(dscr|debt-years-at-end|debt-years|cash-floor|insolvency)\b/;

describe('shocks, schedule and portfolio on a terminal', () => {
  const loan = tempFile('loan.json', { ...EQUAL_PRINCIPAL_B, guaranteeFeeRate: 0.01 });

  test('schedule at 80: short headers, the opening balance left out; at 60 fee and payment too', () => {
    const piped = runAt(undefined, 'schedule', loan).out;
    // Full: 12 + 13 + 18 + 15 + 16 + 12 + 16 + 18 + 7 × 2 = 134 columns.
    expect(widest(piped)).toBe(134);
    expect(runAt(80, 'schedule', loan, '--wide').out).toBe(piped);
    const at80 = runAt(80, 'schedule', loan).out;
    expect(widest(at80)).toBeLessThanOrEqual(80);
    expect(at80).toMatch(/^回 +返済日 +利息 +元金 +保証料 +返済額 +期末残高$/m);
    // Period 3: 12,000,000 × 2.3 % × 29/365 = 21,928; principal 12,000,000 / 10.
    expect(at80).toMatch(/^3 +2024-04-30 +21,928 +1,200,000 +9,534 +1,221,928 +10,800,000$/m);
    expect(at80).toContain('(省略 / left out: 期首残高; --wide で全列 / all)');
    expect(at80).toContain('保証料 = fee');
    const at60 = runAt(60, 'schedule', loan).out;
    expect(widest(at60)).toBeLessThanOrEqual(60);
    expect(at60).toMatch(/^回 +返済日 +利息 +元金 +期末残高$/m);
    expect(at60).toMatch(/^合計 +173,156 +12,000,000 *$/m);
  });

  test.each([80, 60])('shocks at %i: no line wider; the life totals unchanged', (columns) => {
    const { code, out } = runAt(columns, 'shocks', 'scenarios/workshop-stack.json');
    expect(code).toBe(0);
    expect(widest(out)).toBeLessThanOrEqual(columns);
    // Full reprice, +2.00 %, over the loans' lives: 10,060,268 yen.
    expect(out).toMatch(/10,060,268$/m);
    expect(out).not.toMatch(CHECK_IDS);
  });

  test('shocks at 60: short headers, the inner shocks go first, a legend; a pipe gets all', () => {
    const at60 = runAt(60, 'shocks', 'scenarios/workshop-stack.json').out;
    // The base interest goes first (full reprice: 11 + 9 + 9 + 9 + 10 + 4 × 2 = 56 columns).
    expect(at60).toMatch(/^決算期 +\+0\.25% +\+0\.50% +\+1\.00% +\+2\.00%$/m);
    expect(at60).toMatch(/^全期間 +1,253,447 +2,508,022 +5,020,706 +10,060,268$/m);
    expect(at60).toContain('(省略 / left out: 基準利息; --wide で全列 / all)');
    expect(at60).toContain('(決算期 = FY, 基準利息 = base interest, 全期間 = life)');
    const at40 = runAt(40, 'shocks', 'scenarios/workshop-stack.json').out;
    expect(widest(at40)).toBeLessThanOrEqual(40);
    expect(at40).toMatch(/^決算期 +\+0\.25% +\+2\.00%$/m);
    const piped = runCli('shocks', 'scenarios/workshop-stack.json').out;
    expect(piped).toMatch(
      /^全期間 \/ life +9,315,852 +1,253,447 +2,508,022 +5,020,706 +10,060,268$/m,
    );
    expect(runAt(40, 'shocks', 'scenarios/workshop-stack.json', '--wide').out).toBe(piped);
  });

  const csv = tempFile(
    'firms.csv',
    [FIRM_COLUMNS.join(','), ...HAND_FIRMS.map(firmCsvLine)].join('\n') + '\n',
  );

  test('portfolio at 80 and 60 (the three hand-worked firms): no line wider, codes explained', async () => {
    const at80 = await portfolioAt(80, csv);
    expect(widest(at80)).toBeLessThanOrEqual(80);
    expect(at80).toMatch(/^上昇幅 +利息負担 +下押し +赤字転落 +DSCR<1\.0 +償還>13年$/m);
    expect(at80).toMatch(
      /^\+2\.00% +\+414万円 +△24\.3% +33\.3% \(1\) +100\.0% \(\+33\.3\) +33\.3% \(\+33\.3\)$/m,
    );
    // Most affected: 甲商店, 3億6,500万円 of debt, falls 364万円; DSCR 1.18 → 1.04.
    expect(at80).toMatch(
      /^1 +A +甲商店 +3億6,500万円 +300万円 +364万円 +1\.18 → 1\.04 +12\.90 → 14\.72$/m,
    );
    expect(at80).toContain('(省略 / left out: 業種, 行, 後; --wide で全列 / all)');
    expect(at80).toContain('償還 = 債務償還年数');
    const at60 = await portfolioAt(60, csv);
    expect(widest(at60)).toBeLessThanOrEqual(60);
    expect(at60).toMatch(/^上昇幅 +利息負担 +赤字転落 +DSCR<1\.0 +償還>13年$/m);
    expect(at60).toContain('(省略 / left out: 下押し; --wide で全列 / all)');
    for (const out of [at80, at60]) expect(out).not.toMatch(CHECK_IDS);
  });

  test('portfolio --wide and a pipe: the full headers', async () => {
    const wide = await portfolioAt(60, csv, '--wide');
    expect(wide).toBe(await portfolioAt(undefined, csv));
    expect(wide).toMatch(/^金利上昇幅 \/ shock +利息負担 \(年間, 1社平均\) \/ extra interest/m);
    expect(wide).toMatch(/^順位 \/ # +行 \/ row +ID +企業名 \/ name +業種 \/ sector/m);
    expect(widest(wide)).toBeGreaterThan(100);
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
