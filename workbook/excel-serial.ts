/**
 * Excel's 1900 date system: serial 25569 is 1970-01-01, epoch day 0 (valid for serials after
 * the fictitious 1900-02-29, i.e. every date a loan has).
 *
 * @example
 * serialOfEpochDay(toEpochDay(2026, 3, 31)) // 46112
 */
const SERIAL_OF_EPOCH = 25569;

export function serialOfEpochDay(epochDay: number): number {
  return epochDay + SERIAL_OF_EPOCH;
}

/** The epoch day of a whole serial day number (a time of day is dropped). */
export function epochDayOfSerial(serial: number): number {
  return Math.floor(serial) - SERIAL_OF_EPOCH;
}
