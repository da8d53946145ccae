import {
  PROGRAMS,
  Program,
  ProgramSelection,
  bandFor,
  findProgram,
  isAllowedTerm,
  parseCatalog,
  prepaymentLockFor,
  programPurposes,
  programUnits,
  resolveRate,
  resolveTerms,
  withOverrides,
} from '../../../engine/programs';
import catalogJson from '../../../engine/programs/catalog.json';

function program(id: string): Program {
  const p = findProgram(id);
  if (!p) throw new Error(`no program ${id}`);
  return p;
}

const terms = (id: string, selection: ProgramSelection = {}) =>
  resolveTerms(program(id), selection);

function baseRate(id: string, selection: ProgramSelection = {}): number {
  const rate = terms(id, selection).rate;
  if (rate.kind !== 'base') throw new Error(`${id} has a ${rate.kind} rate`);
  return rate.baseRate;
}

function profitRate(id: string, termMonths: number): number | undefined {
  const rate = resolveRate(program(id));
  if (rate.kind !== 'performance-linked') throw new Error(`${id} has a ${rate.kind} rate`);
  return bandFor(rate.profitRates, termMonths)?.value;
}

describe('the catalog as loaded', () => {
  test('holds the programs the product refinances into, with unique kebab-case ids', () => {
    const ids = PROGRAMS.map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'crisis-recovery-stabilization',
        'capital-subordinated',
        'capital-subordinated-pre-2025-03',
        'covid-capital-subordinated',
        'safety-net',
        'business-succession',
        'management-improvement-support-guarantee',
        'cooperative-support-guarantee',
        'small-micro-guarantee',
        'bank-loan',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('every program is dated, named in both languages and sourced', () => {
    for (const p of PROGRAMS) {
      expect(p.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.name.ja.length).toBeGreaterThan(0);
      expect(p.name.en.length).toBeGreaterThan(0);
      expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  test('every variant of every program resolves to complete terms', () => {
    for (const p of PROGRAMS) {
      const units = programUnits(p);
      const purposes = programPurposes(p);
      for (const unit of units.length ? units : [undefined]) {
        for (const purpose of purposes.length ? purposes : [undefined]) {
          const t = resolveTerms(p, { unit, purpose });
          expect(t.allowedMethods).toContain(t.method);
        }
      }
    }
  });

  test('every assumption is marked assumed with its reason, none hides in a note', () => {
    for (const p of PROGRAMS) {
      expect(p.notes.some((n) => /ASSUMPTION/.test(n))).toBe(false);
      const rate = p.terms.rate;
      const reasons = [
        ...(rate?.profitRates ?? []).map((b) => b.assumed),
        ...Object.values(rate?.termRates ?? {}).map((b) => b.assumed),
        ...(rate?.options ?? []).map((o) => o.assumed),
        ...(p.terms.guaranteeFeeSubsidies ?? []).map((s) => s.assumed),
        ...Object.values(p.assumed ?? {}),
      ].filter((r) => r !== undefined);
      for (const reason of reasons) expect(reason!.length).toBeGreaterThan(20);
    }
  });

  test('is frozen: terms change only through withOverrides', () => {
    const p = program('crisis-recovery-stabilization');
    expect(() => {
      (p.terms as { maxTermMonths?: number }).maxTermMonths = 360;
    }).toThrow(TypeError);
  });

  test('a program whose terms differ by unit needs the unit', () => {
    expect(() => resolveTerms(program('crisis-recovery-stabilization'))).toThrow(/needs a unit/);
    expect(() =>
      resolveTerms(program('capital-subordinated-pre-2025-03'), { unit: 'micro' }),
    ).toThrow(/no terms for unit "micro"/);
    expect(() => resolveRate(program('safety-net'))).toThrow(/differs by unit/);
  });
});

// Expected numbers below are copied from domain.md §3 (terms as of October 2025).
describe('key numbers of each program (domain.md §3)', () => {
  test('危機対応後経営安定貸付: 中小 20億円 at 2.30 %, 国民 別枠 7,200万円 at 3.00 %, 20 years, 2 years grace', () => {
    const sme = terms('crisis-recovery-stabilization', { unit: 'sme' });
    const micro = terms('crisis-recovery-stabilization', { unit: 'micro' });
    expect(sme.limitYen).toBe(2_000_000_000);
    expect(micro.limitYen).toBe(72_000_000);
    expect(micro.separateLimit).toBe(true);
    for (const t of [sme, micro]) {
      expect(t.maxTermMonths).toBe(240);
      expect(t.maxGraceMonths).toBe(24);
      expect(t.method).not.toBe('bullet');
      expect(t.rate).toMatchObject({ kind: 'base', referenceTermYears: 10, fixedAtDrawdown: true });
    }
    expect(baseRate('crisis-recovery-stabilization', { unit: 'sme' })).toBe(0.023);
    expect(baseRate('crisis-recovery-stabilization', { unit: 'micro' })).toBe(0.03);
    expect(program('crisis-recovery-stabilization').eligibility).toEqual([
      { kind: 'min-debt-repayment-years', years: 13, inclusive: false },
      { kind: 'requires-crisis-era-debt' },
      { kind: 'new-term-exceeds-replaced-remaining' },
      { kind: 'refinances-crisis-era-debt', severity: 'warning' },
    ]);
  });

  test('資本性劣後ローン (from March 2025): 15億円 (国民 別枠 7,200万円), 5年1か月 or 6–20 whole years, bullet, 0.50 % / 3.95 %', () => {
    const p = program('capital-subordinated');
    expect(p.capitalType).toBe(true);
    expect(p.available).toBe(true);
    const sme = terms('capital-subordinated', { unit: 'sme' });
    const micro = terms('capital-subordinated', { unit: 'micro' });
    expect(sme.limitYen).toBe(1_500_000_000);
    expect(micro.limitYen).toBe(72_000_000);
    expect(micro.separateLimit).toBe(true);
    expect(sme.method).toBe('bullet');
    expect(sme.allowedMethods).toEqual(['bullet']);
    expect(sme.maxGraceMonths).toBe('whole-term');
    expect(sme.maxTermMonths).toBe(240);
    expect(sme.prepaymentLockMonths).toBe(60);
    // 中小事業: 5年1か月, or whole years 6–20.
    for (const ok of [61, 72, 84, 120, 180, 240]) expect(isAllowedTerm(sme, ok)).toBe(true);
    for (const no of [60, 62, 66, 73, 252]) expect(isAllowedTerm(sme, no)).toBe(false);
    // 国民事業: 5年1か月 to 20年.
    expect(isAllowedTerm(micro, 66)).toBe(true);
    expect(isAllowedTerm(micro, 60)).toBe(false);
    const rate = resolveRate(p);
    expect(rate).toMatchObject({
      kind: 'performance-linked',
      lossRate: 0.005,
      initialPeriod: { years: 3, rate: 0.005, requires: 'private-bank-support' },
    });
    // 3.25 %–3.95 % by term band, 3.95 % for 16–20 years.
    for (const m of [192, 204, 240]) expect(profitRate('capital-subordinated', m)).toBe(0.0395);
    expect(profitRate('capital-subordinated', 61)).toBe(0.0325);
    const rates = [61, 72, 96, 132, 180, 240].map((m) => profitRate('capital-subordinated', m)!);
    for (const r of rates) {
      expect(r).toBeGreaterThanOrEqual(0.0325);
      expect(r).toBeLessThanOrEqual(0.0395);
    }
    expect(resolveRate(p, 'micro')).toEqual(rate);
  });

  test('資本性劣後ローン (before March 2025): 10億円, 4.65 % for 16–20 years, prepayment locked 5 / 7 / 10 years', () => {
    const p = program('capital-subordinated-pre-2025-03');
    expect(p.available).toBe(false);
    const t = terms(p.id, { unit: 'sme' });
    expect(t.limitYen).toBe(1_000_000_000);
    expect(resolveRate(p)).toMatchObject({ lossRate: 0.005 });
    expect(profitRate(p.id, 240)).toBe(0.0465);
    expect(profitRate(p.id, 192)).toBe(0.0465);
    expect([61, 84, 96, 120, 132, 240].map((m) => prepaymentLockFor(t, m))).toEqual([
      60, 60, 84, 84, 120, 120,
    ]);
  });

  test('コロナ資本性劣後ローン: ended June 2024 but kept; 15億円; 5年1か月 / 10年 / 20年; 0.5 % for 3 years, then 0.5 % or 2.60–2.95 %', () => {
    const p = program('covid-capital-subordinated');
    expect(p.available).toBe(false);
    expect(p.availableUntil).toBe('2024-06-30');
    const t = terms(p.id, { unit: 'sme' });
    expect(t.limitYen).toBe(1_500_000_000);
    expect(t.method).toBe('bullet');
    expect(t.allowedTerms).toEqual({ months: [61, 120, 240], wholeYears: null });
    expect(t.prepaymentLockMonths).toBe(60);
    expect(resolveRate(p)).toMatchObject({
      lossRate: 0.005,
      initialPeriod: { years: 3, rate: 0.005, requires: 'none' },
    });
    expect(profitRate(p.id, 61)).toBe(0.026);
    expect(profitRate(p.id, 240)).toBe(0.0295);
  });

  test('セーフティネット貸付: 中小 7.2億円 at 2.00 %, 国民 4,800万円 at 2.70 %; equipment 15 y, working 8 y; 3 y grace; fixed', () => {
    const id = 'safety-net';
    expect(terms(id, { unit: 'sme', purpose: 'working' }).limitYen).toBe(720_000_000);
    expect(terms(id, { unit: 'micro', purpose: 'working' }).limitYen).toBe(48_000_000);
    expect(terms(id, { unit: 'sme', purpose: 'equipment' }).maxTermMonths).toBe(180);
    expect(terms(id, { unit: 'micro', purpose: 'working' }).maxTermMonths).toBe(96);
    expect(terms(id, { unit: 'sme', purpose: 'working' }).maxGraceMonths).toBe(36);
    expect(baseRate(id, { unit: 'sme', purpose: 'working' })).toBe(0.02);
    expect(baseRate(id, { unit: 'micro', purpose: 'working' })).toBe(0.027);
    expect(terms(id, { unit: 'sme', purpose: 'working' }).rate).toMatchObject({
      referenceTermYears: 5,
      fixedAtDrawdown: true,
    });
  });

  test('事業承継・集約・活性化支援資金: 中小 14.4億円, 国民 別枠 7,200万円; equipment 20 y, working 10 y; 5 y grace; special rates −0.40 / −0.65 / −0.90 %', () => {
    const id = 'business-succession';
    const sme = terms(id, { unit: 'sme', purpose: 'equipment' });
    expect(sme.limitYen).toBe(1_440_000_000);
    expect(sme.maxTermMonths).toBe(240);
    expect(sme.maxGraceMonths).toBe(60);
    const micro = terms(id, { unit: 'micro', purpose: 'working' });
    expect(micro.limitYen).toBe(72_000_000);
    expect(micro.separateLimit).toBe(true);
    expect(micro.maxTermMonths).toBe(120);
    expect(baseRate(id, { unit: 'sme', purpose: 'working' })).toBe(0.02);
    expect(baseRate(id, { unit: 'micro', purpose: 'working' })).toBe(0.027);
    const rate = sme.rate;
    expect(rate.kind === 'base' && rate.options.map((o) => [o.id, o.delta, o.months])).toEqual([
      ['special-1', -0.004, null],
      ['special-2', -0.0065, null],
      ['special-3', -0.009, null],
      ['wage-increase', -0.005, 24],
    ]);
  });

  test('経営改善サポート保証: 2.8億円 別枠, ≤15 y, ≤3 y grace, bank rate, fee 0.3 %, 80 %', () => {
    const p = program('management-improvement-support-guarantee');
    expect(p.lender).toBe('bank-with-guarantee');
    expect(p.availableUntil).toBe('2026-03-31');
    const t = terms(p.id);
    expect(t.limitYen).toBe(280_000_000);
    expect(t.separateLimit).toBe(true);
    expect(t.maxTermMonths).toBe(180);
    expect(t.maxGraceMonths).toBe(36);
    expect(t.guaranteeFeeRate).toBe(0.003);
    expect(t.guaranteeCoverage).toBe(0.8);
    expect(t.rate).toEqual({ kind: 'lender-set', annualRate: null });
    expect(p.eligibility).toEqual([{ kind: 'requires-improvement-plan' }]);
  });

  test('協調支援型特別保証: 2.8億円, 10 y, grace 1 y (working) / 3 y (equipment), 80 %', () => {
    const id = 'cooperative-support-guarantee';
    const working = terms(id, { purpose: 'working' });
    expect(working.limitYen).toBe(280_000_000);
    expect(working.maxTermMonths).toBe(120);
    expect(working.maxGraceMonths).toBe(12);
    expect(terms(id, { purpose: 'equipment' }).maxGraceMonths).toBe(36);
    expect(working.guaranteeCoverage).toBe(0.8);
    expect(program(id).eligibility).toEqual([
      { kind: 'requires-proper-loan-or-supported-plan', minProperLoanShare: 0.1 },
    ]);
  });

  test('小口零細企業保証: 2,000万円 with existing guaranteed loans, ≤10 y, ≤1 y grace, 100 %, fee 0.5–2.2 %', () => {
    const t = terms('small-micro-guarantee');
    expect(t.limitYen).toBe(20_000_000);
    expect(t.limitScope).toBe('including-existing-guaranteed');
    expect(t.maxTermMonths).toBe(120);
    expect(t.maxGraceMonths).toBe(12);
    expect(t.guaranteeCoverage).toBe(1);
    expect(t.guaranteeFeeRange).toEqual({ min: 0.005, max: 0.022 });
    expect(t.guaranteeFeeRate).toBeGreaterThanOrEqual(0.005);
    expect(t.guaranteeFeeRate).toBeLessThanOrEqual(0.022);
  });

  test('a generic bank loan leaves every term to the user', () => {
    const t = terms('bank-loan');
    expect(t).toMatchObject({ limitYen: null, maxTermMonths: null, maxGraceMonths: null });
    expect(t.allowedMethods).toEqual(['equal-principal', 'annuity', 'bullet']);
    expect(t.rate).toEqual({ kind: 'lender-set', annualRate: null });
    expect(program('bank-loan').eligibility).toEqual([]);
  });
});

describe('parseCatalog refuses a broken catalog, naming the place', () => {
  const broken = (edit: (programs: Record<string, unknown>[]) => void) => {
    const copy = JSON.parse(JSON.stringify(catalogJson)) as { programs: Record<string, unknown>[] };
    edit(copy.programs);
    const parsed = parseCatalog(copy);
    if (parsed.ok) throw new Error('expected errors');
    return parsed.errors.map((e) => `${e.field}: ${e.message}`);
  };

  test('the shipped catalog parses', () => {
    expect(parseCatalog(catalogJson).ok).toBe(true);
  });

  test('an unknown key', () => {
    expect(
      broken((ps) => {
        (ps[0].terms as Record<string, unknown>).maxTermMonth = 240;
      }),
    ).toEqual([expect.stringMatching(/^programs\[0\]\.terms\.maxTermMonth: is not a key/)]);
  });

  test('a grace as long as the term, for one variant', () => {
    expect(
      broken((ps) => {
        (ps[0].units as Record<string, Record<string, unknown>>).micro.maxGraceMonths = 240;
      }),
    ).toEqual([
      'programs[0].units.micro.maxGraceMonths: must be less than maxTermMonths (240): grace is inside the term',
    ]);
  });

  test('a capital-type term with no rate band', () => {
    const errors = broken((ps) => {
      const rate = (ps[1].terms as Record<string, Record<string, unknown>>).rate;
      rate.profitRates = (rate.profitRates as unknown[]).slice(0, 3);
    });
    expect(errors).toContain(
      'programs[1].units.sme.rate.profitRates: has no band for an allowed term of 192 months',
    );
  });

  test('a repeated id', () => {
    expect(
      broken((ps) => {
        ps[1].id = ps[0].id;
      }),
    ).toContain('programs[1].id: repeats an earlier id');
  });
});

describe('withOverrides', () => {
  const crisis = program('crisis-recovery-stabilization');

  test("a new month's base rate, at the top, applies to every unit; the catalog is untouched", () => {
    const result = withOverrides(crisis, { asOf: '2025/11/01', rate: { baseRate: '2.45%' } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.asOf).toBe('2025-11-01');
    for (const unit of ['sme', 'micro'] as const) {
      const rate = resolveTerms(result.value, { unit }).rate;
      expect(rate.kind === 'base' && rate.baseRate).toBeCloseTo(0.0245, 12);
    }
    expect(baseRate(crisis.id, { unit: 'micro' })).toBe(0.03);
    expect(findProgram(crisis.id)?.asOf).toBe('2025-10-01');
  });

  test('one unit only, and amounts as people type them', () => {
    const result = withOverrides(crisis, {
      units: { micro: { rate: { baseRate: 0.031 }, limitYen: '80,000,000' } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const micro = resolveTerms(result.value, { unit: 'micro' });
    expect(micro.rate.kind === 'base' && micro.rate.baseRate).toBe(0.031);
    expect(micro.limitYen).toBe(80_000_000);
    expect(resolveTerms(result.value, { unit: 'sme' }).limitYen).toBe(2_000_000_000);
  });

  test("a bank's rate and a guarantee fee on a guaranteed program", () => {
    const result = withOverrides(program('small-micro-guarantee'), {
      rate: { annualRate: '1.8%' },
      guaranteeFeeRate: 0.009,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const t = resolveTerms(result.value);
    expect(t.rate.kind).toBe('lender-set');
    expect(t.rate.kind === 'lender-set' && t.rate.annualRate).toBeCloseTo(0.018, 12);
    expect(t.guaranteeFeeRate).toBe(0.009);
  });

  test('a capital-type rate table replaced whole', () => {
    const result = withOverrides(program('capital-subordinated'), {
      rate: { profitRates: [{ minTermMonths: 61, maxTermMonths: 240, value: 0.04 }] },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const rate = resolveRate(result.value);
    expect(rate.kind === 'performance-linked' && rate.profitRates).toEqual([
      { minTermMonths: 61, maxTermMonths: 240, value: 0.04 },
    ]);
  });

  test('eligibility rules are replaced whole (e.g. a threshold changed by the lender)', () => {
    const result = withOverrides(crisis, {
      eligibility: [{ kind: 'min-debt-repayment-years', years: 12, inclusive: true }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.eligibility).toEqual([
      { kind: 'min-debt-repayment-years', years: 12, inclusive: true },
    ]);
    const bad = withOverrides(crisis, { eligibility: [{ kind: 'min-debt-repayment-years' }] });
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'eligibility[0].years: is required',
      'eligibility[0].inclusive: must be true or false',
    ]);
  });

  test('unknown keys are errors naming the key, and nothing is applied', () => {
    const result = withOverrides(crisis, {
      limitYne: 1,
      rate: { baseRat: 0.02 },
      units: { micro: { maxGrace: 12 } },
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.errors.map((e) => e.field);
    expect(fields).toEqual(['limitYne', 'rate.baseRat', 'units.micro.maxGrace']);
    const messages = result.ok ? [] : result.errors.map((e) => e.message);
    expect(messages[0]).toMatch(/is not a key that can be overridden \(known: limitYen/);
    expect(messages[1]).toMatch(/is not a key of a rate \(known: kind, baseRate/);
  });

  test('identity keys, the kind of rate and a variant the program lacks cannot be overridden', () => {
    const result = withOverrides(program('capital-subordinated-pre-2025-03'), {
      id: 'other',
      rate: { kind: 'base' },
      units: { micro: { limitYen: 1 } },
    });
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.field)).toEqual(['id', 'rate.kind', 'units.micro']);
    expect(errors[2].message).toMatch(/do not differ by unit "micro" \(catalogued: sme\)/);
  });

  test('bad values and terms left inconsistent are errors', () => {
    const bare = withOverrides(crisis, { rate: { baseRate: 2.45 } });
    expect(bare.ok ? [] : bare.errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'rate.baseRate: must be a rate between 0% and 30% — write 2.3 % as 0.023 or "2.3%"',
    ]);
    const grace = withOverrides(crisis, { maxGraceMonths: 240 });
    expect(grace.ok ? [] : grace.errors.map((e) => e.field)).toEqual([
      'units.sme.maxGraceMonths',
      'units.micro.maxGraceMonths',
    ]);
    const foreign = withOverrides(crisis, { rate: { lossRate: 0.005 } });
    expect(foreign.ok ? [] : foreign.errors[0].message).toMatch(/is not a key of a base rate/);
  });

  test('overrides must be an object', () => {
    expect(withOverrides(crisis, 'cheap').ok).toBe(false);
  });
});
