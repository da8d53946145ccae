import { INPUT_SHEET_NAMES, inputTemplate, scenarioTemplate } from '../../workbook';
import WORKSHOP from '../../scenarios/lodging-crisis-refinance.case.json';

/** Every input sheet prints A4 landscape, one page wide (or at 60 %), its title and header rows repeated. */
describe('input sheets: page setup', () => {
  test('the template: A4 landscape, fit to one page wide, rows 1–4 (title … header) repeated', () => {
    const sheets = inputTemplate().sheets;
    expect(sheets.map((s) => s.name)).toEqual(INPUT_SHEET_NAMES);
    // Sheets too wide for one page at 60 % run on at that scale (input-print-scale test).
    const scaled = sheets.filter((s) => s.pageSetup!.scale !== undefined).map((s) => s.name);
    expect(scaled).toEqual(['借入一覧', 'シナリオ', '設定', '再生計画']);
    for (const s of sheets) {
      expect(s.pageSetup).toMatchObject({
        orientation: 'landscape',
        paper: 'A4',
        ...(scaled.includes(s.name) ? { scale: 60 } : { fitTo: { width: 1, height: 0 } }),
        titleRows: { from: 1, to: 4 },
        header: { center: '&A', right: '' },
        footer: { center: '&P / &N' },
      });
    }
    // 借入一覧: header row 4 and one example loan → rows 1–5.
    const loans = sheets.find((s) => s.name === '借入一覧')!;
    const table = loans.tables[0];
    expect(loans.pageSetup!.printArea).toMatchObject({ fromRow: 1, toRow: 5 });
    expect(loans.pageSetup!.printArea.toColumn).toBeGreaterThanOrEqual(
      table.column + table.columns.length - 1,
    );
  });

  test('a workshop case: the print area covers its three loans (rows 5–7)', () => {
    const filled = scenarioTemplate(WORKSHOP);
    if (!filled.ok) throw new Error(filled.errors.join('\n'));
    const loans = filled.patch.sheets.find((s) => s.name === '借入一覧')!;
    expect(loans.pageSetup!.printArea.toRow).toBe(7);
  });
});
