import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseCaseFile } from '../../engine';

const DIR = join(__dirname, '../../scenarios');
const schema = JSON.parse(readFileSync(join(DIR, 'case.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const cases = readdirSync(DIR).filter((f) => f.endsWith('.case.json'));

describe('the published case schema', () => {
  test('there are at least three workshop cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  test.each(cases)('%s is valid for the schema and for the reader', (file) => {
    const raw = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    expect(validate(raw) ? [] : validate.errors).toEqual([]);
    const parsed = parseCaseFile(raw);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  test('the schema and the reader reject the same mistakes, naming the path', () => {
    const raw = JSON.parse(readFileSync(join(DIR, cases[0]), 'utf8'));
    raw.loans[0].method = 'balloon';
    raw.plan[0].capx = 1;
    expect(validate(raw)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain('/loans/0/method');
    expect(paths).toContain('/plan/0');
    const parsed = parseCaseFile(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.map((e) => e.field)).toContain('loans[0].method');
      // A typo is an error, with the field it probably meant.
      expect(parsed.errors.find((e) => e.field === 'plan[0].capx')?.message).toBe(
        'is not a known field (did you mean "capex"?)',
      );
    }
  });
});
