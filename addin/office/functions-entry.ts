import { registerCustomFunctions } from './register-functions';

/**
 * The manifest's custom-functions script. With the shared runtime the task pane page registers
 * the functions itself; this bundle is what Excel loads when it starts the functions alone.
 * Associated at load, before onReady, as Excel may call a function first.
 */
registerCustomFunctions();
