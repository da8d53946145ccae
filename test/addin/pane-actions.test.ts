import type { Compute } from '../../addin/compute/compute-client';
import { MemoryWorkbook } from '../../addin/host/memory-workbook';
import { errorLines } from '../../addin/taskpane/error-list';
import { BUSINESS_DAY_TEXT, loanRows } from '../../addin/taskpane/loan-table';
import { PaneActions, RunChoices, parseChoices } from '../../addin/taskpane/pane-actions';
import { WORKSHOP_CHOICES, WORKSHOP_SCENARIOS } from '../../addin/taskpane/workshop-scenarios';
import {
  INPUT_SHEET_NAMES,
  LOANS,
  OUTPUT_SHEETS,
  RESULT_SHEET_NAMES,
  RUN_OUTPUT_SHEET_NAMES,
  SETTINGS,
} from '../../workbook';
import { DEFAULT_CHOICES as CHOICES, inlineCompute as inline } from './support/pane-fixtures';

/**
 * The task pane's actions on the in-memory workbook (the same WorkbookHost the Excel applier
 * implements), with the engine called in-process instead of in the web worker.
 */
async function lodgingWorkbook() {
  const book = new MemoryWorkbook();
  const actions = new PaneActions(book, inline, WORKSHOP_SCENARIOS);
  expect(await actions.loadScenario('lodging')).toMatchObject({
    ok: true,
    message: 'scenarioLoaded',
  });
  return { book, actions };
}

const principalColumn = LOANS.column + LOANS.columns.findIndex((c) => c.key === 'principal');
const businessDayColumn = LOANS.column + LOANS.columns.findIndex((c) => c.key === 'businessDay');
/** 設定's 基準日 value cell: key/value rows under the header, the value in the third column. */
const asOfRow = SETTINGS.row + 1 + SETTINGS.items.findIndex((i) => i.key === 'asOf');

