import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
// The build's own splitter (webpack.config.js uses it): CommonJS, no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizedMetadata } = require('../../scripts/localize-functions') as {
  localizedMetadata: (json: string, language: 'ja' | 'en') => string;
};

/**
 * Custom-function metadata per locale: functions.json (ja-JP, the default) in Japanese only and
 * functions.en-US.json (the manifest's en-US override) in English only.
 */
interface Metadata {
  functions: {
    id: string;
    description: string;
    parameters: { name: string; description: string }[];
  }[];
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
let bilingual: Metadata;
let ja: Metadata;
let en: Metadata;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(
    join(__dirname, '../../addin/functions/functions.ts'),
  );
  bilingual = JSON.parse(generated.metadataJson);
  ja = JSON.parse(localizedMetadata(generated.metadataJson, 'ja'));
  en = JSON.parse(localizedMetadata(generated.metadataJson, 'en'));
}, 60_000);

test('the same functions and parameters in both files', () => {
  const shape = (m: Metadata) => m.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]);
  expect(shape(ja)).toEqual(shape(bilingual));
  expect(shape(en)).toEqual(shape(bilingual));
  expect(ja.functions.map((f) => f.id)).toEqual([
    'PAYMENT',
    'SCHEDULE',
    'SHOCKED_INTEREST',
    'DEBTYEARS',
    'DSCR',
  ]);
});

test('Japanese help in functions.json, English in functions.en-US.json, each the side of " / "', () => {
  bilingual.functions.forEach((f, i) => {
    const texts = [f.description, ...f.parameters.map((p) => p.description)];
    const jaTexts = [
      ja.functions[i].description,
      ...ja.functions[i].parameters.map((p) => p.description),
    ];
    const enTexts = [
      en.functions[i].description,
      ...en.functions[i].parameters.map((p) => p.description),
    ];
    texts.forEach((t, k) => {
      const [jaSide, enSide] = t.split(' / ');
      expect(jaTexts[k]).toBe(jaSide.trim());
      expect(enTexts[k]).toBe(enSide.trim());
      expect(jaTexts[k]).toMatch(JAPANESE);
      expect(enTexts[k]).not.toMatch(JAPANESE);
    });
  });
  expect(ja.functions[0].parameters[0].description).toBe('借入額（円）');
  expect(en.functions[0].parameters[0].description).toBe('Loan amount in yen');
});
