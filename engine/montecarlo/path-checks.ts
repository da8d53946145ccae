import { CheckResult, planChecks } from '../checks/plan-checks';
import { debtRepaymentYears } from '../measures/debt-repayment-years';
import { ebitdaDebt, ebitdaDebtMultiple } from '../measures/ebitda-debt-multiple';
import { interestCoverage } from '../measures/interest-coverage';
import { yearMeasures } from '../projection/year-measures';
import { PathYears, PreparedStrategy, capitalRecognition, projectedYears } from './path-projection';

/** The checks of `planChecks` a fast rule exists for (the rest go through planChecks itself). */
export const FAST_CHECKS: ReadonlySet<string> = new Set([
  'dscr',
  'debt-years-at-end',
  'profit-within',
  'solvency-within',
  'cash-floor',
  'rebirth-phase',
  'no-consecutive-loss',
  'net-assets-floor',
  'no-insolvency',
  'icr',
]);

/**
 * Pass/fail of every check of a strategy on one path, as the year index of the first breach
 * (−1: passed), written to `out[offset + j·stride]` for check j.
 *
 * Which checks run, their names and thresholds come from `planChecks` (called once on the
 * unshocked projection: the list depends on the thresholds only). The per-path rules restate
 * planChecks' one-line conditions on the path's typed arrays, with the measures computed by
 * the engine's own measure functions; planChecks builds objects and text for every year,
 * ~100 µs a path, too slow for 10,000 paths × strategies. The tests hold the two to the same
 * answers on random paths; a check added to planChecks later, without a rule here, is
 * evaluated through planChecks itself (slower, never wrong).
 *
 * DSCR per year (+∞ when there is no debt service) is written to `dscrOut`. `fastRules`
 * names the checks to evaluate by rule (the tests pass none, to hold the rules to planChecks).
 */
export function evaluatePathChecks(
  p: PreparedStrategy,
  checks: readonly CheckResult[],
  y: PathYears,
  dscrOut: Float64Array,
  out: Int16Array,
  offset: number,
  stride: number,
  fastRules: ReadonlySet<string> = FAST_CHECKS,
): void {
  const { c, horizon } = p;
  const th = c.thresholds;
  const last = horizon - 1;
  let slow: CheckResult[] | null = null;
  const debtAt = (t: number) => {
    const recognised = p.capitalDebt[t] * capitalRecognition(p, t);
    return y.seniorDebt[t] + p.capitalDebt[t] - recognised;
  };

  // DSCR every year: it is both a check and a reported figure. The engine's dscr(), inlined:
  // called 20 times a path it was a quarter of the run (it builds two objects per call).
  let dscrBreach = -1;
  for (let t = 0; t < horizon; t++) {
    const value = dscrValue(
      y.ordinaryProfit[t],
      y.interest[t] + y.guaranteeFees[t],
      c.plan[t].depreciation,
      y.taxes[t],
      y.principal[t],
    );
    dscrOut[t] = value;
    // +∞ (no debt service) passes; NaN (non-finite inputs, impossible with yen) fails.
    if (!(value >= th.minDscr) && dscrBreach < 0) dscrBreach = t;
  }

  checks.forEach((check, j) => {
    let breach = -1;
    const firstFail = (pass: (t: number) => boolean) => {
      for (let t = 0; t < horizon; t++) if (!pass(t)) return t;
      return -1;
    };
    switch (fastRules.has(check.id) ? check.id : '') {
      case 'dscr':
        breach = dscrBreach;
        break;
      case 'debt-years-at-end': {
        const end = debtRepaymentYears({
          interestBearingDebt: debtAt(last),
          cash: y.cash[last],
          receivables: p.receivables[last],
          inventory: p.inventory[last],
          payables: c.base.payables,
          ordinaryProfit: y.ordinaryProfit[last],
          depreciation: c.plan[last].depreciation,
          taxes: y.taxes[last],
          form: th.debtYearsForm,
        });
        breach = end.value !== null && end.value <= th.maxDebtYearsAtPlanEnd ? -1 : last;
        break;
      }
      case 'profit-within':
        breach = firstFail((t) => t + 1 < th.profitWithinYears || y.ordinaryProfit[t] > 0);
        break;
      case 'solvency-within':
        breach = firstFail((t) => t + 1 < th.solvencyWithinYears || y.substantiveNetWorth[t] >= 0);
        break;
      case 'cash-floor':
        breach = firstFail((t) => y.lowestCash[t] >= th.minCash);
        break;
      case 'rebirth-phase':
        breach = firstFail((t) => {
          if (y.substantiveNetWorth[t] >= 0) return true;
          const multiple = ebitdaDebtMultiple({
            interestBearingDebt: ebitdaDebt(
              y.seniorDebt[t],
              p.capitalDebt[t],
              p.capitalDebt[t] * capitalRecognition(p, t),
              th.ebitdaCapitalDebt,
            ),
            cash: y.cash[t],
            operatingProfit: y.operatingProfit[t],
            depreciation: c.plan[t].depreciation,
          }).value;
          return !(multiple === null || multiple > 10);
        });
        break;
      case 'no-consecutive-loss':
        breach = firstFail(
          (t) => !(y.ordinaryProfit[t] < 0 && t > 0 && y.ordinaryProfit[t - 1] < 0),
        );
        break;
      case 'net-assets-floor': {
        const share = th.covenants.netAssetsFloorShare ?? 0;
        breach = firstFail((t) => t === 0 || y.bookNetAssets[t] >= share * y.bookNetAssets[t - 1]);
        break;
      }
      case 'no-insolvency':
        breach = firstFail((t) => y.bookNetAssets[t] >= 0);
        break;
      case 'icr': {
        const min = th.covenants.minIcr ?? 0;
        breach = firstFail((t) => {
          const icr = interestCoverage({
            operatingProfit: y.operatingProfit[t],
            interestAndDividendsReceived: c.base.interestIncome,
            interestExpense: y.interest[t],
          });
          return icr.value === null ? icr.reason === 'no-interest' : icr.value > min;
        });
        break;
      }
      default: {
        if (!slow) {
          const years = projectedYears(p, y);
          slow = planChecks(years, yearMeasures(c, years), th);
        }
        const result = slow.find((r) => r.id === check.id);
        const year = result?.firstBreachYear ?? null;
        breach = year === null ? -1 : year - p.firstYear;
      }
    }
    out[offset + j * stride] = breach;
  });
}

/**
 * `dscr(…).value` of engine/measures/dscr.ts as a number: (経常利益 + 支払利息 + 減価償却費 −
 * 法人税等) ÷ (支払利息 + 約定返済), same operations in the same order; +∞ where dscr() gives
 * null for no debt service, NaN where it gives null for non-finite figures.
 */
export function dscrValue(
  ordinaryProfit: number,
  interest: number,
  depreciation: number,
  taxes: number,
  principal: number,
): number {
  const cashAvailable = ordinaryProfit + interest + depreciation - taxes;
  const debtService = interest + principal + 0;
  if (!Number.isFinite(cashAvailable) || !Number.isFinite(debtService)) return NaN;
  if (debtService <= 0) return Infinity;
  const q = cashAvailable / debtService;
  return Number.isFinite(q) ? q + 0 : NaN;
}
