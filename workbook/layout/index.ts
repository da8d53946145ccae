/**
 * The width, number and print rules every output sheet follows (design.md "Output sheets people
 * print"): renderers build their sheets, then `fitColumns` and a page setup finish them.
 */
export * from './display-width';
export * from './dscr-display';
export * from './number-formats';
export * from './page-setup';
export * from './fit-columns';
export * from './column-measure';
export * from './finish-sheet';
export * from './case-layout';
export * from './text-lines';
