import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { OUTPUT_SHEETS, RESULT_SHEET_NAMES } from '../../workbook';
import { MAX_COLUMN_WIDTH, formattedText } from '../../workbook/layout';
import { convertWithLibreOffice, describeWithLibreOffice } from '../support/libreoffice';

/**
 * Every output sheet printed by LibreOffice (headless, to PDF): 結果サマリー's headline and matrix
 * on one page, the tables on 制度・チェック明細 after it,
 * 計数計画 on one page per block, every page landscape with the sheet's name in its header; no
 * written cell is cut (its column is as wide as its text, or it wraps, or it spills over empty
 * cells inside the print area). The first page of each sheet is kept as a PNG in
 * test-artifacts/print/ to look at.
 */

const ARTIFACTS = join(__dirname, '../../test-artifacts/print');
const MAIN = join(__dirname, '../../dist/cli/main.js');

/** The built command line (portfolio and Monte Carlo run on worker threads, so not in-process). */
function rateshock(...args: string[]): void {
  execFileSync(process.execPath, [MAIN, ...args], { stdio: 'pipe' });
}

/** Display width, written out here independently of workbook/layout: East Asian wide = 2. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    w +=
      /[\u1100-\u115f\u2460-\u24ff\u25a0-\u27bf\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2026]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return w;
}

/** The sheet named in each page's header (its centre part, the &A code). */
function sheetOfPages(pdf: string): string[] {
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
  );
  const names: string[] = [];
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-f', `${p}`, '-l', `${p}`, '-layout', pdf, '-'], {
      encoding: 'utf8',
    });
    const header = text.split('\n').find((line) => line.trim() !== '')!;
    names.push(header.trim().split(/\s{2,}/)[1]);
  }
  return names;
}

function pageSize(pdf: string): { width: number; height: number } {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(
    execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
  )!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Keeps the first page of each sheet as a PNG (pdftoppm, 80 dpi). */
function keepFirstPages(pdf: string, sheets: string[], prefix: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  const seen = new Set<string>();
  sheets.forEach((name, i) => {
    if (seen.has(name)) return;
    seen.add(name);
    const out = join(ARTIFACTS, `${prefix}-${seen.size}-${name}`);
    execFileSync('pdftoppm', [
      '-f',
      `${i + 1}`,
      '-l',
      `${i + 1}`,
      '-png',
      '-r',
      '80',
      '-singlefile',
      pdf,
      out,
    ]);
  });
}

/** Written cells that are cut: narrower than their text, not wrapping, not spilling over empty cells. */
async function cutCells(
  xlsx: string,
  sheets: readonly string[],
  breaksWords: readonly string[] = [],
): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const cut: string[] = [];
  for (const name of sheets) {
    const sheet = book.getWorksheet(name)!;
    const area = sheet.pageSetup.printArea;
    const lastColumn = area ? sheet.getColumn(area.split(':')[1].replace(/[\d$]/g, '')).number : 99;
    sheet.eachRow((row) => {
      row.eachCell((cell, column) => {
        const raw = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
        if (raw === null || raw === undefined || column > lastColumn) return;
        const text =
          raw instanceof Date
            ? raw.toISOString().slice(0, 10) // yyyy-mm-dd
            : typeof raw === 'number'
              ? formattedText(raw, cell.numFmt)
              : String(raw as string);
        const need = width(text);
        const columnWidth = sheet.getColumn(column).width ?? 8.43;
        if (columnWidth >= need + 1) return;
        if (cell.alignment?.wrapText) {
          // A wrapped cell: its longest word fits, and the row is tall enough for its lines.
          // Lines break at spaces, and between any two Japanese characters.
          // A word wider than the widest column (a settings path in a message) is broken at
          // the cell's edge by the spreadsheet, as it must be; on a sheet printed narrow
          // (制度・チェック明細) any word wider than its column is.
          const widest = breaksWords.includes(name) ? columnWidth : MAX_COLUMN_WIDTH;
          const words = text
            .split(/\s+|(?=[\u3000-\u9fff])|(?<=[\u3000-\u9fff])/)
            .map(width)
            .filter((w) => w <= widest);
          const lines = Math.ceil(need / (columnWidth - 1));
          if (Math.max(0, ...words) <= columnWidth && (row.height ?? 15) >= lines * 15) return;
        } else if (typeof raw === 'string') {
          // Text spills over empty cells to its right (inside the print area).
          let room = columnWidth;
          for (let c = column + 1; c <= lastColumn && room < need + 1; c++) {
            if (row.getCell(c).value !== null && row.getCell(c).value !== undefined) break;
            room += sheet.getColumn(c).width ?? 8.43;
          }
          if (room >= need + 1) return;
        }
        cut.push(`${name}!${cell.address} (${need} wide in ${columnWidth}): ${text}`);
      });
    });
  }
  return cut;
}

