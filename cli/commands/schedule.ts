import {
  buildSchedule,
  loanSpecRates,
  parseLoanSpec,
  scheduleJson,
  scheduleRows,
  ScheduleRow,
} from '../../engine';
import { orInputError, readJsonFile } from '../read-input';
import { FitColumn, droppedNote, fitTable, wrapLines } from '../fit-table';
import { formatYen } from '../terminal-table';

export type ScheduleFormat = 'table' | 'json' | 'csv';

const CSV_COLUMNS: (keyof ScheduleRow)[] = [
  'period',
  'date',
  'opening',
  'interest',
  'principal',
  'fee',
  'payment',
  'closing',
];

/** The table's columns; on a narrow terminal the opening balance, fee and payment go first. */
const TABLE_COLUMNS: FitColumn[] = [
  { header: '回 / No.', short: '回' },
  { header: '返済日 / date', short: '返済日' },
  { header: '期首残高 / opening', short: '期首残高', drop: 1 },
  { header: '利息 / interest', short: '利息' },
  { header: '元金 / principal', short: '元金' },
  { header: '保証料 / fee', short: '保証料', drop: 2 },
  { header: '返済額 / payment', short: '返済額', drop: 3 },
  { header: '期末残高 / closing', short: '期末残高' },
];

/**
 * `rateshock schedule <loan.json>`: one loan's monthly schedule; `width`: the terminal's
 * columns (undefined for a pipe or a file: every column, full headers).
 */
export function scheduleCommand(path: string, format: ScheduleFormat, width?: number): string {
  const spec = orInputError(path, parseLoanSpec(readJsonFile(path)));
  const schedule = buildSchedule(spec, loanSpecRates(spec));
  if (format === 'json') return JSON.stringify(scheduleJson(schedule), null, 2);
  const rows = scheduleRows(schedule);
  if (format === 'csv') {
    return [
      CSV_COLUMNS.join(','),
      ...rows.map((row) => CSV_COLUMNS.map((c) => row[c]).join(',')),
    ].join('\n');
  }
  const t = schedule.totals;
  const body = (total: string) => [
    ...rows.map((r) => [
      String(r.period),
      r.date,
      ...[r.opening, r.interest, r.principal, r.fee, r.payment, r.closing].map(formatYen),
    ]),
    [total, '', '', ...[t.interest, t.principal, t.fee, t.payment].map(formatYen), ''],
  ];
  const table = fitTable(TABLE_COLUMNS, body('合計 / total'), width, body('合計'));
  if (!table.compact) return table.text;
  const legend = TABLE_COLUMNS.filter((c) => !table.dropped.includes(c.short!))
    .map((c) => c.header.replace(' / ', ' = '))
    .join(', ');
  const notes = [droppedNote(table.dropped), `(${legend}; 合計 = total)`].filter((n) => n);
  return [table.text, wrapLines(notes.join('\n'), width)].join('\n');
}
