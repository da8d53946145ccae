import { Case, formatIsoDate } from '../../engine';
import { NumberFormats, numberFormats } from './number-formats';
import { PrintContext } from './page-setup';

/** A case's number formats: its amount unit and its negative style. */
export function caseFormats(c: Case): NumberFormats {
  return numberFormats(c.profile.units ?? 'yen', c.profile.negatives ?? 'triangle');
}

/** What every printed page of a case's sheets names: the borrower and the as-of date. */
export function casePrintContext(c: Case): PrintContext {
  return { borrower: c.profile.name, asOf: formatIsoDate(c.asOf) };
}
