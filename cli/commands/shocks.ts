import {
  FiscalYearFigures,
  REPRICE_MODES,
  RepriceMode,
  Shock,
  StressReport,
  fiscalYearLabel,
  formatIsoDate,
  parseStackFile,
  shockLabel,
  standardShocks,
  stressStack,
} from '../../engine';
import { orInputError, readJsonFile } from '../read-input';
import { FitColumn, droppedNote, fitTable, wrapLines } from '../fit-table';
import { formatYen } from '../terminal-table';

export interface ShocksOptions {
  json: boolean;
  /** Replaces the file's shocks and the standard set. */
  shocks?: Shock[];
  modes: RepriceMode[];
  /** Fiscal years shown in the table (all in JSON). */
  years?: number;
  /** The terminal's columns (undefined for a pipe or a file: every column, full headers). */
  width?: number;
}

const MODE_TITLES: Record<RepriceMode, string> = {
  realistic: '現実ベース (各借入の条件どおり改定) / realistic: each loan reprices by its own rule',
  'full-reprice':
    '一斉改定 (全借入に即時反映, 帝国データバンク試算の前提) / full reprice: every loan at once',
};

/** `rateshock shocks <stack.json>`: extra interest per fiscal year per shock. */
export function shocksCommand(path: string, options: ShocksOptions): string {
  const file = orInputError(path, parseStackFile(readJsonFile(path)));
  const shocks = options.shocks ?? file.shocks ?? standardShocks();
  const report = stressStack(file.stack, shocks, options.modes);
  return options.json
    ? JSON.stringify(reportJson(report), null, 2)
    : reportText(report, options.years, options.width);
}

function figuresJson(f: FiscalYearFigures) {
  const list = (a: Float64Array) => Array.from(a);
  return {
    interest: list(f.interest),
    principal: list(f.principal),
    fee: list(f.fee),
    closing: list(f.closing),
  };
}

function reportJson(report: StressReport) {
  const { stack } = report;
  const list = (a: Float64Array) => Array.from(a);
  return {
    stack: {
      name: stack.name,
      asOf: formatIsoDate(stack.asOf),
      fiscalYearEndMonth: stack.fiscalYearEndMonth,
      loans: stack.loans.map((l) => ({
        id: l.id,
        name: l.name,
        lender: l.lender,
        balance: l.terms.principal,
        rateType: l.rate.type,
      })),
    },
    fiscalYears: report.fiscalYears.map((y) => fiscalYearLabel(y, stack.fiscalYearEndMonth)),
    base: figuresJson(report.base),
    baseByLoan: Object.fromEntries(
      stack.loans.map((l, i) => [l.id, figuresJson(report.baseByLoan[i])]),
    ),
    cells: report.cells.map((cell) => ({
      label: cell.label,
      mode: cell.mode,
      shock: cell.shock,
      interest: list(cell.stack.interest),
      extraInterest: list(cell.extraInterest),
      totalExtraInterest: cell.totalExtraInterest,
      extraInterestByLoan: Object.fromEntries(
        stack.loans.map((l, i) => [l.id, cell.extraInterestByLoan[i]]),
      ),
    })),
  };
}

function reportText(
  report: StressReport,
  years: number | undefined,
  width: number | undefined,
): string {
  const { stack } = report;
  const balance = stack.loans.reduce((sum, l) => sum + l.terms.principal, 0);
  const shown = Math.min(years ?? report.fiscalYears.length, report.fiscalYears.length);
  const heading = [
    `${stack.name} — 基準日 / as of ${formatIsoDate(stack.asOf)}, 借入 ${stack.loans.length} 本 / loans, 残高 / balance ${formatYen(balance)} 円`,
    `追加利息 (円, 決算期ごと) / extra interest per fiscal year (yen) vs. no shock`,
  ];
  const out = heading.map((line) => wrapLines(line, width));
  let legend = false;
  const dropped = new Set<string>();
  for (const mode of REPRICE_MODES) {
    const cells = report.cells.filter((c) => c.mode === mode);
    if (cells.length === 0) continue;
    // On a narrow terminal the base interest goes first, then the inner shocks (the smallest
    // and the largest stay).
    const columns: FitColumn[] = [
      { header: '決算期 / FY', short: '決算期' },
      { header: '基準利息 / base', short: '基準利息', drop: 0 },
      ...cells.map((c, k) => ({
        header: shockLabel(c.shock),
        drop: k > 0 && k < cells.length - 1 ? k : undefined,
      })),
    ];
    const rows = (life: string) => [
      ...report.fiscalYears
        .slice(0, shown)
        .map((y, i) => [
          fiscalYearLabel(y, stack.fiscalYearEndMonth),
          formatYen(report.base.interest[i]),
          ...cells.map((c) => formatYen(c.extraInterest[i])),
        ]),
      [
        life,
        formatYen(report.base.interest.reduce((a, b) => a + b, 0)),
        ...cells.map((c) => formatYen(c.totalExtraInterest)),
      ],
    ];
    const table = fitTable(columns, rows('全期間 / life'), width, rows('全期間'));
    legend ||= table.compact;
    table.dropped.forEach((d) => dropped.add(d));
    out.push('', wrapLines(MODE_TITLES[mode], width), table.text);
  }
  if (dropped.size > 0) out.push(wrapLines(droppedNote([...dropped]), width));
  if (legend) out.push(wrapLines('(決算期 = FY, 基準利息 = base interest, 全期間 = life)', width));
  if (shown < report.fiscalYears.length)
    out.push(
      '',
      wrapLines(
        `(${shown} of ${report.fiscalYears.length} fiscal years shown; --years or --json for all)`,
        width,
      ),
    );
  return out.join('\n');
}
