/**
 * The sheet contract (design.md §"The workbook contract"): the input template, the snapshot →
 * Case reader with cell-addressed errors, and the snapshot / patch types the readers and
 * appliers in cli/ and addin/ exchange with it. Imports only the engine.
 */
export * from './snapshot';
export * from './patch';
export * from './input-layout';
export * from './cell-values';
export * from './cell-error';
export { snapshotToCaseJson } from './case-json';
export type { CaseJson } from './case-json';
export { readCase } from './read-case';
export type { ReadCaseResult } from './read-case';
export { inputTemplate, excelSerial, TEMPLATE_ROWS, TEMPLATE_VALUES } from './template';
export { scenarioTemplate, type ScenarioTemplateResult } from './scenario-template';
export { eligibilityMark, renderResults } from './render-results';
export {
  LISTS_SHEET,
  OUTPUT_SHEETS,
  OUTPUT_SHEET_NAMES,
  PLAN_OUTPUT_SHEETS,
  RESULT_SHEET_NAMES,
  RUN_OUTPUT_SHEET_NAMES,
} from './output-sheets';
export { renderPortfolio } from './render-portfolio';
export { planSheets } from './render-plan';
export { renderMonteCarlo } from './render-monte-carlo';
export { writtenSnapshot } from './written-snapshot';
