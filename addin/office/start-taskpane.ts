import { workerCompute } from '../compute/compute-client';
import { MemoryWorkbook } from '../host/memory-workbook';
import type { WorkbookHost } from '../host/workbook-host';
import { languageFor } from '../taskpane/i18n';
import { mountTaskPane } from '../taskpane/mount-task-pane';
import { PaneActions } from '../taskpane/pane-actions';
import { WORKSHOP_CHOICES, WORKSHOP_SCENARIOS } from '../taskpane/workshop-scenarios';
import { officeDisplayLanguage } from './office-context';
import { ExcelWorkbook } from './excel-workbook';
import { stopPlainBrowserLogProxy } from './office-telemetry';
import { registerCustomFunctions } from './register-functions';
import { missingSets, unsupportedExcelMessage } from './requirements';

/**
 * The task pane's entry: Office.onReady only picks the workbook (Excel, or an in-memory one when
 * the page is opened outside Office) and wires the UI. The engine runs in compute.worker.js.
 */
function start(inExcel: boolean): void {
  const host: WorkbookHost = inExcel ? new ExcelWorkbook() : new MemoryWorkbook();
  // Outside Excel only: the in-memory workbook, for the browser test (and a trainer's console)
  // to type into its cells as a user would in Excel (MemoryWorkbook.setCell).
  if (host instanceof MemoryWorkbook)
    (window as { rateShockPreviewWorkbook?: MemoryWorkbook }).rateShockPreviewWorkbook = host;
  const compute = workerCompute(() => new Worker('compute.worker.js'));
  const root = document.getElementById('app');
  if (!root) throw new Error('taskpane.html has no #app');
  mountTaskPane(root, {
    actions: new PaneActions(host, compute, WORKSHOP_SCENARIOS),
    language: languageFor(officeDisplayLanguage()),
    preview: !inExcel,
    scenarios: WORKSHOP_CHOICES,
  });
}

// Associated as the script loads, not in onReady: Excel may ask for a function before onReady
// fires (Microsoft's shared-runtime sample does the same). A no-op outside Excel.
registerCustomFunctions();

if (typeof Office === 'undefined') {
  // office.js did not load (a browser offline): the pane still works on an in-memory workbook.
  start(false);
  document.documentElement.dataset.ready = 'ready';
} else {
  // ExcelWorkbook reads Office.context.platform itself (the web's request budget).
  void Office.onReady((info) => {
    const inExcel = info.host === Office.HostType.Excel;
    if (!inExcel) stopPlainBrowserLogProxy();
    const missing = inExcel
      ? missingSets((name, version) => Office.context.requirements.isSetSupported(name, version))
      : [];
    if (missing.length > 0) showUnsupported(unsupportedExcelMessage(missing));
    else start(inExcel);
    // A signal for the browser test and the bench: office.js is done and the pane is built.
    document.documentElement.dataset.ready = missing.length > 0 ? 'unsupported' : 'ready';
  });
}

/** An Excel too old for the add-in: one message naming the build needed, nothing else. */
function showUnsupported(message: string): void {
  const root = document.getElementById('app');
  const p = document.createElement('p');
  p.id = 'unsupported';
  p.className = 'error';
  p.textContent = message;
  root?.replaceChildren(p);
}