describeWithLibreOffice('the output sheets printed by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rateshock-print-'));
  const results = join(dir, 'lodging.xlsx');
  const monteCarlo = join(dir, 'montecarlo.xlsx');
  const portfolio = join(dir, 'portfolio.xlsx');
  let resultPages: string[];
  let otherPages: string[];
  let resultPdf: string;

  beforeAll(async () => {
    const lodging = join(__dirname, '../../scenarios/lodging-crisis-refinance.case.json');
    rateshock('run', lodging, '-o', results);
    rateshock('montecarlo', lodging, '--paths', '40', '--workers', '1', '-o', monteCarlo);
    const firms = join(dir, 'firms.csv');
    rateshock('portfolio', 'generate', '--firms', '300', '--seed', '1', '-o', firms);
    rateshock('portfolio', firms, '--workers', '1', '-o', portfolio);
    const pdfDir = join(dir, 'pdf');
    resultPdf = (await convertWithLibreOffice(results, { format: 'pdf', outDir: pdfDir }))
      .outputPath;
    const other = [
      await convertWithLibreOffice(monteCarlo, { format: 'pdf', outDir: pdfDir }),
      await convertWithLibreOffice(portfolio, { format: 'pdf', outDir: pdfDir }),
    ];
    resultPages = sheetOfPages(resultPdf);
    otherPages = other.flatMap((o) => sheetOfPages(o.outputPath));
    keepFirstPages(resultPdf, resultPages, 'run');
    other.forEach((o, i) =>
      keepFirstPages(o.outputPath, sheetOfPages(o.outputPath), `other${i + 1}`),
    );
  }, 600_000);

  test('結果サマリー prints on one page; 制度・チェック明細 a block of columns after another; 計数計画 one page per block', () => {
    const count = (name: string) => resultPages.filter((n) => n === name).length;
    // One page at 66 %: the wide tables (which made the sheet print at 25 %) are on their own sheet.
    expect(count(OUTPUT_SHEETS.summary)).toBe(1);
    const page = (p: number) =>
      execFileSync('pdftotext', ['-f', `${p}`, '-l', `${p}`, '-layout', resultPdf, '-'], {
        encoding: 'utf8',
      });
    const lines = (p: number) =>
      page(p)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const first = page(1);
    expect(first).toContain('要点 / headline');
    expect(first).toContain('教訓 / lesson');
    expect(first).toContain('金利 × 戦略');
    expect(first).toContain('明細は「制度・チェック明細」シート');
    expect(first).not.toContain('抵触したチェック / failed checks');
    // 制度・チェック明細 at 60 %: failed checks and by cell (pages 2–3), eligibility (4), terms (5).
    expect(resultPages.slice(1, 5)).toEqual(Array(4).fill(OUTPUT_SHEETS.details));
    expect(count(OUTPUT_SHEETS.details)).toBe(4);
    expect(lines(2)[2]).toBe('抵触したチェック / failed checks');
    expect(page(2) + page(3)).toContain('明細 / by cell');
    expect(lines(4)[1]).toBe('制度要件 / program eligibility');
    expect(lines(5)[1]).toBe('制度条件の根拠 / program terms: source or assumed');
    expect(count(OUTPUT_SHEETS.numericPlan)).toBe(2);
    // The other sheets print, in order, each at least once; the schedule over several pages
    // fit to width (its 3,840 rows), its header repeated on each.
    for (const name of [
      OUTPUT_SHEETS.fiscalYears,
      OUTPUT_SHEETS.checks,
      OUTPUT_SHEETS.schedule,
      OUTPUT_SHEETS.charts,
    ]) {
      expect(count(name)).toBeGreaterThanOrEqual(1);
    }
    expect(count(OUTPUT_SHEETS.schedule)).toBeGreaterThan(10);
    expect(otherPages).toContain(OUTPUT_SHEETS.monteCarlo);
    expect(otherPages).toContain(OUTPUT_SHEETS.portfolio);
  });

  test('A4 landscape pages; the schedule repeats its header on every page', () => {
    const size = pageSize(resultPdf);
    expect(size.width).toBeCloseTo(841.9, 0); // A4 landscape: 297 × 210 mm
    expect(size.height).toBeCloseTo(595.3, 0);
    const schedulePages = resultPages
      .map((name, i) => [name, i + 1] as const)
      .filter(([name]) => name === OUTPUT_SHEETS.schedule);
    for (const [, page] of schedulePages.slice(-2)) {
      const text = execFileSync('pdftotext', ['-f', `${page}`, '-l', `${page}`, resultPdf, '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('返済日 /');
      expect(text).toContain(`${page} / ${resultPages.length}`);
    }
  });

  test('no header or name is cut: each written cell fits its column, wraps, or spills over empty cells', async () => {
    expect(await cutCells(results, RESULT_SHEET_NAMES, [OUTPUT_SHEETS.details])).toEqual([]);
    expect(await cutCells(monteCarlo, [OUTPUT_SHEETS.monteCarlo])).toEqual([]);
    expect(await cutCells(portfolio, [OUTPUT_SHEETS.portfolio])).toEqual([]);
  });

  test('the first page of every sheet is kept as a PNG to look at', () => {
    const kept = readdirSync(ARTIFACTS);
    for (const name of [...new Set([...resultPages, ...otherPages])]) {
      expect(kept.some((f) => f.endsWith(`${name}.png`))).toBe(true);
    }
  });
});
