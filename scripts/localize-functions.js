/**
 * Custom-function metadata per locale. functions.ts documents every function and parameter as
 * "日本語 / English"; the build writes functions.json (ja-JP, the manifest's default locale) with
 * the Japanese side and functions.en-US.json (the manifest's en-US override) with the English
 * side, so Excel's function help is in one language. A text without exactly one " / " is kept
 * whole in both.
 *
 * Names: the English file keeps the JSDoc's (`@customfunction ID NAME`, NAME = ID, parameters as
 * in the code); the Japanese file takes the function and parameter names of
 * addin/functions/names.ja-JP.json, keyed by id. Excel localises only `name` and `description`;
 * the `id` is the same in every file (Microsoft's "Custom functions naming and localization").
 */
const JAPANESE_NAMES = require('../addin/functions/names.ja-JP.json');

/** The metadata files the build emits, with the language of each (the manifest points to them). */
const METADATA_FILES = [
  ['functions.json', 'ja'],
  ['functions.en-US.json', 'en'],
];

function side(text, language) {
  if (typeof text !== 'string') return text;
  const parts = text.split(' / ');
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return text;
  return (language === 'ja' ? parts[0] : parts[1]).trim();
}

/** Japanese names for one function; throws when the table lacks the function or a parameter. */
function japaneseNames(f) {
  const names = JAPANESE_NAMES[f.id];
  if (!names) throw new Error(`names.ja-JP.json has no entry for custom function ${f.id}`);
  for (const p of f.parameters ?? [])
    if (!names.parameters?.[p.name])
      throw new Error(`names.ja-JP.json has no Japanese name for ${f.id}'s parameter ${p.name}`);
  return names;
}

/** The metadata JSON text for one language ('ja' or 'en'). */
function localizedMetadata(json, language) {
  const metadata = JSON.parse(json);
  for (const f of metadata.functions ?? []) {
    f.description = side(f.description, language);
    for (const p of f.parameters ?? []) p.description = side(p.description, language);
    if (f.result) f.result.description = side(f.result.description, language);
    if (language === 'ja') {
      const names = japaneseNames(f);
      f.name = names.name;
      for (const p of f.parameters ?? []) p.name = names.parameters[p.name];
    }
  }
  return JSON.stringify(metadata, null, 2);
}

module.exports = { METADATA_FILES, localizedMetadata };
