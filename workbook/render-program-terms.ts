import { ProgramTermUsed, Results } from '../engine';
import { Highlight, PatchCell, PatchTable } from './patch';

const BASIS_LABELS: Record<ProgramTermUsed['basis'], string> = {
  source: '出典 / source',
  assumed: '仮定 / assumed',
  case: 'ケース指定 / case',
};

/** A term's value as the sheet shows it: rates in percent, the rest as they are. */
export function termValueText(term: string, value: ProgramTermUsed['value']): string {
  if (value === null) return '—';
  const rateLike = /(^rate\.(?!profitLine|withoutClosedYear|initialPeriod)|Rate$|\.net$)/.test(
    term,
  );
  if (typeof value === 'number' && rateLike) return `${(value * 100).toFixed(3)}%`;
  if (typeof value === 'number' && /guaranteeFeeSubsidies\.|Coverage$/.test(term)) {
    return `${Math.round(value * 10000) / 100}%`;
  }
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return String(value);
}

/**
 * The program terms each strategy's new loans were priced and checked on, one row per term
 * with its basis — 出典 (cited), 仮定 (the catalog's assumption, with the reason) or set by the
 * case — for 制度・チェック明細, its header at `row`, `column`. Null when no strategy draws a program loan.
 */
export function programTermsBlock(
  results: Results,
  row: number,
  column = 1,
): { table: PatchTable; cells: PatchCell[]; highlights: Highlight[] } | null {
  const rows = (results.programTerms ?? []).flatMap((loan) =>
    loan.terms.map((t) => [
      loan.strategyId,
      loan.loanId,
      loan.programName,
      t.term,
      termValueText(t.term, t.value),
      BASIS_LABELS[t.basis],
      t.note,
    ]),
  );
  if (rows.length === 0) return null;
  const header = (h: string, width: number) => ({ header: h, width });
  return {
    table: {
      name: 'RateShockProgramTerms',
      row,
      column,
      columns: [
        header('戦略ID / strategy', 16),
        header('借入 / loan', 24),
        header('制度 / program', 36),
        header('条件 / term', 38),
        header('値 / value', 14),
        header('根拠 / basis', 16),
        header('出典・仮定の理由 / source or reason', 90),
      ],
      rows,
    },
    cells: [
      {
        row: row - 1,
        column,
        value: '制度条件の根拠 / program terms: source or assumed',
        bold: true,
        overflow: true,
      },
    ],
    highlights: [
      {
        fromRow: row + 1,
        fromColumn: column + 5,
        toRow: row + rows.length,
        toColumn: column + 5,
        when: { textContains: '仮定' },
        style: 'warn',
      },
    ],
  };
}
