import apparel from '../../scenarios/apparel-consolidation.case.json';
import lodging from '../../scenarios/lodging-crisis-refinance.case.json';
import manufacturer from '../../scenarios/manufacturer-dds.case.json';

/** The workshop cases of scenarios/, bundled (the pane never fetches anything). */
export const WORKSHOP_SCENARIOS: Readonly<Record<string, unknown>> = {
  lodging,
  manufacturer,
  apparel,
};

/** "日本語 / English" text of a case file split at the slash before the English half. */
function bilingual(text: string): { ja: string; en: string } {
  const [ja, en = ja] = text.split(/\s*\/ (?=[A-Za-z])/, 2);
  return { ja, en };
}

/** The cases as offered in the pane, with the lesson each teaches (shown once loaded). */
export const WORKSHOP_CHOICES = Object.entries(WORKSHOP_SCENARIOS).map(([key, raw]) => {
  const { name, lesson } = raw as { name: string; lesson?: string };
  return { key, ...bilingual(name), lesson: lesson ? bilingual(lesson) : undefined };
});
