import { DebtRepaymentYears, debtRepaymentYears } from '../measures/debt-repayment-years';
import { Dscr, dscr } from '../measures/dscr';
import {
  EbitdaDebtMultiple,
  ebitdaDebt,
  ebitdaDebtMultiple,
} from '../measures/ebitda-debt-multiple';
import { interestCoverage } from '../measures/interest-coverage';
import { LocalBenchmark, localBenchmark } from '../measures/local-benchmark';
import { RepaymentCapacity, repaymentCapacity } from '../measures/repayment-capacity';
import { Case } from '../case/case';
import { ProjectedYear } from './project';

/** The measures of domain.md §6 for one projected year. */
export interface YearMeasures {
  debtRepaymentYears: DebtRepaymentYears;
  ebitdaDebtMultiple: EbitdaDebtMultiple;
  dscr: Dscr;
  interestCoverage: ReturnType<typeof interestCoverage>;
  repaymentCapacity: RepaymentCapacity;
  localBenchmark: LocalBenchmark;
}

/**
 * Measures of every projected year. Capital-type loans count as debt in 債務償還年数 only for
 * the part not recognised as capital; in the EBITDA倍率 and the benchmark's as the
 * `ebitdaCapitalDebt` setting says.
 */
export function yearMeasures(c: Case, years: readonly ProjectedYear[]): YearMeasures[] {
  const startingDebt = c.stack.loans.reduce((sum, l) => sum + l.terms.principal, 0);
  return years.map((y, t) => {
    const recognised = y.capitalDebt * y.capitalRecognition;
    const debt = y.seniorDebt + y.capitalDebt - recognised;
    // One treatment of capital-type debt for the EBITDA倍率 wherever it appears.
    const borrowings = ebitdaDebt(
      y.seniorDebt,
      y.capitalDebt,
      recognised,
      c.thresholds.ebitdaCapitalDebt,
    );
    const priorSales = t === 0 ? c.base.revenue : years[t - 1].revenue;
    const totalAssets =
      c.base.totalAssets +
      (y.bookNetAssets - c.base.bookNetAssets) +
      (y.seniorDebt + y.capitalDebt - startingDebt);
    return {
      debtRepaymentYears: debtRepaymentYears({
        interestBearingDebt: debt,
        cash: y.cash,
        receivables: y.receivables,
        inventory: y.inventory,
        payables: y.payables,
        ordinaryProfit: y.ordinaryProfit,
        depreciation: y.depreciation,
        taxes: y.taxes,
        form: c.thresholds.debtYearsForm,
      }),
      ebitdaDebtMultiple: ebitdaDebtMultiple({
        interestBearingDebt: borrowings,
        cash: y.cash,
        operatingProfit: y.operatingProfit,
        depreciation: y.depreciation,
      }),
      // 経常利益 is after both interest and 保証料, so both are added back (and both are served).
      dscr: dscr({
        ordinaryProfit: y.ordinaryProfit,
        interest: y.interest + y.guaranteeFees,
        depreciation: y.depreciation,
        taxes: y.taxes,
        principal: y.principal,
        guaranteeFees: 0,
      }),
      interestCoverage: interestCoverage({
        operatingProfit: y.operatingProfit,
        interestAndDividendsReceived: c.base.interestIncome,
        interestExpense: y.interest,
      }),
      repaymentCapacity: repaymentCapacity({
        netIncome: y.netIncome,
        depreciation: y.depreciation,
        scheduledRepayment: y.principal,
      }),
      localBenchmark: localBenchmark({
        sales: y.revenue,
        priorSales,
        operatingProfit: y.operatingProfit,
        employees: c.profile.employees,
        borrowings,
        cash: y.cash,
        depreciation: y.depreciation,
        receivables: y.receivables,
        inventory: y.inventory,
        payables: y.payables,
        netAssets: y.bookNetAssets,
        totalAssets,
      }),
    };
  });
}
