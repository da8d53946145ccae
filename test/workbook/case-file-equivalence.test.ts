import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCaseFile } from '../../engine';
import { WorkbookSnapshot, describeCellError, readCase, scenarioTemplate } from '../../workbook';
import { snapshotOfPatch } from '../support/patch-snapshot';

/**
 * The strong cross-check: a workshop case file typed into the input sheets the way a person
 * would (Japanese choices, "2.625%" rates, dates as in the template) by scenarioTemplate reads
 * into the very Case that parseCaseFile makes of the JSON file.
 */

type Json = Record<string, unknown>;

/** The case file typed into the template, as read back once written. */
function snapshotOfCaseFile(raw: Json): WorkbookSnapshot {
  const typed = scenarioTemplate(raw);
  if (!typed.ok) throw new Error(typed.errors.join('\n'));
  return snapshotOfPatch(typed.patch);
}

const DIR = join(__dirname, '../../scenarios');
const FILES = [
  'lodging-crisis-refinance.case.json',
  'manufacturer-dds.case.json',
  'apparel-consolidation.case.json',
];

describe('a workshop case typed into the sheets reads into the same Case as its JSON file', () => {
  test.each(FILES)('%s', (file) => {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Json;
    const fromJson = parseCaseFile(raw);
    if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.errors));
    const fromSheets = readCase(snapshotOfCaseFile(raw));
    if (!fromSheets.ok) throw new Error(fromSheets.errors.map(describeCellError).join('\n'));
    // toEqual: a bare "1.00%" in a file gives a shock without `from`, a row { from: undefined }.
    expect(fromSheets.case).toEqual(fromJson.value);
  });

  test('the lodging case: three loans in 千円, the crisis-recovery refinancing of all three', () => {
    const raw = JSON.parse(readFileSync(join(DIR, FILES[0]), 'utf8')) as Json;
    const read = readCase(snapshotOfCaseFile(raw));
    if (!read.ok) throw new Error(read.errors.map(describeCellError).join('\n'));
    const c = read.case;
    expect(c.stack.loans.map((l) => [l.id, l.terms.principal])).toEqual([
      ['Z1', 60_000_000],
      ['C1', 70_000_000],
      ['B1', 120_000_000],
    ]);
    expect(c.strategies[1].actions[0]).toMatchObject({
      kind: 'refinance',
      select: { loanIds: ['Z1', 'C1', 'B1'] },
      programId: 'crisis-recovery-stabilization',
      termMonths: 240,
    });
  });
});
