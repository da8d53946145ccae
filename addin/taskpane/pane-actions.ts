import {
  CellError,
  INPUT_SHEET_NAMES,
  LISTS_SHEET,
  RUN_OUTPUT_SHEET_NAMES,
  inputTemplate,
  normalizeText,
  readCase,
  scenarioTemplate,
} from '../../workbook';
import type { WorkbookPatch } from '../../workbook';
import type { Compute } from '../compute/compute-client';
import { NameClashError } from '../host/name-clash-error';
import type { RunRequest, RunSummary } from '../compute/run-workbook';
import type { WorkbookHost } from '../host/workbook-host';
import type { MessageKey, Messages } from './i18n';

/** What an action tells the pane to show: a message (by key, or engine text), errors, a summary. */
export interface Outcome {
  ok: boolean;
  message: MessageKey;
  /** Text added to the message (an engine or Excel error), in English. */
  detail?: string;
  errors?: CellError[];
  /** The workbook's sheets when the errors were found: an error on a missing sheet has no cell to select. */
  sheetNames?: string[];
  summary?: RunSummary;
  /** The defined name that blocks one of our tables (message `nameClash`). */
  clash?: string;
}

/** The outcome's message in the pane's language, the clashing name filled in. */
export function outcomeMessage(o: Outcome, m: Messages): string {
  return m[o.message].replace('{name}', o.clash ?? '');
}

/** The choices in the pane, as typed. */
export interface RunChoices {
  /** Standard shocks ticked, in % (0.25 = +0.25 %). */
  shockPercents: readonly number[];
  /** Extra shocks typed, e.g. "0.75, 1.5". */
  customShocks: string;
  /** Strategies ticked (null: every strategy, when the list was never read). */
  strategyIds: readonly string[] | null;
  monteCarlo: { enabled: boolean; paths: string; seed: string };
}

export type Stage = 'reading' | 'computing' | 'writing';

/**
 * The task pane's actions on a workbook, without the DOM: each reads or writes through the
 * `WorkbookHost` and computes through `Compute`, so the same code runs in Excel, in a browser
 * and in the tests. A run computes everything before writing anything: bad input writes nothing.
 */
export class PaneActions {
  constructor(
    private readonly host: WorkbookHost,
    private readonly compute: Compute,
    private readonly scenarios: Readonly<Record<string, unknown>>,
  ) {}

  /** The lesson of the workshop case loaded by this pane (not kept in the workbook). */
  private lesson: string | undefined;

  /** Writes the blank input template, unless input sheets are there already (never overwrites). */
  async createTemplate(): Promise<Outcome> {
    const { sheetNames } = await this.host.readSnapshot();
    if (sheetNames.some((n) => INPUT_SHEET_NAMES.includes(n)))
      return { ok: false, message: 'templateExists' };
    const clash = await this.write(inputTemplate());
    if (clash) return clash;
    this.lesson = undefined;
    return { ok: true, message: 'templateCreated' };
  }

  /** Replaces the input sheets by a workshop case, and removes results that no longer match. */
  async loadScenario(name: string): Promise<Outcome> {
    const filled = scenarioTemplate(this.scenarios[name]);
    if (!filled.ok) return { ok: false, message: 'failed', detail: filled.errors.join('\n') };
    const replaces = [...INPUT_SHEET_NAMES, LISTS_SHEET, ...RUN_OUTPUT_SHEET_NAMES];
    const clash = await this.write({ ...filled.patch, replaces });
    if (clash) return clash;
    const { lesson } = this.scenarios[name] as { lesson?: unknown };
    this.lesson = typeof lesson === 'string' ? lesson : undefined;
    return { ok: true, message: 'scenarioLoaded' };
  }

  /** Whether any input sheet is there (none: the pane's next step is the template). */
  async hasInputSheets(): Promise<boolean> {
    const { sheetNames } = await this.host.readSnapshot();
    return sheetNames.some((n) => INPUT_SHEET_NAMES.includes(n));
  }

