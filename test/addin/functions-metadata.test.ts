/**
 * functions.json as the build generates it: custom-functions-metadata reads the JSDoc of
 * addin/functions/functions.ts (the same call CustomFunctionsMetadataPlugin makes), and every id
 * it lists is associated by addin/office/register-functions.ts.
 */
import path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functions from '../../addin/functions/functions';
import { ArgumentError } from '../../addin/functions/arguments';
import { CUSTOM_FUNCTIONS, registerCustomFunctions } from '../../addin/office/register-functions';

const SOURCE = path.resolve(__dirname, '../../addin/functions/functions.ts');

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
}

let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
let metadata: { functions: FunctionMetadata[] };
const byId = (id: string) => metadata.functions.find((f) => f.id === id)!;

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(SOURCE);
  metadata = JSON.parse(generated.metadataJson);
});

const LOAN_PARAMETERS: [string, boolean][] = [
  ['principal', false],
  ['annualRate', false],
  ['termMonths', false],
  ['method', true],
  ['graceMonths', true],
  ['startDate', true],
  ['dayCount', true],
];

/** id → parameters in order, with whether each is optional. */
const EXPECTED: Record<string, [string, boolean][]> = {
  PAYMENT: LOAN_PARAMETERS,
  SCHEDULE: LOAN_PARAMETERS,
  SHOCKED_INTEREST: [...LOAN_PARAMETERS.slice(0, 3), ['shock', false], ...LOAN_PARAMETERS.slice(3)],
  DEBTYEARS: [
    ['debt', false],
    ['ordinaryProfit', false],
    ['depreciation', false],
    ['taxes', true],
    ['cash', true],
    ['receivables', true],
    ['inventory', true],
    ['payables', true],
    ['form', true],
  ],
  DSCR: [
    ['ordinaryProfit', false],
    ['interest', false],
    ['depreciation', false],
    ['scheduledPrincipal', false],
    ['taxes', true],
    ['guaranteeFees', true],
  ],
};

describe('functions.json generated from the JSDoc', () => {
  test('no generator errors', () => {
    expect(generated.errors).toEqual([]);
    expect(generated.metadataJson).not.toBe('');
  });

  test('every function id, with its name equal to the id', () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  test.each(Object.entries(EXPECTED))('%s: parameters in order, optional as intended', (id, ps) => {
    const f = byId(id);
    expect(f.parameters.map((p) => [p.name, p.optional === true])).toEqual(ps);
  });

  test('descriptions: Japanese first, then English after " / "', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    for (const f of metadata.functions) {
      const [ja, en] = f.description!.split(' / ');
      expect(ja).toMatch(japanese);
      expect(en).toMatch(/^[A-Z]/);
      // the @remarks stay out of what Excel shows
      expect(f.description).not.toContain('\n');
      for (const p of f.parameters) {
        const [pja, pen] = p.description!.split(' / ');
        expect(pja).toMatch(japanese);
        expect(pen).toMatch(/[A-Za-z]/);
      }
    }
  });

  test('types: numbers and text in, a matrix out of SCHEDULE', () => {
    expect(byId('SCHEDULE').result).toEqual({ dimensionality: 'matrix' });
    expect(byId('PAYMENT').result).toEqual({ type: 'number' });
    expect(byId('SHOCKED_INTEREST').result).toEqual({ type: 'number' });
    // a number or the text 返済不能 / —
    expect(byId('DEBTYEARS').result?.type).toBeUndefined();
    expect(byId('DSCR').result?.type).toBeUndefined();
    for (const f of metadata.functions) {
      for (const p of f.parameters) {
        const text = ['method', 'dayCount', 'form'].includes(p.name);
        expect([p.name, p.type]).toEqual([p.name, text ? 'string' : 'number']);
        expect(p.dimensionality).toBeUndefined();
      }
    }
  });

  test("the generator's associations name the exported functions", () => {
    const exported = functions as unknown as Record<string, unknown>;
    for (const a of generated.associate) {
      expect(typeof exported[a.functionName]).toBe('function');
      expect(CUSTOM_FUNCTIONS[a.id]).toBe(exported[a.functionName]);
    }
  });
});

describe('register-functions.ts associates every id of the metadata', () => {
  class MockError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const runtime = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
    Error: MockError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
  };
  const global = globalThis as { CustomFunctions?: unknown };

  afterEach(() => {
    delete global.CustomFunctions;
    associated.clear();
  });

  test('without the CustomFunctions runtime it does nothing', () => {
    expect(registerCustomFunctions()).toBe(false);
  });

  test('with it, each metadata id is associated once, and nothing else', () => {
    global.CustomFunctions = runtime;
    expect(registerCustomFunctions()).toBe(true);
    expect([...associated.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test('the associated functions compute, and a bad argument becomes #VALUE! with its message', () => {
    global.CustomFunctions = runtime;
    registerCustomFunctions();
    expect(associated.get('PAYMENT')!(10_000_000, 0.02, 120, null, null, null, null)).toBe(92_013);
    let thrown: unknown;
    try {
      associated.get('PAYMENT')!(10_000_000, 2, 120);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(MockError);
    expect(thrown).toMatchObject({ code: '#VALUE!' });
    expect((thrown as MockError).message).toMatch(/^年利（annualRate）.* \/ annualRate /);
    expect(thrown).not.toBeInstanceOf(ArgumentError);
  });
});