describe('task pane actions', () => {
  test('the template is written once and never over existing input sheets', async () => {
    const book = new MemoryWorkbook();
    const actions = new PaneActions(book, inline, WORKSHOP_SCENARIOS);
    expect(await actions.createTemplate()).toEqual({ ok: true, message: 'templateCreated' });
    expect(book.sheetNames()).toEqual(INPUT_SHEET_NAMES);
    const before = await book.readSnapshot();
    expect(await actions.createTemplate()).toEqual({ ok: false, message: 'templateExists' });
    expect(await book.readSnapshot()).toEqual(before);
  });

  test('a workshop case loads into the input sheets and its strategies are listed', async () => {
    const { actions } = await lodgingWorkbook();
    const strategies = await actions.strategies();
    expect(strategies.map((s) => s.id)).toEqual(
      (WORKSHOP_SCENARIOS.lodging as { strategies: { id: string }[] }).strategies.map((s) => s.id),
    );
  });

  test('a run writes the result sheets and returns the matrix; a second run replaces them', async () => {
    const { book, actions } = await lodgingWorkbook();
    const stages: string[] = [];
    const first = await actions.run(CHOICES, (s) => stages.push(s));
    expect(first.ok).toBe(true);
    expect(stages[0]).toBe('reading');
    expect(stages).toContain('computing');
    expect(stages[stages.length - 1]).toBe('writing');
    expect(book.sheetNames()).toEqual([...INPUT_SHEET_NAMES, ...RESULT_SHEET_NAMES]);
    const summary = first.summary!;
    expect(summary.rows.map((r) => r.shockLabel)).toHaveLength(5);
    // Lodging's lesson: +1.00 % breaks the status quo's DSCR; the 20-year refinancing (at the
    // assumed 2.90 %) restores DSCR but leaves 債務償還年数 above 10 at plan end.
    const plusOne = summary.rows.find((r) => r.shockLabel.includes('1.00'))!;
    expect(plusOne.cells[0].pass).toBe(false);
    expect(plusOne.cells[0].failedChecks).toContain('dscr');
    expect(plusOne.cells[1].failedChecks).toEqual(['debt-years-at-end']);
    expect(plusOne.cells[1].lowestDscr!).toBeGreaterThanOrEqual(1);
    await actions.run(CHOICES);
    expect(book.sheetNames()).toEqual([...INPUT_SHEET_NAMES, ...RESULT_SHEET_NAMES]);
  });

  test("the summary sheet shows the loaded workshop case's lesson, as the CLI does", async () => {
    const { book, actions } = await lodgingWorkbook();
    await actions.run(CHOICES);
    const summaryText = (b: MemoryWorkbook) =>
      b
        .sheet(OUTPUT_SHEETS.summary)!
        .cells.filter((c) => c.column === 1 && typeof c.value === 'string')
        .map((c) => c.value as string)
        .join('');
    const lesson = (WORKSHOP_SCENARIOS.lodging as { lesson: string }).lesson;
    // The lesson is wrapped over several rows; joined back, it is the case file's text.
    expect(summaryText(book)).toContain(`教訓 / lesson: ${lesson.slice(0, 40)}`);
    // (the wrap breaks at " / ", so each language half is checked).
    for (const half of lesson.split(/ ?\/ /))
      expect(summaryText(book).replace(/\s/g, '')).toContain(half.replace(/\s/g, ''));
    // A pane that did not load the case (reopened) falls back to the lesson drawn from the grid.
    const reopened = new PaneActions(book, inline, WORKSHOP_SCENARIOS);
    await reopened.run(CHOICES);
    expect(summaryText(book)).toContain('教訓 / lesson: ');
    expect(summaryText(book)).not.toContain(lesson.slice(0, 40));
  });

  test('bad input: every error named by its cell, nothing written, and a click selects the cell', async () => {
    const { book, actions } = await lodgingWorkbook();
    await actions.run(CHOICES);
    const before = RESULT_SHEET_NAMES.map((n) => book.sheet(n));
    const inputBefore = INPUT_SHEET_NAMES.map((n) => book.sheet(n));
    book.setCell('借入一覧', 6, principalColumn, 'abc');
    const inputTyped = INPUT_SHEET_NAMES.map((n) => book.sheet(n));
    const outcome = await actions.run(CHOICES);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe('inputErrors');
    const [error] = outcome.errors!;
    expect(error.address).toBe(`借入一覧!D6`);
    expect(principalColumn).toBe(4);
    expect(error.messageJa).toContain('数値');
    // Result sheets of the earlier run and the input sheets are as they were.
    expect(RESULT_SHEET_NAMES.map((n) => book.sheet(n))).toEqual(before);
    expect(INPUT_SHEET_NAMES.map((n) => book.sheet(n))).toEqual(inputTyped);
    expect(inputTyped).not.toEqual(inputBefore);
    await actions.select(error);
    expect(book.selection).toEqual({ sheet: '借入一覧', row: 6, column: 4 });
  });

  test('a negative balance and an impossible date: both named by cell, in Japanese and English', async () => {
    const { book, actions } = await lodgingWorkbook();
    book.setCell('借入一覧', 5, principalColumn, -60000);
    book.setCell('設定', asOfRow, SETTINGS.column + 2, '2026/13/45');
    const outcome = await actions.run(CHOICES);
    expect(outcome.message).toBe('inputErrors');
    const errors = outcome.errors!;
    expect(errors.map((e) => e.address).sort()).toEqual(['借入一覧!D5', `設定!C${asOfRow}`].sort());
    for (const e of errors) {
      expect(e.messageJa).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(e.messageEn).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    expect(book.sheetNames()).toEqual(INPUT_SHEET_NAMES);
    // As the pane lists them: the column's name quoted, no space before the particle, the value.
    const byAddress = (a: string) => errors.find((e) => e.address === a)!;
    expect(errorLines(byAddress('借入一覧!D5'), 'ja')).toEqual({
      address: '借入一覧!D5',
      message: '「残高」は正の金額で入力してください (入力値: -60,000)',
    });
    expect(errorLines(byAddress(`設定!C${asOfRow}`), 'ja').message).toBe(
      '「基準日 (直近決算日)」は日付で入力してください (例: 2026-03-31, 2026/3/31, R8.3.31) (入力値: 2026/13/45)',
    );
    expect(errorLines(byAddress('借入一覧!D5'), 'en').message).toMatch(/^\S.* \(found: -60,000\)$/);
    // A sentence that does not start with its label is kept as it is; an empty cell shows no value.
    expect(
      errorLines(
        {
          ...byAddress('借入一覧!D5'),
          label: '元本',
          messageJa: '借入一覧がありません',
          value: null,
        },
        'ja',
      ).message,
    ).toBe('借入一覧がありません');
  });

  test("the summary lists each loan's balance and business-day convention, as the run read them", async () => {
    const { book, actions } = await lodgingWorkbook();
    // Z1 keeps the default (blank: 設定's 翌営業日); C1 前営業日, B1 調整なし, as a user picks them.
    book.setCell('借入一覧', 6, businessDayColumn, '前営業日');
    book.setCell('借入一覧', 7, businessDayColumn, '調整なし');
    const outcome = await actions.run(CHOICES);
    expect(outcome.ok).toBe(true);
    const loans = outcome.summary!.loans!;
    // The case file's balances are in 千円 (60,000 → ¥60,000,000).
    expect(loans.map((l) => [l.id, l.balance, l.businessDay])).toEqual([
      ['Z1', 60_000_000, 'following'],
      ['C1', 70_000_000, 'preceding'],
      ['B1', 120_000_000, 'none'],
    ]);
    expect(loanRows(loans, 'ja')).toEqual([
      ['ゼロゼロ融資 (保証付, 短プラ連動)', 'みどり銀行', '60,000,000', '翌営業日'],
      ['新型コロナ特別貸付 (公庫, 固定)', '日本政策金融公庫', '70,000,000', '前営業日'],
      ['設備資金 (短プラ連動)', 'みどり銀行', '120,000,000', '調整なし'],
    ]);
    expect(loanRows(loans, 'en').map((r) => r[3])).toEqual(['Following', 'Preceding', 'None']);
    expect(BUSINESS_DAY_TEXT.ja).toEqual({
      following: '翌営業日',
      preceding: '前営業日',
      none: '調整なし',
    });
  });

  test('an engine failure writes nothing either', async () => {
    const book = new MemoryWorkbook();
    const failing: Compute = async () => {
      throw new Error('worker crashed');
    };
    const actions = new PaneActions(book, failing, WORKSHOP_SCENARIOS);
    await actions.loadScenario('lodging');
    const before = await book.readSnapshot();
    await expect(actions.run(CHOICES)).rejects.toThrow('worker crashed');
    expect(await book.readSnapshot()).toEqual(before);
  });

  test('custom shocks and chosen strategies reach the engine; Monte Carlo adds its sheet', async () => {
    const { book, actions } = await lodgingWorkbook();
    const [statusQuo, refinance] = await actions.strategies();
    const outcome = await actions.run({
      shockPercents: [1],
      customShocks: '０．７５、 +1.5%',
      strategyIds: [refinance.id],
      monteCarlo: { enabled: true, paths: '200', seed: '7' },
    });
    expect(outcome.ok).toBe(true);
    const s = outcome.summary!;
    expect(s.rows.map((r) => r.shockLabel)).toEqual(['±0', '+0.75%', '+1.00%', '+1.50%']);
    expect(s.strategies.map((x) => x.id)).toEqual([statusQuo.id, refinance.id]);
    expect(s.monteCarloFailure).toHaveLength(2);
    for (const p of s.monteCarloFailure!) expect(p).toBeGreaterThanOrEqual(0);
    expect(book.sheetNames()).toContain(OUTPUT_SHEETS.monteCarlo);
  });

  test('clear removes the run sheets only', async () => {
    const { book, actions } = await lodgingWorkbook();
    expect(await actions.clear()).toEqual({ ok: true, message: 'nothingToClear' });
    await actions.run(CHOICES);
    expect(await actions.clear()).toEqual({ ok: true, message: 'cleared' });
    expect(book.sheetNames()).toEqual(INPUT_SHEET_NAMES);
    expect(RUN_OUTPUT_SHEET_NAMES).not.toContain(OUTPUT_SHEETS.portfolio);
  });
});

describe('workshop choices', () => {
  test("each case file's name and lesson split into Japanese and English", () => {
    const lodging = WORKSHOP_CHOICES.find((c) => c.key === 'lodging')!;
    expect(lodging.ja).toBe('旅館業 (研修用): ゼロゼロ・コロナ融資と金利上昇');
    expect(lodging.en).toBe('inn with zero-zero and COVID loans');
    expect(lodging.lesson!.ja).toMatch(/^現状の返済は.*。$/);
    expect(lodging.lesson!.en).toMatch(/^The status quo clears DSCR 1\.0 by a hair;/);
    expect(WORKSHOP_CHOICES.map((c) => c.key)).toEqual(['lodging', 'manufacturer', 'apparel']);
  });
});

describe('parseChoices', () => {
  test('standard and typed shocks: percent → decimal, sorted, each once, full-width accepted', () => {
    expect(parseChoices({ ...CHOICES, customShocks: '１．５, 0.25 -0.1' })).toEqual({
      shockSizes: [-0.001, 0.0025, 0.005, 0.01, 0.015, 0.02],
      strategyIds: null,
      monteCarlo: null,
    });
  });
  test.each([
    [{ customShocks: 'abc' }, 'badShock'],
    [{ customShocks: '11' }, 'badShock'],
    [{ monteCarlo: { enabled: true, paths: '99', seed: '1' } }, 'badPaths'],
    [{ monteCarlo: { enabled: true, paths: '1.5', seed: '1' } }, 'badPaths'],
    [{ monteCarlo: { enabled: true, paths: '1,000', seed: '-1' } }, 'badSeed'],
  ])('%j → %s', (change, message) => {
    expect(parseChoices({ ...CHOICES, ...change } as RunChoices)).toEqual({ message });
  });
  test('Monte Carlo paths with separators', () => {
    const p = parseChoices({
      ...CHOICES,
      monteCarlo: { enabled: true, paths: '10,000', seed: '42' },
    });
    expect(p).toMatchObject({ monteCarlo: { paths: 10_000, seed: 42 } });
  });
});