  /** The strategies the input sheets define (empty while the sheets do not read as a case). */
  async strategies(): Promise<{ id: string; name: string }[]> {
    const read = readCase(await this.host.readSnapshot());
    return read.ok ? read.case.strategies.map(({ id, name }) => ({ id, name })) : [];
  }

  async run(
    choices: RunChoices,
    onStage: (stage: Stage, share: number) => void = () => {},
  ): Promise<Outcome> {
    const parsed = parseChoices(choices);
    if ('message' in parsed) return { ok: false, message: parsed.message };
    onStage('reading', 0);
    const snapshot = await this.host.readSnapshot();
    // No input sheet at all: one next step, not one "sheet missing" error per sheet.
    if (!snapshot.sheetNames.some((n) => INPUT_SHEET_NAMES.includes(n)))
      return { ok: false, message: 'startWithTemplate' };
    onStage('computing', 0);
    const request = { snapshot, ...parsed, lesson: this.lesson };
    const response = await this.compute(request, (s) => onStage('computing', s));
    if (!response.ok)
      return response.message === undefined
        ? {
            ok: false,
            message: 'inputErrors',
            errors: response.errors,
            sheetNames: snapshot.sheetNames,
          }
        : { ok: false, message: 'failed', detail: response.message };
    onStage('writing', 0);
    const clash = await this.write(response.patch, (s) => onStage('writing', s));
    if (clash) return clash;
    return { ok: true, message: 'done', summary: response.summary };
  }

  /**
   * Applies the patch; a defined name of the user's that one of our tables needs comes back as
   * the outcome naming it (nothing was written), any other failure is thrown.
   */
  private async write(
    patch: WorkbookPatch,
    onProgress?: (done: number) => void,
  ): Promise<Outcome | null> {
    try {
      await this.host.applyPatch(patch, onProgress);
      return null;
    } catch (error) {
      if (!(error instanceof NameClashError)) throw error;
      return { ok: false, message: 'nameClash', clash: error.clash, detail: error.message };
    }
  }

  async clear(): Promise<Outcome> {
    const removed = await this.host.removeSheets(RUN_OUTPUT_SHEET_NAMES);
    return { ok: true, message: removed.length > 0 ? 'cleared' : 'nothingToClear' };
  }

  /** Selects the cell an input error names. */
  async select(error: CellError): Promise<void> {
    await this.host.selectCell(error.sheet, error.row, error.column);
  }
}

type ParsedChoices = Omit<RunRequest, 'snapshot'>;

/** The pane's typed choices checked and converted, or the message naming what is wrong. */
export function parseChoices(choices: RunChoices): ParsedChoices | { message: MessageKey } {
  const custom = normalizeText(choices.customShocks)
    .split(/[,、\s]+/)
    .filter((t) => t !== '')
    .map((t) => Number(t.replace(/^\+/, '').replace(/%$/, '')));
  const percents = [...choices.shockPercents, ...custom];
  if (percents.some((p) => !Number.isFinite(p) || p < -5 || p > 10)) return { message: 'badShock' };
  // Sorted, each size once, and in decimals (+1.00 % → 0.01) without binary noise.
  const shockSizes = [...new Set(percents)]
    .sort((a, b) => a - b)
    .map((p) => Math.round(p * 1e4) / 1e6);
  let monteCarlo: ParsedChoices['monteCarlo'] = null;
  if (choices.monteCarlo.enabled) {
    const paths = Number(normalizeText(choices.monteCarlo.paths).replace(/,/g, ''));
    const seed = Number(normalizeText(choices.monteCarlo.seed));
    if (!Number.isInteger(paths) || paths < 100 || paths > 100_000) return { message: 'badPaths' };
    if (!Number.isSafeInteger(seed) || seed < 0) return { message: 'badSeed' };
    monteCarlo = { paths, seed };
  }
  return { shockSizes, strategyIds: choices.strategyIds, monteCarlo };
}
