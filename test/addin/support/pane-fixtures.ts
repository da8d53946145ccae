import type { Compute } from '../../../addin/compute/compute-client';
import { runWorkbook } from '../../../addin/compute/run-workbook';
import type { RunChoices } from '../../../addin/taskpane/pane-actions';

/** The engine called in-process, where the pane calls it in its web worker. */
export const inlineCompute: Compute = async (request, onProgress) =>
  runWorkbook(request, onProgress);

/** The pane's choices as it opens: the standard shocks ticked, every strategy, no Monte Carlo. */
export const DEFAULT_CHOICES: RunChoices = {
  shockPercents: [0.25, 0.5, 1, 2],
  customShocks: '',
  strategyIds: null,
  monteCarlo: { enabled: false, paths: '1000', seed: '1' },
};
