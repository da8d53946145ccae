/**
 * A table the add-in writes is named like a workbook-scoped defined name the user has (Formulas ›
 * Name Manager). Excel keeps tables and defined names in one namespace (compared without case),
 * so it would refuse the table's name; the run stops before anything is written and the pane
 * names the clash. Pure (no Office): the applier throws it, the pane's actions catch it.
 */
export class NameClashError extends Error {
  constructor(readonly clash: string) {
    super(
      `ブックに名前「${clash}」が既に定義されているため、同じ名前の表を作れません` +
        ` / the workbook already has a defined name "${clash}", which a RateShock table needs`,
    );
    this.name = 'NameClashError';
  }
}
