import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import {
  DEV_ORIGIN,
  at,
  collectResources,
  localName,
  parseManifest,
} from './support/manifest-checks';
// The build's own splitter (webpack.config.js uses it): CommonJS, no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { METADATA_FILES, localizedMetadata } = require('../../scripts/localize-functions') as {
  METADATA_FILES: [string, 'ja' | 'en'][];
  localizedMetadata: (json: string, language: 'ja' | 'en') => string;
};

/**
 * Custom-function metadata per locale: functions.json (ja-JP, the default) in Japanese only —
 * Japanese function and parameter names (addin/functions/names.ja-JP.json) and help — and
 * functions.en-US.json (the manifest's en-US override) in English only; the same ids in both.
 */
interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description: string; optional?: boolean; type?: string }[];
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

/**
 * Microsoft's rule for a custom function's `name` ("Custom functions naming and localization",
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming): it starts with a letter,
 * has at least three characters, and uses only Unicode alphabetic characters, underscore and
 * period; it must not read as a cell reference (A1…XFD1048576, R1C1…). Japanese kanji and kana
 * are Unicode alphabetic. (custom-functions-metadata's own check, ^\pL[\pL0-9._]*$, also admits
 * digits; no name here has one.)
 */
function nameProblem(name: string): string | null {
  if ([...name].length < 3) return 'shorter than 3 characters';
  if (!/^\p{Alphabetic}/u.test(name)) return 'does not start with a letter';
  if (!/^[\p{Alphabetic}_.]+$/u.test(name)) return 'a character other than a letter, _ or .';
  if (/^[A-Z]{1,3}[0-9]+$/i.test(name) || /^R[0-9]*C[0-9]*$/i.test(name))
    return 'reads as a cell reference';
  return null;
}

test('the rule rejects what Microsoft documents as invalid', () => {
  expect(nameProblem('約定返済額')).toBeNull();
  expect(nameProblem('金利上昇後利息')).toBeNull();
  expect(nameProblem('SHOCKED_INTEREST')).toBeNull();
  expect(nameProblem('返済')).toBe('shorter than 3 characters');
  expect(nameProblem('_返済額')).toBe('does not start with a letter');
  expect(nameProblem('返済・予定')).toBe('a character other than a letter, _ or .');
  expect(nameProblem('返済 予定')).toBe('a character other than a letter, _ or .');
  expect(nameProblem('ＤＳＣＲ（年）')).toBe('a character other than a letter, _ or .');
  expect(nameProblem('RC')).toBe('shorter than 3 characters');
  expect(nameProblem('RCC')).toBeNull();
  expect(nameProblem('RC.X')).toBeNull();
});

test('the same ids, in the same order, with the same parameters in both files', () => {
  const ids = ['PAYMENT', 'SCHEDULE', 'SHOCKED_INTEREST', 'DEBTYEARS', 'DSCR'];
  expect(ja.functions.map((f) => f.id)).toEqual(ids);
  expect(en.functions.map((f) => f.id)).toEqual(ids);
  // Apart from names and help, the files are the generated metadata field for field.
  const shape = (m: Metadata) =>
    m.functions.map((f) => ({
      ...f,
      name: undefined,
      description: undefined,
      parameters: f.parameters.map((p) => ({ ...p, name: undefined, description: undefined })),
    }));
  expect(shape(ja)).toEqual(shape(bilingual));
  expect(shape(en)).toEqual(shape(bilingual));
});

test('names: Japanese in functions.json, the ids in functions.en-US.json, all valid and unique', () => {
  expect(ja.functions.map((f) => f.name)).toEqual([
    '約定返済額',
    '返済予定表',
    '金利上昇後利息',
    '債務償還年数',
    // DSCR is what Japanese banks call it too; there is no settled Japanese word.
    'DSCR',
  ]);
  expect(en.functions.map((f) => f.name)).toEqual(en.functions.map((f) => f.id));
  for (const m of [ja, en]) {
    for (const f of m.functions) expect([f.name, nameProblem(f.name)]).toEqual([f.name, null]);
    const upper = m.functions.map((f) => f.name.toUpperCase());
    expect(new Set(upper).size).toBe(upper.length);
  }
});

test('parameter names: Japanese in functions.json, the code names in functions.en-US.json', () => {
  expect(ja.functions[0].parameters.map((p) => p.name)).toEqual([
    '借入額',
    '年利',
    '期間月数',
    '返済方法',
    '据置月数',
    '借入日',
    '日数計算',
  ]);
  expect(ja.functions[4].parameters.map((p) => p.name)).toEqual([
    '経常利益',
    '支払利息',
    '減価償却費',
    '約定返済元金',
    '法人税等',
    '保証料',
  ]);
  ja.functions.forEach((f, i) => {
    const names = f.parameters.map((p) => p.name);
    for (const n of names)
      expect([n, JAPANESE.test(n), /^[\p{L}\p{N}]+$/u.test(n)]).toEqual([n, true, true]);
    expect(new Set(names).size).toBe(names.length);
    expect(en.functions[i].parameters.map((p) => p.name)).toEqual(
      bilingual.functions[i].parameters.map((p) => p.name),
    );
  });
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

test('a function or parameter without a Japanese name fails the build', () => {
  const extra = JSON.parse(JSON.stringify(bilingual));
  extra.functions.push({ ...extra.functions[0], id: 'NEWFUNC', name: 'NEWFUNC' });
  expect(() => localizedMetadata(JSON.stringify(extra), 'ja')).toThrow(
    'names.ja-JP.json has no entry for custom function NEWFUNC',
  );
  const param = JSON.parse(JSON.stringify(bilingual));
  param.functions[4].parameters.push({ name: 'rent', description: '賃料 / Rent' });
  expect(() => localizedMetadata(JSON.stringify(param), 'ja')).toThrow(
    "names.ja-JP.json has no Japanese name for DSCR's parameter rent",
  );
  // English needs no table.
  expect(() => localizedMetadata(JSON.stringify(extra), 'en')).not.toThrow();
});

test('the manifest points ja-JP (its default locale) at functions.json and en-US at functions.en-US.json', () => {
  const root = parseManifest(readFileSync(join(__dirname, '../../manifest.xml'), 'utf8'));
  expect(at(root, 'DefaultLocale')?.text).toBe('ja-JP');
  const metadataUrl = collectResources(root).find((r) => r.id === 'Functions.Metadata.Url')!;
  expect(metadataUrl.kind).toBe('Urls');
  const overrides = metadataUrl.node.children.filter((c) => localName(c.name) === 'Override');
  const byLocale = {
    'ja-JP': metadataUrl.node.attrs.DefaultValue,
    ...Object.fromEntries(overrides.map((o) => [o.attrs.Locale, o.attrs.Value])),
  };
  // One file per language the build emits, each where the manifest says.
  const locale = { ja: 'ja-JP', en: 'en-US' } as const;
  expect(byLocale).toEqual(
    Object.fromEntries(
      METADATA_FILES.map(([file, lang]) => [locale[lang], `${DEV_ORIGIN}/${file}`]),
    ),
  );
  expect(METADATA_FILES).toEqual([
    ['functions.json', 'ja'],
    ['functions.en-US.json', 'en'],
  ]);
});
