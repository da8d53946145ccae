import { CHROMIUM_MISSING, hasChromium } from '../../bench/addin-page';

/**
 * `describe` for suites that drive Chromium. Without it the suite fails when CI=true (a browser
 * check that silently does not run is no check) and is skipped with a console note otherwise.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (hasChromium()) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      test('Chromium is installed', () => {
        throw new Error(CHROMIUM_MISSING);
      });
    });
  } else {
    describe.skip(name, () => {
      test.skip(CHROMIUM_MISSING, () => {});
    });
    console.warn(`${name}: skipped. ${CHROMIUM_MISSING}`);
  }
}
