import {
  REQUIRED_SETS,
  missingSets,
  unsupportedExcelMessage,
} from '../../addin/office/requirements';

/** The start-up check: which requirement sets an Excel lacks, and the message naming the build. */
describe('requirement sets at start-up', () => {
  test('the sets checked are the ones the manifest declares', () => {
    expect(REQUIRED_SETS.map((s) => `${s.name} ${s.version}`)).toEqual([
      'ExcelApi 1.9',
      'SharedRuntime 1.1',
      'CustomFunctionsRuntime 1.2',
    ]);
  });

  test('an Excel with every set lacks none; one without CustomFunctionsRuntime 1.2 is told so', () => {
    expect(missingSets(() => true)).toEqual([]);
    // Excel 2019 perpetual: ExcelApi up to 1.8, no shared runtime or custom functions.
    const excel2019 = (name: string, version: string) => name === 'ExcelApi' && version <= '1.8';
    expect(missingSets(excel2019).map((s) => s.name)).toEqual([
      'ExcelApi',
      'SharedRuntime',
      'CustomFunctionsRuntime',
    ]);
    const missing = missingSets((name) => name !== 'CustomFunctionsRuntime');
    const message = unsupportedExcelMessage(missing);
    expect(message).toMatch(
      /^この Excel では RateShock を使えません \(CustomFunctionsRuntime 1\.2 がありません\)。/,
    );
    expect(message).toContain('バージョン 2002 ビルド 12527.20092 以降');
    expect(message).toContain(
      '\nThis Excel cannot run RateShock (it lacks CustomFunctionsRuntime 1.2).',
    );
  });

  test('isSetSupported throwing counts as missing', () => {
    expect(
      missingSets(() => {
        throw new Error('requirements unavailable');
      }),
    ).toHaveLength(3);
  });
});
