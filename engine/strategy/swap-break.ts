import { RateRule, RateScenario, ruleTenorYears } from '../rates/rate-rule';
import { SwapBreakLeg, swapBreakLeg, swapBreakValue, swapForwards } from '../rates/swap';
import { buildSchedule, paymentScheduleOf } from '../schedule/loan-schedule';
import { loanRates } from '../stack/debt-stack';
import { StrategyBook } from './apply-strategy';

/** A swap a strategy ends early, with its estimated 解約清算金 under one scenario. */
export interface SwapBreak {
  loanId: string;
  /** Yen the borrower pays (negative: receives, when rates have risen above the swap rate). */
  cost: number;
}

/** A swap a strategy's refinancing ends, its remaining leg resolved (see swapBreakLeg). */
export interface EndedSwapLeg {
  loanId: string;
  rule: Extract<RateRule, { type: 'floating' }>;
  leg: SwapBreakLeg;
  tenorYears: number;
}

/**
 * The swaps a strategy's refinancings end before their end date, broken on the analysis date.
 * The notional of a `loan` swap follows the loan's balances at the scenario's rates (which a
 * shock does not move while the swap covers the whole balance at its fixed all-in rate).
 */
export function endedSwapLegs(book: StrategyBook, scenario: RateScenario): EndedSwapLeg[] {
  return (book.endedSwaps ?? []).flatMap((loan) => {
    if (!loan.swap || loan.rate.type !== 'floating') return [];
    const { dates } = paymentScheduleOf(loan.terms);
    const n = loan.terms.termMonths;
    const opening = buildSchedule(loan.terms, loanRates(loan, scenario)).flows.opening;
    const leg = swapBreakLeg(loan.swap, dates, n, opening, scenario.asOf);
    return [{ loanId: loan.id, rule: loan.rate, leg, tenorYears: ruleTenorYears(loan.rate, n) }];
  });
}

/**
 * The break cost of each swap a strategy's refinancings end before its end date, valued on
 * the analysis date against the scenario's (shocked) floating curve (see swapBreakCost).
 */
export function swapBreaks(book: StrategyBook, scenario: RateScenario): SwapBreak[] {
  return endedSwapLegs(book, scenario).map(({ loanId, rule, leg, tenorYears }) => ({
    loanId,
    cost: swapBreakValue(leg, swapForwards(leg, rule, scenario, tenorYears)),
  }));
}
