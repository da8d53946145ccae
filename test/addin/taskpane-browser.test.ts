import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runWorkbook } from '../../addin/compute/run-workbook';
import { MemoryWorkbook } from '../../addin/host/memory-workbook';
import { errorLines } from '../../addin/taskpane/error-list';
import { panePlans, planRows } from '../../addin/taskpane/plan-table';
import { shockText } from '../../addin/taskpane/summary-card';
import { cellText } from '../../addin/taskpane/summary-table';
import { WORKSHOP_SCENARIOS } from '../../addin/taskpane/workshop-scenarios';
import { AddinServer, launchChromium, serveAddin } from '../../bench/addin-page';
import { STANDARD_SHOCK_SIZES, catalogPrograms, parseCaseFile, simulate } from '../../engine';
import {
  CellError,
  INPUT_SHEET_NAMES,
  LOANS,
  PatchValue,
  SETTINGS,
  scenarioTemplate,
} from '../../workbook';
import { describeWithChromium } from '../support/chromium';

/**
 * The built task pane (dist/addin, `npm run build`) in headless Chromium, outside Office, with
 * office.js served as Microsoft serves it — the npm copy on a second local origin laid out like
 * the CDN — under the page's own Content-Security-Policy: it renders in Japanese, loads the
 * lodging workshop case into its in-memory workbook (the same WorkbookHost interface as Excel),
 * runs it in its web worker, and shows the summary the engine computes here in Node. Any CSP
 * violation, console error, page error or failed request fails the suite, and no request goes
 * anywhere but the two loopback origins.
 *
 * Deterministic: the page's clock is Playwright's fake clock, paused, so no timer of office.js
 * or of the pane fires on its own under load; every wait is on an explicit signal (the
 * `data-ready` attribute the entry sets after Office.onReady, a status text, a table). At the
 * end the clock is run a minute forward, firing every timer office.js has set (its script
 * time-outs, its log proxy after 3 s), and the checks are made after that.
 */
const ARTIFACTS = join(__dirname, '../../test-artifacts');

/** A cell typed into the pane's in-memory workbook: sheet, 1-based row and column, value. */
type TypedCell = [string, number, number, PatchValue];

const column = (key: string) => LOANS.column + LOANS.columns.findIndex((c) => c.key === key);
/** 借入一覧's loans are on rows 5–7 (Z1, C1, B1); 設定's 基準日 value cell. */
const ASOF_ROW = SETTINGS.row + 1 + SETTINGS.items.findIndex((i) => i.key === 'asOf');
const BAD_CELLS: TypedCell[] = [
  ['借入一覧', 5, column('principal'), -60000],
  ['設定', ASOF_ROW, SETTINGS.column + 2, '2026/13/45'],
];
/** C1 paid on the business day before a holiday, B1 not moved; Z1 keeps 設定's 翌営業日. */
const CONVENTIONS: TypedCell[] = [
  ['借入一覧', 6, column('businessDay'), '前営業日'],
  ['借入一覧', 7, column('businessDay'), '調整なし'],
];

/** The lodging case with `cells` typed in, run in Node as the pane's worker runs it. */
async function runInNode(cells: TypedCell[]) {
  const filled = scenarioTemplate(WORKSHOP_SCENARIOS.lodging);
  if (!filled.ok) throw new Error(filled.errors.join('\n'));
  const book = new MemoryWorkbook();
  await book.applyPatch(filled.patch);
  for (const [sheet, row, col, value] of cells) book.setCell(sheet, row, col, value);
  return runWorkbook({
    snapshot: await book.readSnapshot(),
    shockSizes: STANDARD_SHOCK_SIZES,
    strategyIds: null,
    monteCarlo: null,
  });
}

/** The input errors the pane must list: what the reader finds in Node, one per bad cell. */
async function expectedErrors(cells: TypedCell[]): Promise<CellError[]> {
  const run = await runInNode(cells);
  if (run.ok) throw new Error('the bad cells read as a case');
  return run.errors;
}

/** The summary matrix the pane must show, computed in Node from the same case and cells. */
async function expectedMatrix(cells: TypedCell[]): Promise<string[][]> {
  const run = await runInNode(cells);
  if (!run.ok) throw new Error(run.message ?? JSON.stringify(run.errors));
  return run.summary.rows.map((r) => [shockText(r.shockLabel), ...r.cells.map(cellText)]);
}

