import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { councilCashSheet } from '../support/council-cash-sheet';
import { convertWithLibreOffice, describeWithLibreOffice } from '../support/libreoffice';

/**
 * The 24-month 資金繰り表 prints a quarter a page (six pages at 71 %, where 12 months a page
 * printed at 37 %); its row labels (項目, 戦略ID, 金利) and its title and notes with the chosen
 * strategy × shock are print titles, so every page reads on its own.
 */

const cash = councilCashSheet();
const xlsx = Buffer.concat(writeXlsx({ replaces: [], sheets: [cash] }));

describe('資金繰り表 print titles in the .xlsx', () => {
  test('one Print_Titles name: the columns first, then the rows, as Excel writes it', () => {
    const workbook = strFromU8(unzipSync(xlsx)['xl/workbook.xml']);
    const names = [...workbook.matchAll(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)</g)];
    expect(names.map((m) => m[1])).toEqual(["'資金繰り表'!$A:$C,'資金繰り表'!$1:$8"]);
  });
});

describeWithLibreOffice('資金繰り表 printed by LibreOffice', () => {
  const pageText = (pdf: string, page: number) =>
    execFileSync('pdftotext', ['-f', `${page}`, '-l', `${page}`, '-layout', pdf, '-'], {
      encoding: 'utf8',
    });

  test('six pages of a quarter each carry the row labels, the title and the whole notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-cash-print-'));
    const path = join(dir, 'cash.xlsx');
    writeFileSync(path, xlsx);
    const pdf = (await convertWithLibreOffice(path, { format: 'pdf', outDir: dir })).outputPath;
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBe(6);
    const texts = [1, 2, 3, 4, 5, 6].map((page) => pageText(pdf, page));
    // Page k + 1 holds months 4k + 1 … 4k + 4 of 2027-04 … 2029-03 in its header row, and
    // only those (the notes above name the first, last and lowest months on every page).
    const month = (i: number) => {
      const m = 3 + i; // month 1 is 2027-04
      return `${2027 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
    };
    texts.forEach((text, k) => {
      const header = text.split('\n').find((line) => line.includes('項目 / item'))!;
      expect(header.match(/\d{4}-\d{2}/g)).toEqual([1, 2, 3, 4].map((i) => month(4 * k + i)));
      for (const label of [
        '資金繰り表 / cash-flow table',
        '2027-04〜2029-03、単位：円 / yen',
        // The notes whole on every page (on pages 2–6 they print inside the title columns).
        '経常収支は月次プロファイル (季節性・サイト) で配分、年計は計画と同じ',
        'operating cash timed by the monthly profile, yearly totals as the plan',
        '前月繰越 / opening cash',
        '経常収入 (売上回収) / receipts',
        '翌月繰越 / closing cash',
        '月末残高 日本政策金融公庫 / balance',
        'plan-balance',
      ]) {
        expect(text).toContain(label);
      }
    });
    // Negatives as the case's statements show them (△), not "-".
    expect(texts.slice(3).join('\n')).toMatch(/△14,137,500/);
    const artifacts = join(__dirname, '../../test-artifacts/print');
    mkdirSync(artifacts, { recursive: true });
    for (const page of [1, 2, 3, 4, 5, 6]) {
      execFileSync('pdftoppm', [
        ...['-f', `${page}`, '-l', `${page}`, '-png', '-r', '80', '-singlefile'],
        pdf,
        join(artifacts, `cash-24-months-page-${page}`),
      ]);
    }
  }, 300_000);
});
