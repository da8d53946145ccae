import {
  buildSchedule,
  loanSpecRates,
  parseLoanSpec,
  scheduleJson,
  scheduleRows,
  ScheduleRow,
} from '../../engine';
import { orInputError, readJsonFile } from '../read-input';
import { formatYen, renderTable } from '../terminal-table';

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

/** `rateshock schedule <loan.json>`: one loan's monthly schedule. */
export function scheduleCommand(path: string, format: ScheduleFormat): string {
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
  const header = [
    '回 / No.',
    '返済日 / date',
    '期首残高 / opening',
    '利息 / interest',
    '元金 / principal',
    '保証料 / fee',
    '返済額 / payment',
    '期末残高 / closing',
  ];
  const body = rows.map((r) => [
    String(r.period),
    r.date,
    ...[r.opening, r.interest, r.principal, r.fee, r.payment, r.closing].map(formatYen),
  ]);
  body.push([
    '合計 / total',
    '',
    '',
    formatYen(t.interest),
    formatYen(t.principal),
    formatYen(t.fee),
    formatYen(t.payment),
    '',
  ]);
  return renderTable(header, body);
}
