import { LoanTerms, StackLoan, applyStrategy, toEpochDay } from '../../../engine';
import { japanesePredicate } from '../../../workbook/messages';

// Two loans as of 2027-03-31, 12,000,000 yen each, 12 months, 30/360 (0.1 % a month at 1.2 %),
// paying on the last day of each month. Worked by hand to the balance after payment 3
// (2027-06-30), the payment a prepayment dated 2027-06-15 is made with:
// - A, equal principal: 1,000,000 a month → 12,000,000 − 3 × 1,000,000 = 9,000,000;
// - B, annuity at 1.2 % fixed: PMT(0.001, 12, 12,000,000) = 1,006,511.91 → 1,006,511;
//   interest floor(0.1 % of the balance): 12,000 → principal 994,511 → 11,005,489;
//   11,005 → 995,506 → 10,009,983; 10,009 → 996,502 → 9,013,481.
// Together 18,013,481 on that date (24,000,000 today).
const asOf = toEpochDay(2027, 3, 31);
const terms = (method: LoanTerms['method']): LoanTerms => ({
  principal: 12_000_000,
  termMonths: 12,
  graceMonths: 0,
  method,
  dayCount: '30/360',
  startDate: asOf,
  rounding: 'floor',
  guaranteeFeeRate: 0,
});
const loans: StackLoan[] = [
  {
    id: 'A',
    name: 'A',
    lender: 'x',
    terms: terms('equal-principal'),
    rate: { type: 'fixed', annualRate: 0.012 },
  },
  {
    id: 'B',
    name: 'B',
    lender: 'x',
    terms: terms('annuity'),
    rate: { type: 'fixed', annualRate: 0.012 },
  },
];
const prepay = (amount: number) =>
  applyStrategy(
    loans,
    {
      id: 'p',
      name: 'p',
      actions: [
        {
          kind: 'prepay',
          select: { loanIds: ['A', 'B'] },
          amount,
          date: toEpochDay(2027, 6, 15),
          effect: 'shorten-term',
        },
      ],
    },
    asOf,
    () => undefined,
    'strategies[0]',
  );

describe('a prepayment is checked against the balance on its date', () => {
  test('20,000,000 fits the 24,000,000 of today but not the 18,013,481 after payment 3', () => {
    const { errors } = prepay(20_000_000);
    expect(errors).toEqual([
      {
        field: 'strategies[0].actions[0].amount',
        message:
          "exceeds the chosen loans' balance on 2027-06-15 (18013481), after its scheduled principal",
        value: 20_000_000,
      },
    ]);
    expect(japanesePredicate(errors[0].message)).toBe(
      'が 2027-06-15 時点の対象借入の残高合計 (18,013,481 円、当回の約定返済後) を超えています',
    );
    // Exactly the balance on that date is accepted.
    expect(prepay(18_013_481).errors).toEqual([]);
    expect(prepay(18_013_482).errors).toHaveLength(1);
  });

  test('split pro rata by that balance: 6,000,000 → 2,997,754 (A) + 3,002,246 (B)', () => {
    // A: floor(6,000,000 × 9,000,000 / 18,013,481) = floor(2,997,754.85) = 2,997,754;
    // B, the last loan, takes the remainder 3,002,246 (by today's equal balances: 3,000,000 each).
    const { book, errors } = prepay(6_000_000);
    expect(errors).toEqual([]);
    expect(book.senior.map((l) => l.terms.prepayment)).toEqual([
      { period: 3, amount: 2_997_754, effect: 'shorten-term' },
      { period: 3, amount: 3_002_246, effect: 'shorten-term' },
    ]);
  });
});

test('a second prepay action on a loan is refused, naming the action and the loan', () => {
  const action = (loanIds: string[], amount: number) => ({
    kind: 'prepay' as const,
    select: { loanIds },
    amount,
    date: toEpochDay(2027, 6, 15),
    effect: 'shorten-term' as const,
  });
  const run = (...actions: ReturnType<typeof action>[]) =>
    applyStrategy(loans, { id: 'p', name: 'p', actions }, asOf, () => undefined, 'strategies[0]');
  // One action a loan: accepted (A, then B).
  expect(run(action(['A'], 1_000_000), action(['B'], 2_000_000)).errors).toEqual([]);
  // B prepaid twice: the second action would silently replace the first.
  const { errors } = run(action(['B'], 1_000_000), action(['A', 'B'], 2_000_000));
  expect(errors).toEqual([
    {
      field: 'strategies[0].actions[1].select',
      message:
        'selects loan B, which an earlier prepay action of this strategy already prepays (one per loan)',
      value: 'B',
    },
  ]);
  expect(japanesePredicate(errors[0].message)).toBe(
    'で借入 B を選んでいますが、この戦略の前の繰上返済で既に選ばれています (繰上返済は借入ごとに1回まで)',
  );
});
