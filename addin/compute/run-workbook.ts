import { PaneLoan, paneLoans } from '../taskpane/loan-table';
import { PanePlan, panePlans } from '../taskpane/plan-table';
import {
  Case,
  FieldError,
  DEFAULT_YEN_SHORT_RATE_MODEL,
  NO_REVENUE_SHOCK,
  Results,
  catalogPrograms,
  describeError,
  parallelShocks,
  runMonteCarlo,
  simulate,
} from '../../engine';
import {
  CellError,
  WorkbookPatch,
  WorkbookSnapshot,
  eligibilityMark,
  readCase,
  renderMonteCarlo,
  renderResults,
} from '../../workbook';

/** What the task pane asks for: the workbook's input plus the choices made in the pane. */
export interface RunRequest {
  snapshot: WorkbookSnapshot;
  /** Parallel shock sizes (0.01 = +1.00 %) replacing the シナリオ sheet's; null keeps the sheet's. */
  shockSizes: readonly number[] | null;
  /** Strategy ids to run (the first, the status quo, always runs); null runs every strategy. */
  strategyIds: readonly string[] | null;
  /** Monte Carlo paths and seed, or null for none. */
  monteCarlo: { paths: number; seed: number } | null;
  /** The loaded workshop case's `lesson`, shown on the summary sheet (as the CLI shows a case file's). */
  lesson?: string;
}

/** One line of the summary matrix: a shock, and per strategy whether every check passed. */
export interface SummaryRow {
  shockLabel: string;
  cells: { pass: boolean; lowestDscr: number | null; failedChecks: string[]; eligible: string }[];
}

export interface RunSummary {
  borrower: string;
  strategies: { id: string; name: string }[];
  rows: SummaryRow[];
  /** Per strategy the Monte Carlo probability of failing any check, when it ran. */
  monteCarloFailure: number[] | null;
  /** The council plans (strategies with a pro-rata-plan): per lender share and 経済合理性. */
  plans?: PanePlan[];
  /** The debt stack's loans: balance and business-day convention of each. */
  loans?: PaneLoan[];
}

export type RunResponse =
  | { ok: true; patch: WorkbookPatch; summary: RunSummary }
  /** Input errors by cell, or (message) what the engine refused once the input read well. */
  | { ok: false; errors: CellError[]; message?: string };

/**
 * The whole run as one pure function (it runs in a web worker): snapshot → Case (cell-addressed
 * errors) → grid (+ Monte Carlo) → the patch to write and the summary to show. Nothing is
 * written unless everything here succeeded.
 */
export function runWorkbook(
  request: RunRequest,
  onProgress: (share: number) => void = () => {},
): RunResponse {
  const read = readCase(request.snapshot);
  if (!read.ok) return { ok: false, errors: read.errors };
  const c = withChoices(read.case, request);
  const programs = catalogPrograms(c.programOverrides);
  const outcome = simulate(c, programs);
  if (!outcome.ok) return engineFailure(outcome.errors);
  onProgress(request.monteCarlo ? 0.2 : 1);
  const patch = renderResults(c, outcome.results, { lesson: request.lesson });
  let monteCarloFailure: number[] | null = null;
  if (request.monteCarlo) {
    const mc = runMonteCarlo(
      c,
      programs,
      { ...request.monteCarlo, model: DEFAULT_YEN_SHORT_RATE_MODEL, revenue: NO_REVENUE_SHOCK },
      (done, total) => onProgress(0.2 + (0.8 * done) / total),
    );
    if (!mc.ok) return engineFailure(mc.errors);
    const mcPatch = renderMonteCarlo(c, mc.results);
    patch.sheets.push(...mcPatch.sheets);
    monteCarloFailure = mc.results.strategies.map((s) => s.anyFailure.probability);
  }
  return { ok: true, patch, summary: summarize(c, outcome.results, monteCarloFailure) };
}

/** The pane's choices applied to the case read from the sheets. */
function withChoices(c: Case, request: RunRequest): Case {
  const shocks = request.shockSizes ? parallelShocks(request.shockSizes) : c.shocks;
  const keep = request.strategyIds ? new Set(request.strategyIds) : null;
  const strategies = keep ? c.strategies.filter((s, i) => i === 0 || keep.has(s.id)) : c.strategies;
  return { ...c, shocks, strategies };
}

function engineFailure(errors: FieldError[]): RunResponse {
  return { ok: false, errors: [], message: errors.map(describeError).join('\n') };
}

function summarize(c: Case, results: Results, monteCarloFailure: number[] | null): RunSummary {
  const realistic = results.cells.filter((x) => x.mode === 'realistic');
  return {
    borrower: c.profile.name,
    strategies: results.strategies,
    rows: results.shockLabels.map((shockLabel) => ({
      shockLabel,
      cells: results.strategies.map((s) => {
        const cell = realistic.find((x) => x.strategyId === s.id && x.shockLabel === shockLabel)!;
        return {
          pass: cell.summary.failedChecks.length === 0,
          lowestDscr: cell.summary.lowestDscr,
          failedChecks: cell.summary.failedChecks,
          eligible: eligibilityMark(c, cell),
        };
      }),
    })),
    monteCarloFailure,
    plans: panePlans(results),
    loans: paneLoans(c),
  };
}