describeWithChromium('task pane in headless Chromium', () => {
  let server: AddinServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    server = await serveAddin();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    // Paused before the page exists: time moves only when the test says so.
    await context.clock.install({ time: new Date('2026-04-01T09:00:00+09:00') });
    await context.clock.pauseAt(new Date('2026-04-01T09:00:01+09:00'));
    page = await context.newPage();
    // Every wait is on an explicit signal; on a loaded 2-core machine Chromium can need more than
    // Playwright's default 30 s to get there, so each wait may use most of jest's 120 s.
    page.setDefaultTimeout(100_000);
    // Every CSP violation, whether or not the browser also logs it.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP: ${e.effectiveDirective} refused ${e.blockedURI} (${e.sourceFile})`),
      ),
    );
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning')
        problems.push(`console ${m.type()}: ${m.text()} (${m.location().url})`);
    });
    await page.goto(`${server.origin}/taskpane.html`);
    await page.locator('html[data-ready=ready]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('office.js came from the CDN stand-in, with the mapping table a plain browser gets', () => {
    const cdn = `${server.cdnOrigin}/1/`;
    expect(requests).toContain(`${cdn}office.js`);
    expect(requests).toContain(`${cdn}o15apptofilemappingtable.js`);
  });

  /** Types cells into the pane's in-memory workbook, as a user would in Excel. */
  const typeCells = (cells: TypedCell[]) =>
    page.evaluate((list) => {
      const book = (window as unknown as { rateShockPreviewWorkbook: MemoryWorkbook })
        .rateShockPreviewWorkbook;
      for (const [sheet, row, col, value] of list) book.setCell(sheet, row, col, value);
    }, cells);

  /** The rows of the loan table under the result card, as text. */
  const loanTableRows = () =>
    page
      .locator('[data-testid=loans] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())),
      );

  /**
   * Whether an element's top is on screen (at or below the viewport's top, above the run bar)
   * at the page's current scroll.
   */
  const inView = (selector: string) =>
    page.locator(selector).evaluate((e) => {
      const top = e.getBoundingClientRect().top;
      const bar = document.querySelector('.run-bar')!.getBoundingClientRect().top;
      return top >= 0 && top < bar;
    });

  const shot = (name: string) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The viewport, as the pane shows it (the run bar stays at its bottom).
    return page.screenshot({ path: join(ARTIFACTS, `taskpane-${name}.png`) });
  };

  test('renders in Japanese, in preview mode, shocks in %pt, one next step for an empty workbook', async () => {
    await page.locator('#run').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    // The manifest's display name.
    expect(await page.textContent('h1')).toBe('RateShock 金利上昇ストレステスト');
    expect(await page.textContent('#run')).toBe('実行');
    expect(await page.textContent('#preview')).toContain('プレビュー');
    for (const p of ['0.25', '0.5', '1', '2'])
      expect(await page.isChecked(`#shock-${p.replace('.', '\\.')}`)).toBe(true);
    expect(await page.locator('.choices label').first().textContent()).toBe(' +0.25%pt');
    await page.locator('#next-step:not([hidden])').waitFor();
    expect(await page.textContent('#next-step')).toContain('まず「入力テンプレートを作成」');
    // Monte Carlo is folded under 詳細設定.
    expect(await page.isVisible('#mc-paths')).toBe(false);
    expect(await page.textContent('#advanced > summary')).toBe('詳細設定');
    await shot('initial');
  });

  test('Run on an empty workbook: the one next step, no list of missing sheets', async () => {
    await page.click('#run');
    await page.locator('#status', { hasText: 'まず「入力テンプレートを作成」' }).waitFor();
    expect(await page.locator('[data-testid=errors]').count()).toBe(0);
  });

  test('input errors: a bad typed shock is named, nothing runs', async () => {
    await page.click('#create-template');
    await page.locator('#status', { hasText: '入力テンプレートを作成しました' }).waitFor();
    await page.locator('#next-step[hidden]').waitFor({ state: 'attached' });
    await page.fill('#custom-shocks', '0.75, abc');
    await page.click('#run');
    await page
      .locator('#status.error', { hasText: 'ショックは -5〜+10 の % で入力してください' })
      .waitFor();
    await shot('bad-shock');
    await page.fill('#custom-shocks', '');
  });

  test('loads the lodging case and lists its strategies', async () => {
    await page.selectOption('#scenario', 'lodging');
    await page.click('#load-scenario');
    await page.locator('#status', { hasText: '事例を読み込みました' }).waitFor();
    const strategies = await page.locator('#strategies label').allTextContents();
    expect(strategies.length).toBeGreaterThanOrEqual(2);
    expect(await page.isDisabled('#strategies input >> nth=0')).toBe(true);
    expect(await page.textContent('#lesson')).toMatch(/^現状の返済は.*危機対応後経営安定貸付/);
  });

  test('cell errors: each named by sheet!cell in a clickable list that selects it, nothing written', async () => {
    await typeCells(BAD_CELLS);
    await page.click('#run');
    await page
      .locator('#status.error', { hasText: '入力エラー（クリックでセルを選択）' })
      .waitFor();
    // One line per bad cell, as the reader words it in Japanese: "sheet!cell: message".
    const expected = await expectedErrors(BAD_CELLS);
    expect(expected.map((e) => e.address).sort()).toEqual(
      ['借入一覧!D5', `設定!C${ASOF_ROW}`].sort(),
    );
    const lines = await page
      .locator('[data-testid=errors] li')
      .evaluateAll((lis) =>
        lis.map((li) => [
          li.querySelector('.error-address')?.textContent ?? '',
          li.querySelector('.error-message')?.textContent ?? '',
        ]),
      );
    expect(lines).toEqual(expected.map((e) => [e.address, errorLines(e, 'ja').message]));
    expect(lines[0][1]).toBe('「残高」は正の金額で入力してください (入力値: -60,000)');
    expect(await page.textContent('[data-testid=errors-heading]')).toBe(
      '入力エラー 2 件（結果シートは書き込んでいません）',
    );
    // Every error is a button (its sheet is there).
    expect(await page.locator('[data-testid=errors] li button.error-link').count()).toBe(2);
    // The list is scrolled into view by the pane, below the form and above the run bar.
    expect(await inView('[data-testid=errors-heading]')).toBe(true);
    expect(await page.locator('[data-testid=result-card]').count()).toBe(0);
    await page.locator('[data-testid=errors] li button', { hasText: '設定!' }).click();
    const selection = await page.evaluate(
      () =>
        (window as unknown as { rateShockPreviewWorkbook: MemoryWorkbook }).rateShockPreviewWorkbook
          .selection,
    );
    expect(selection).toEqual({ sheet: '設定', row: ASOF_ROW, column: SETTINGS.column + 2 });
    const sheets = await page.evaluate(() =>
      (
        window as unknown as { rateShockPreviewWorkbook: MemoryWorkbook }
      ).rateShockPreviewWorkbook.sheetNames(),
    );
    // Nothing written: the input sheets only.
    expect([...sheets].sort()).toEqual([...INPUT_SHEET_NAMES].sort());
    await page.locator('[data-testid=errors]').scrollIntoViewIfNeeded();
    await shot('input-errors');
    // The case as it was, for the run below.
    await page.click('#load-scenario');
    await page.locator('#status', { hasText: '事例を読み込みました' }).waitFor();
  });

  test("runs the case: a result card with the matrix and headline, the engine's table behind it", async () => {
    await page.click('#run');
    const card = page.locator('[data-testid=result-card]');
    await card.waitFor();
    await page.locator('#status', { hasText: '完了' }).waitFor();
    // The pane scrolled the card's top into view: the user sees the result without scrolling.
    expect(await inView('[data-testid=result-card]')).toBe(true);
    const expected = await expectedMatrix([]);
    // The compact matrix: ✓/✗ only.
    const marks = await page
      .locator('[data-testid=matrix] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())),
      );
    expect(marks).toEqual(expected.map((r) => [r[0], ...r.slice(1).map((c) => c.slice(0, 1))]));
    // The lesson: +1.00 %pt breaks the status quo's DSCR; the 20-year crisis refinancing (at the
    // assumed 2.90 %) keeps DSCR at 1.0 or above but breaches 債務償還年数 at plan end.
    const plusOne = expected.find((r) => r[0] === '+1.00%pt')!;
    expect(plusOne[1].startsWith('✗')).toBe(true);
    expect(Number(plusOne[1].slice(2))).toBeLessThan(1);
    expect(plusOne[2].startsWith('✗')).toBe(true);
    expect(Number(plusOne[2].slice(2))).toBeGreaterThanOrEqual(1);
    const firstBreak = expected.find((r) => r[1].startsWith('✗'))![0];
    expect(await page.textContent('[data-testid=headline]')).toContain(`で不合格になります`);
    expect(await page.textContent('[data-testid=headline]')).toContain(firstBreak);
    // The lowest DSCR shown is the status quo column's lowest.
    const lowest = Math.min(...expected.map((r) => Number(r[1].slice(2))));
    expect(await page.textContent('[data-testid=lowest-dscr]')).toBe(lowest.toFixed(2));
    // The detailed table, folded behind the card.
    expect(await page.isVisible('[data-testid=summary]')).toBe(false);
    await page.click('[data-testid=result-card] details > summary');
    const rows = await page
      .locator('[data-testid=summary] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())),
      );
    expect(rows.slice(0, expected.length)).toEqual(expected);
    expect(await page.textContent('[data-testid=headline]')).toMatch(/^現状維持は \+/);
    // Each loan's business-day convention, in the sheet's words, beside its balance: the case
    // gives none, so 設定's default, 翌営業日, for all three.
    expect((await loanTableRows()).map((r) => r[3])).toEqual(['翌営業日', '翌営業日', '翌営業日']);
    await page.locator('[data-testid=result-card]').scrollIntoViewIfNeeded();
    await shot('result');
  });

  test('the loans under the result card show the convention each loan was run with', async () => {
    await typeCells(CONVENTIONS);
    await page.click('#run');
    await page.locator('#status', { hasText: '完了' }).waitFor();
    await page.click('[data-testid=result-card] details > summary');
    expect(await loanTableRows()).toEqual([
      ['ゼロゼロ融資 (保証付, 短プラ連動)', 'みどり銀行', '60,000,000', '翌営業日'],
      ['新型コロナ特別貸付 (公庫, 固定)', '日本政策金融公庫', '70,000,000', '前営業日'],
      ['設備資金 (短プラ連動)', 'みどり銀行', '120,000,000', '調整なし'],
    ]);
    // The matrix is the engine's for those conventions (a payment moved across a month or
    // fiscal year-end changes a year's debt service).
    const expected = await expectedMatrix(CONVENTIONS);
    const marks = await page
      .locator('[data-testid=matrix] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())),
      );
    expect(marks).toEqual(expected.map((r) => [r[0], ...r.slice(1).map((c) => c.slice(0, 1))]));
    await page.locator('[data-testid=loans]').scrollIntoViewIfNeeded();
    await shot('loans');
  });

  test('at 320 px, the narrowest pane: nothing overflows sideways, the run bar in view', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        // Every table either fits or scrolls inside its own box, never widening the pane.
        boxes: [...document.querySelectorAll('.table-scroll, .table-caption, .card')].map(
          (e) => e.getBoundingClientRect().right,
        ),
      }));
      expect(widths.page).toBe(320);
      expect(Math.max(...widths.boxes)).toBeLessThanOrEqual(320);
      const bar = await page.locator('.run-bar').boundingBox();
      expect(bar!.y + bar!.height).toBeLessThanOrEqual(800);
      await page.locator('[data-testid=result-card]').scrollIntoViewIfNeeded();
      await shot('result-320');
    } finally {
      await page.setViewportSize({ width: 360, height: 900 });
    }
  });

  test('English mode is English only', async () => {
    await page.click('#language');
    expect(await page.textContent('#run')).toBe('Run');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('RateShock interest-rate stress test');
    expect(await page.textContent('#lesson')).toMatch(/^The status quo clears DSCR 1\.0/);
    // Two sentences, the first opening with a capital, a space after the full stop.
    expect(await page.textContent('[data-testid=headline]')).toMatch(
      /^Status quo fails from \+\d\.\d\d%pt\. (No strategy passes|Passing under every shock: )/,
    );
    expect((await loanTableRows()).map((r) => r[3])).toEqual(['Following', 'Preceding', 'None']);
    expect(await page.textContent('[data-testid=loans-caption]')).toBe(
      'Loans (payment dates on a bank holiday)',
    );
    // The pane's own words (everything but names from the workbook) have no Japanese.
    const own = await page.evaluate(() =>
      [
        ...document.querySelectorAll(
          'h1, h2:not(.card h2), button, summary, label, #status, #next-step, .metric-label, .hint:not(#lesson)',
        ),
      ].map((e) => e.childNodes[e.childNodes.length - 1]?.textContent ?? ''),
    );
    const strategyNames = await page.locator('#strategies label').allTextContents();
    const japanese = own.filter(
      (x) =>
        /[\u3040-\u30ff\u4e00-\u9fff]/.test(x) && !strategyNames.some((n) => n.includes(x.trim())),
    );
    expect(japanese.filter((x) => x.trim() !== '日本語')).toEqual([]);
    await shot('english');
    await page.click('#language');
    expect(await page.textContent('#run')).toBe('実行');
  });

  test('a council plan: lender table in one language, shocks in %pt, the rows the engine gives', async () => {
    const council = JSON.parse(
      readFileSync(join(__dirname, '../../scenarios/council-pro-rata.case.json'), 'utf8'),
    );
    const filled = scenarioTemplate(council);
    if (!filled.ok) throw new Error(filled.errors.join('\n'));
    // The council case typed into a fresh workbook, as a trainer would fill the sheets.
    await page.evaluate(async (patch) => {
      const book = (window as unknown as { rateShockPreviewWorkbook: MemoryWorkbook })
        .rateShockPreviewWorkbook;
      await book.removeSheets(book.sheetNames());
      await book.applyPatch(patch);
    }, filled.patch);
    await page.click('#reload-strategies');
    await page.locator('#strategy-plan-balance').waitFor();
    await page.click('#run');
    await page.locator('#status', { hasText: '完了' }).waitFor({ timeout: 60_000 });
    await page.click('[data-testid=result-card] details > summary');
    // Expected: the engine's plan for the same case, in Node.
    const parsed = parseCaseFile(council);
    if (!parsed.ok) throw new Error('case');
    const out = simulate(parsed.value, catalogPrograms(parsed.value.programOverrides));
    if (!out.ok) throw new Error('simulate');
    const plan = panePlans(out.results).find((p) => p.strategyId === 'plan-balance')!;
    const table = '[data-testid=plan-plan-balance]';
    const texts = (selector: string) =>
      page.locator(selector).evaluateAll((es) => es.map((e) => (e.textContent ?? '').trim()));
    expect(await texts(`${table} thead th`)).toEqual([
      '金融機関',
      'シェア',
      '基準日残高（円）',
      '非保全（円）',
      '返済計（ショックなし、円）',
      '±0',
      '+0.25%pt',
      '+0.50%pt',
      '+1.00%pt',
      '+2.00%pt',
    ]);
    const rows = await page
      .locator(`${table} tbody tr`)
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())),
      );
    expect(rows).toEqual(planRows(plan));
    expect(rows[0].slice(0, 3)).toEqual(['みどり銀行', '52.4%', '110,000,000']);
    expect(await page.textContent('[data-testid=plan-plan-balance-caption]')).toBe(
      '再生計画: 残高プロラタ — 清算配当率 17.0%',
    );
    await page.locator(table).scrollIntoViewIfNeeded();
    await shot('plan');
    await page.click('#language');
    try {
      // The detailed table stays unfolded across the switch.
      expect(await page.isVisible(table)).toBe(true);
      expect(await texts(`${table} thead th`)).toEqual([
        'Lender',
        'Share',
        'Base-date balance (yen)',
        'Unsecured (yen)',
        'Repaid, no shock (yen)',
        '±0',
        '+0.25%pt',
        '+0.50%pt',
        '+1.00%pt',
        '+2.00%pt',
      ]);
      expect(await page.textContent('[data-testid=plan-plan-balance-caption]')).toBe(
        'pro rata by balance — liquidation rate 17.0%',
      );
      // The toggle is at the top: clicking it scrolled there.
      await page.locator(table).scrollIntoViewIfNeeded();
      await shot('plan-english');
    } finally {
      await page.click('#language');
    }
  });

  test('after every timer has fired: requests only to the two origins, no CSP or console error', async () => {
    // A minute of page time: office.js's script time-outs and its log proxy (3 s) come due.
    await page.clock.runFor(60_000);
    // A round trip through the page, so that anything those timers logged has arrived.
    const frames = await page.evaluate(() => document.querySelectorAll('iframe').length);
    expect(problems).toEqual([]);
    expect(frames).toBe(0);
    expect(requests.length).toBeGreaterThan(3);
    const origins = [server.origin + '/', server.cdnOrigin + '/'];
    expect(requests.filter((u) => !origins.some((o) => u.startsWith(o)))).toEqual([]);
    expect(requests).toContain(`${server.origin}/compute.worker.js`);
  });
});
