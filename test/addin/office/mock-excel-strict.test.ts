import { KNOWN_FUNCTIONS, formulaProblem } from '../support/formula-syntax';
import { FakeContext, MockWorkbook } from '../support/mock-excel';
import { numberFormatProblem } from '../support/number-format-syntax';
import { formulaShape, writtenFormulas, writtenNumberFormats } from '../support/written-patches';

/**
 * The fake Excel refuses, as Excel does, a formula that does not parse and a number format code
 * Excel does not take (InvalidArgument, the whole sync refused): every test that writes through
 * the fake checks the patch's formulas and formats on the way.
 */
const setup = () => {
  const model = new MockWorkbook(['Sheet1']);
  const context = model.context() as FakeContext;
  return { model, context, sheet: context.workbook.worksheets.getItem('Sheet1') };
};

/** Formulas Excel refuses (or, for unknown functions, shows as #NAME?), each with why. */
const BROKEN_FORMULAS: [string, RegExp][] = [
  ['=SUM(1,2', /SUM\( is not closed/],
  ['=(1+2', /"\(" is not closed/],
  ['=1+2)', /"\)" after the end/],
  ['=1++', /operand is missing/],
  ['="abc', /string literal is not closed/],
  ["='年度別!A1", /quoted sheet name is not closed/],
  ['=My Sheet!A1', /unknown name My/],
  ['=1Q!A1', /must be quoted/],
  ['=A1!B2', /must be quoted/],
  ['=SUMIF(A1:A3,1)', /unknown function SUMIF/],
  ['=SUMIFZ(A1:A3,1,B1:B3)', /unknown function SUMIFZ/],
  ['=XFE1', /outside A1:XFD1048576/],
  ['=A1048577', /outside A1:XFD1048576/],
  ['=A0', /outside A1:XFD1048576/],
  ['=SUM(A1:)', /unexpected ":"/],
  ['=A1 B1', /"B1" after the end/],
  ['=IF(A1,1,2', /IF\( is not closed/],
  ['=SUM(A1;A2)', /unexpected ";"/],
];

/** Codes Excel refuses. */
const BROKEN_FORMATS: [string, RegExp][] = [
  ['0.00"', /quoted literal is not closed/],
  ['"△#,##0', /quoted literal is not closed/],
  ['[Red0.00', /"\[" is not closed/],
  ['0.00]', /"\]" without "\["/],
  ['[Bogus]0', /unknown \[Bogus\]/],
  ['[Color57]0', /unknown \[Color57\]/],
  ['[$-ja-JP0', /"\[" is not closed/],
  ['0;0;0;@;0', /more than 4 sections/],
  ['0\\', /has no character after it/],
  ['#,##0_', /has no character after it/],
  ['0 yen', /"n" is no format code/],
  ['0.0x', /"x" is no format code/],
  ['0@', /mixes @ with number codes/],
  ['@;0;0;0', /@ belongs in the 4th/],
  ['E+', /E\+ without digits/],
];

/** Codes Excel takes, beyond the ones the patch writes. */
const GOOD_FORMATS = [
  '#,##0,',
  '#,##0,,"百万円"',
  '0%',
  '@',
  'General',
  '"△"0',
  '\\△#,##0',
  '#,##0;[Red]"△"#,##0;0;@',
  '[Red]0.00;[Blue]-0.00',
  '[Color10]0',
  '[>=1000000]0.0,,"M";[>=1000]0.0,"K";0',
  '[$-ja-JP]ggge"年"m"月"d"日"',
  '[$-411]ge.m.d',
  '[DBNum1][$-ja-JP]0',
  '[$¥-411]#,##0',
  '[h]:mm:ss',
  'yyyy/m/d h:mm AM/PM',
  'mmm d, yyyy',
  '_(#,##0_);(#,##0)',
  '0.00E+00',
  '# ?/8',
  '* #,##0',
  ';;;',
  '#,##0円',
];

describe('the fake Excel is strict where Excel is', () => {
  test.each(BROKEN_FORMULAS)('a broken formula %s is refused (%p)', async (formula, why) => {
    expect(formulaProblem(formula)).toMatch(why);
    const { model, context, sheet } = setup();
    sheet.getRange('A1:B1').formulas = [[1, formula]];
    await expect(context.sync()).rejects.toThrow(/InvalidArgument: bad formula/);
    // Refused in the sync that carried it; nothing else of the write lands after it.
    expect(model.sheet('Sheet1').cell('B1').formula).toBeNull();
  });

  test('a formula typed into values is checked too; text ("@") is never parsed', async () => {
    const { model, context, sheet } = setup();
    sheet.getRange('A1').values = [['=SUM(1,2']];
    await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
    (sheet.getRange('A2') as unknown as { numberFormat: string }).numberFormat = '@';
    sheet.getRange('A2').values = [['=SUM(1,2']];
    await context.sync();
    expect(model.sheet('Sheet1').cell('A2').value).toBe('=SUM(1,2');
  });

  test('formulas that parse are written', async () => {
    const { model, context, sheet } = setup();
    const good = [
      '=SUMIFS(\'年度別\'!$O$2:$O$3841,\'年度別\'!$A$2:$A$3841,"="&SUBSTITUTE($A5,"~","~~"))',
      '=IF(O5<=0,"—",ROUNDDOWN((K5+I5)/O5,1))',
      "='It''s'!A1:B2",
      '=Sheet1!$A:$B',
      '=SUM(1:3)%',
      '=IF(A1,,B1)',
      '=-A1^2&"x"',
      '=XFD1048576',
    ];
    sheet.getRange(`A1:A${good.length}`).formulas = good.map((f) => [f]);
    await context.sync();
    expect(good.map((_, i) => model.sheet('Sheet1').cell(`A${i + 1}`).formula)).toEqual(good);
  });

  test('every formula the add-in writes parses, and uses only the listed functions', () => {
    const formulas = writtenFormulas();
    expect(formulas.length).toBeGreaterThan(3_000);
    const problems = formulas
      .map((f) => ({ ...f, problem: formulaProblem(f.formula) }))
      .filter((f) => f.problem);
    expect(problems).toEqual([]);
    const used = new Set(formulas.flatMap((f) => f.formula.match(/[A-Z][A-Z0-9.]*(?=\()/g) ?? []));
    // The list holds the patch's functions and HYPERLINK (typed by the tests as a lender's name).
    expect([...KNOWN_FUNCTIONS].filter((f) => !used.has(f))).toEqual(['HYPERLINK']);
    console.log(
      `${formulas.length} formulas in ${new Set(formulas.map((f) => formulaShape(f.formula))).size} shapes`,
    );
  });

  test.each(BROKEN_FORMATS)('a broken number format %p is refused (%p)', async (code, why) => {
    expect(numberFormatProblem(code)).toMatch(why);
    const { context, sheet } = setup();
    (sheet.getRange('A1:A3') as unknown as { numberFormat: string }).numberFormat = code;
    await expect(context.sync()).rejects.toThrow(/InvalidArgument: bad number format/);
  });

  test('codes Excel takes are taken: every one the add-in writes and the usual others', async () => {
    const written = [...writtenNumberFormats().keys()];
    expect(written).toEqual(expect.arrayContaining(['#,##0,;"△"#,##0,;0', '"実績 "0"年3月期"']));
    const { model, context, sheet } = setup();
    const codes = [...written, ...GOOD_FORMATS];
    for (const [i, code] of codes.entries()) {
      expect([code, numberFormatProblem(code)]).toEqual([code, null]);
      (sheet.getRange(`A${i + 1}`) as unknown as { numberFormat: string }).numberFormat = code;
    }
    await context.sync();
    expect(codes.map((_, i) => model.sheet('Sheet1').cell(`A${i + 1}`).numberFormat)).toEqual(
      codes,
    );
  });
});

describe('formulas outside cells', () => {
  test('conditional-format and list-validation formulas must parse too', async () => {
    const { context, sheet } = setup();
    const custom = sheet.getRange('A1:A3').conditionalFormats.add('Custom');
    custom.custom.rule.formula = '=IF(TRUE,1';
    await expect(context.sync()).rejects.toThrow(
      /InvalidArgument: bad formula =IF\(TRUE,1: IF\( is not closed/,
    );
    const bounds = sheet.getRange('A1:A3').conditionalFormats.add('CellValue');
    bounds.cellValue.rule = { formula1: '=0.5)', operator: 'LessThan' };
    await expect(context.sync()).rejects.toThrow(/InvalidArgument: bad formula =0\.5\)/);
    sheet.getRange('B1').dataValidation.rule = {
      list: { inCellDropDown: true, source: '=$T$6:$T' },
    };
    await expect(context.sync()).rejects.toThrow(/InvalidArgument: bad formula =\$T\$6:\$T/);
    sheet.getRange('B1').dataValidation.rule = {
      list: { inCellDropDown: true, source: '=$T$6:$T$7' },
    };
    sheet.getRange('A1:A3').conditionalFormats.add('Custom').custom.rule.formula = '=TRUE';
    await context.sync();
  });
});
