/**
 * commander's usage errors in Japanese and English, like every other message of the command
 * line: `error: 不明なオプションです '--foo' / unknown option '--foo'`. commander writes them in
 * English; each known form is matched and given its Japanese first. A message not recognised
 * (a newer commander's wording) is passed through unchanged rather than lost.
 */
const FORMS: [RegExp, (...m: string[]) => string][] = [
  [/^unknown option (.+)$/, (o) => `不明なオプションです: ${o}`],
  [/^unknown command (.+)$/, (c) => `不明なコマンドです: ${c}`],
  [/^missing required argument (.+)$/, (a) => `引数 ${a} がありません`],
  [/^option (.+) argument missing$/, (o) => `オプション ${o} に値がありません`],
  [/^required option (.+) not specified$/, (o) => `オプション ${o} は必須です`],
  [
    /^option (.+) cannot be used with option (.+)$/,
    (a, b) => `オプション ${a} と ${b} は同時に使えません`,
  ],
  [
    /^too many arguments for (.+)\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, n, got) => `${c} の引数が多すぎます (${n} 個のところ ${got} 個)`,
  ],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, () => '引数が多すぎます'],
  [
    /^option (.+) argument (.+) is invalid\. Allowed choices are (.+)\.$/,
    (o, v, choices) => `オプション ${o} の値 ${v} は使えません (選べる値: ${choices})`,
  ],
  [
    /^option (.+) argument (.+) is invalid\.[\s\S]*$/,
    (o, v) => `オプション ${o} の値 ${v} が正しくありません`,
  ],
  [
    /^command-argument value (.+) is invalid for argument (.+)\.[\s\S]*$/,
    (v, a) => `引数 ${a} の値 ${v} が正しくありません`,
  ],
];

const DID_YOU_MEAN = /\n\(Did you mean (.+)\?\)$/;

/** `error: <English>` (as commander writes it) → `error: <日本語> / <English>`. */
export function bilingualUsageError(text: string): string {
  const m = /^error: ([\s\S]*?)\n?$/.exec(text);
  if (!m) return text;
  let english = m[1];
  const hint = DID_YOU_MEAN.exec(english);
  if (hint) english = english.slice(0, hint.index);
  for (const [pattern, japanese] of FORMS) {
    const match = pattern.exec(english);
    if (!match) continue;
    const suggestion = hint ? `\n(もしかして ${hint[1]}? / Did you mean ${hint[1]}?)` : '';
    return `error: ${japanese(...match.slice(1))} / ${english}${suggestion}\n`;
  }
  return text;
}
