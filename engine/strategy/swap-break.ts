import { RateScenario, ruleTenorYears } from '../rates/rate-rule';
import { swapBreakCost } from '../rates/swap';
import { buildSchedule, paymentScheduleOf } from '../schedule/loan-schedule';
import { loanRates } from '../stack/debt-stack';
import { StrategyBook } from './apply-strategy';

/** A swap a strategy ends early, with its estimated 解約清算金 under one scenario. */
export interface SwapBreak {
  loanId: string;
  /** Yen the borrower pays (negative: receives, when rates have risen above the swap rate). */
  cost: number;
}

/**
 * The break cost of each swap a strategy's refinancings end before its end date, valued on
 * the analysis date against the scenario's (shocked) floating curve (see swapBreakCost). The
 * notional of a `loan` swap follows the loan's balances at the scenario's rates.
 */
export function swapBreaks(book: StrategyBook, scenario: RateScenario): SwapBreak[] {
  return (book.endedSwaps ?? []).flatMap((loan) => {
    if (!loan.swap || loan.rate.type !== 'floating') return [];
    const { dates } = paymentScheduleOf(loan.terms);
    const n = loan.terms.termMonths;
    const opening = buildSchedule(loan.terms, loanRates(loan, scenario)).flows.opening;
    const cost = swapBreakCost(
      loan.swap,
      loan.rate,
      dates,
      n,
      opening,
      scenario.asOf,
      scenario,
      ruleTenorYears(loan.rate, n),
    );
    return [{ loanId: loan.id, cost }];
  });
}
