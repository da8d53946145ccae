import apparel from '../../scenarios/apparel-consolidation.case.json';
import lodging from '../../scenarios/lodging-crisis-refinance.case.json';
import manufacturer from '../../scenarios/manufacturer-dds.case.json';

/** The workshop cases of scenarios/, bundled (the pane never fetches anything). */
export const WORKSHOP_SCENARIOS: Readonly<Record<string, unknown>> = {
  lodging,
  manufacturer,
  apparel,
};

/** The cases as offered in the pane: the file's own "日本語 / English" name split in two. */
export const WORKSHOP_CHOICES = Object.entries(WORKSHOP_SCENARIOS).map(([key, raw]) => {
  const [ja, en = ja] = String((raw as { name: string }).name).split(' / ');
  return { key, ja, en };
});
