import type { BusinessDayConvention, Case } from '../../engine';
import { el } from './dom';
import { Language, Messages, inLanguage } from './i18n';

/** What the pane shows of each loan of the debt stack. */
export interface PaneLoan {
  id: string;
  name: string;
  lender: string;
  /** Balance at the start of the projection (yen). */
  balance: number;
  /** Where a payment date on a bank holiday moves, as the engine schedules this loan. */
  businessDay: BusinessDayConvention;
}

/** The stack's loans as the run used them (a loan without a convention is not moved, as in the engine). */
export function paneLoans(c: Pick<Case, 'stack'>): PaneLoan[] {
  return c.stack.loans.map((l) => ({
    id: l.id,
    name: l.name,
    lender: l.lender,
    balance: l.terms.principal,
    businessDay: l.terms.businessDay ?? 'none',
  }));
}

/** The convention in the pane's language: the 借入一覧 sheet's own words in Japanese. */
export const BUSINESS_DAY_TEXT: Record<Language, Record<BusinessDayConvention, string>> = {
  ja: { following: '翌営業日', preceding: '前営業日', none: '調整なし' },
  en: { following: 'Following', preceding: 'Preceding', none: 'None' },
};

const yen = (x: number) => Math.round(x).toLocaleString('en-US');

/** The rows as text: name, lender, balance, business-day convention. */
export function loanRows(loans: readonly PaneLoan[], language: Language): string[][] {
  return loans.map((l) => [
    inLanguage(l.name, language),
    inLanguage(l.lender, language),
    yen(l.balance),
    BUSINESS_DAY_TEXT[language][l.businessDay],
  ]);
}

/** 借入一覧 under the result card: each loan's balance and how its holiday payments move. */
export function loanTable(
  loans: readonly PaneLoan[],
  m: Messages,
  language: Language,
): HTMLTableElement {
  const head = el('tr', {}, [
    el('th', {}, [m.loanName]),
    el('th', {}, [m.loanLender]),
    el('th', { class: 'number' }, [m.loanBalance]),
    el('th', { class: 'convention' }, [m.loanBusinessDay]),
  ]);
  const rows = loanRows(loans, language).map((cells) =>
    el(
      'tr',
      {},
      cells.map((text, k) =>
        el(
          k === 0 ? 'th' : 'td',
          k === 2 ? { class: 'number' } : k === 3 ? { class: 'convention' } : {},
          [text],
        ),
      ),
    ),
  );
  return el('table', { class: 'summary loans', 'data-testid': 'loans' }, [
    el('caption', {}, [m.loansHeading]),
    el('thead', {}, [head]),
    el('tbody', {}, rows),
  ]);
}
