import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { writeXlsx } from '../../cli/xlsx/write-xlsx';
import { councilCashSheet } from '../support/council-cash-sheet';
import { convertWithLibreOffice, describeWithLibreOffice } from '../support/libreoffice';

/**
 * The 24-month 資金繰り表 prints as two pages of 12 months; its row labels (項目, 戦略ID, 金利)
 * and its title with the chosen strategy × shock are print titles, so page 2 reads on its own.
 */

const cash = councilCashSheet();
const xlsx = Buffer.concat(writeXlsx({ replaces: [], sheets: [cash] }));

describe('資金繰り表 print titles in the .xlsx', () => {
  test('one Print_Titles name: the columns first, then the rows, as Excel writes it', () => {
    const workbook = strFromU8(unzipSync(xlsx)['xl/workbook.xml']);
    const names = [...workbook.matchAll(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)</g)];
    expect(names.map((m) => m[1])).toEqual(["'資金繰り表'!$A:$C,'資金繰り表'!$1:$5"]);
  });
});

describeWithLibreOffice('資金繰り表 printed by LibreOffice', () => {
  const pageText = (pdf: string, page: number) =>
    execFileSync('pdftotext', ['-f', `${page}`, '-l', `${page}`, '-layout', pdf, '-'], {
      encoding: 'utf8',
    });

  test('page 2 carries the row labels and the title; months 13–24 only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rateshock-cash-print-'));
    const path = join(dir, 'cash.xlsx');
    writeFileSync(path, xlsx);
    const pdf = (await convertWithLibreOffice(path, { format: 'pdf', outDir: dir })).outputPath;
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBe(2);
    const [first, second] = [pageText(pdf, 1), pageText(pdf, 2)];
    // Month 12 (2028-03) ends page 1, month 13 (2028-04) starts page 2 (the title names the
    // first and last months on both, "2027-04〜2029-03", so months 2 and 14 tell them apart).
    expect(first).toContain('2027-05');
    expect(first).toContain('2028-03');
    expect(first).not.toContain('2028-05');
    expect(second).toContain('2028-05');
    expect(second).toContain('2029-02');
    expect(second).not.toContain('2027-05');
    for (const text of [first, second]) {
      for (const label of [
        '資金繰り表 / cash-flow table',
        '前月繰越 / opening cash',
        '経常収入 (売上回収) / receipts',
        '翌月繰越 / closing cash',
        '月末残高 日本政策金融公庫 / balance',
        'plan-balance',
      ]) {
        expect(text).toContain(label);
      }
    }
    // Negatives as the case's statements show them (△), not "-".
    expect(second).toMatch(/△14,137,500/);
    const artifacts = join(__dirname, '../../test-artifacts/print');
    mkdirSync(artifacts, { recursive: true });
    for (const page of [1, 2]) {
      execFileSync('pdftoppm', [
        ...['-f', `${page}`, '-l', `${page}`, '-png', '-r', '80', '-singlefile'],
        pdf,
        join(artifacts, `cash-24-months-page-${page}`),
      ]);
    }
  }, 300_000);
});
