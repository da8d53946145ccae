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
import { formatYen, renderTable } from '../terminal-table';

export interface ShocksOptions {
  json: boolean;
  /** Replaces the file's shocks and the standard set. */
  shocks?: Shock[];
  modes: RepriceMode[];
  /** Fiscal years shown in the table (all in JSON). */
  years?: number;
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
    : reportText(report, options.years);
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

function reportText(report: StressReport, years: number | undefined): string {
  const { stack } = report;
  const balance = stack.loans.reduce((sum, l) => sum + l.terms.principal, 0);
  const shown = Math.min(years ?? report.fiscalYears.length, report.fiscalYears.length);
  const out = [
    `${stack.name} — 基準日 / as of ${formatIsoDate(stack.asOf)}, 借入 ${stack.loans.length} 本 / loans, 残高 / balance ${formatYen(balance)} 円`,
    `追加利息 (円, 決算期ごと) / extra interest per fiscal year (yen) vs. no shock`,
  ];
  for (const mode of REPRICE_MODES) {
    const cells = report.cells.filter((c) => c.mode === mode);
    if (cells.length === 0) continue;
    const header = ['決算期 / FY', '基準利息 / base', ...cells.map((c) => shockLabel(c.shock))];
    const rows = report.fiscalYears
      .slice(0, shown)
      .map((y, i) => [
        fiscalYearLabel(y, stack.fiscalYearEndMonth),
        formatYen(report.base.interest[i]),
        ...cells.map((c) => formatYen(c.extraInterest[i])),
      ]);
    rows.push([
      '全期間 / life',
      formatYen(report.base.interest.reduce((a, b) => a + b, 0)),
      ...cells.map((c) => formatYen(c.totalExtraInterest)),
    ]);
    out.push('', MODE_TITLES[mode], renderTable(header, rows));
  }
  if (shown < report.fiscalYears.length)
    out.push(
      '',
      `(${shown} of ${report.fiscalYears.length} fiscal years shown; --years or --json for all)`,
    );
  return out.join('\n');
}
