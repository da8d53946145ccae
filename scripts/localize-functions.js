/**
 * Custom-function metadata per locale. functions.ts documents every function and parameter as
 * "日本語 / English"; the build writes functions.json (ja-JP, the manifest's default locale) with
 * the Japanese side and functions.en-US.json (the manifest's en-US override) with the English
 * side, so Excel's function help is in one language. A text without exactly one " / " is kept
 * whole in both.
 */
function side(text, language) {
  if (typeof text !== 'string') return text;
  const parts = text.split(' / ');
  if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return text;
  return (language === 'ja' ? parts[0] : parts[1]).trim();
}

/** The metadata JSON text for one language ('ja' or 'en'). */
function localizedMetadata(json, language) {
  const metadata = JSON.parse(json);
  for (const f of metadata.functions ?? []) {
    f.description = side(f.description, language);
    for (const p of f.parameters ?? []) p.description = side(p.description, language);
    if (f.result) f.result.description = side(f.result.description, language);
  }
  return JSON.stringify(metadata, null, 2);
}

module.exports = { localizedMetadata };
