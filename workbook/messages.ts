/**
 * The engine's English field messages (engine/input, engine/strategy, engine/programs) as
 * Japanese predicates written after the column's name: `must be at least 1` → `は 1 以上で入力
 * してください`. A message without a pattern keeps its English text in Japanese too.
 */

type Rule = [RegExp, (m: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^is required \(or operatingMargin\)$/, () => 'を入力してください (または 営業利益率)'],
  [/^is required: \{ "loanIds"/, () => 'を入力してください (借入ID または金融機関名)'],
  [
    /^is required: program (\S+)'s rate is set by the lender$/,
    (m) => `を入力してください (制度 ${m[1]} の金利は金融機関所定です)`,
  ],
  [
    /^is required: the loan in (\S+) follows it$/,
    (m) => `を入力してください (${m[1]} の借入が参照しています)`,
  ],
  [/^is required/, () => 'を入力してください'],
  [/^must be a number$/, () => 'は数値で入力してください'],
  [/^must be a whole number$/, () => 'は整数で入力してください'],
  [/^must be at least (\S+)$/, (m) => `は ${m[1]} 以上で入力してください`],
  [/^must be at most (\S+)$/, (m) => `は ${m[1]} 以下で入力してください`],
  [/^must be a rate such as/, () => 'は 2.3% または 0.023 のように率で入力してください'],
  [
    /^must be a rate between (\S+)% and (\S+)%(.*)$/,
    (m) =>
      `は ${m[1]}% 以上 ${m[2]}% 以下の率で入力してください` +
      (m[3] ? ' (2.3% は「2.3%」または 0.023 と入力)' : ''),
  ],
  [/^must be a positive amount$/, () => 'は正の金額で入力してください'],
  [/^must be one of (.*)$/, (m) => `は次のいずれかで入力してください: ${m[1]}`],
  [/^must be a date/, () => 'は日付 (例: 2026-03-31) で入力してください'],
  [/^must be text$/, () => 'は文字で入力してください'],
  // Issue 13: existing loans, swaps, prepayments.
  [
    /^is after the analysis date asOf \((\S+)\)$/,
    (m) => `が基準日 (${m[1]}) より後です: 既存借入の実行日は基準日以前にしてください`,
  ],
  [/^is after the loan's startDate \((\S+)\)$/, (m) => `が残高の起点 (${m[1]}) より後です`],
  [
    /^\(the balance\) is above originalPrincipal \((\d+)\)$/,
    (m) => `(残高) が当初借入額 (${m[1]}) を超えています`,
  ],
  [
    /^needs a floating-rate loan \(this one is (\S+)\)$/,
    (m) => `は変動金利の借入にだけ付けられます (この借入は ${m[1]})`,
  ],
  [
    /^is after the loan's last payment \((\S+)\)$/,
    (m) => `が借入の最終返済日 (${m[1]}) より後です`,
  ],
  [
    /^must be "bullet" for a capital-type loan/,
    () => 'は資本性借入金では「期限一括」にしてください',
  ],
  [/^is before the analysis date$/, () => 'が基準日より前です'],
  [
    /^must be less than termMonths \((\d+)\)/,
    (m) => `は残存期間 (${m[1]} か月) より短くしてください (据置は期間の内数です)`,
  ],
  [
    /^must be whole yen when rounding is "floor"$/,
    () => 'は端数処理が切捨ての場合、円単位の整数で入力してください',
  ],
  [/^repeats another loan's id$/, () => 'が他の借入と重複しています'],
  [/^has more than (\d+) years$/, (m) => `は ${m[1]} 期以内にしてください`],
  [/^must have at least (\d+) entr/, (m) => `を ${m[1]} 行以上入力してください`],
  [
    /^is not a program of the catalog$/,
    () => 'は制度カタログにありません (設定シートの制度一覧を参照)',
  ],
  [
    /^no loan of the stack has this id/,
    () => 'に該当する借入IDが借入一覧にありません (借換・転換済みの借入も対象にできません)',
  ],
  [
    /^no loan of the stack has this lender$/,
    () => 'に該当する金融機関の借入が借入一覧にありません',
  ],
  [
    /^exceeds the chosen loans' balance \((\d+)\)$/,
    (m) => `が対象借入の残高合計 (${Number(m[1]).toLocaleString('en-US')} 円) を超えています`,
  ],
  [
    /^leaves no month to repay loan (\S+) \(term (\d+) months\)$/,
    (m) => `では借入 ${m[1]} (期間 ${m[2]} か月) の返済月が残りません`,
  ],
  [/^is not a known field/, () => 'は指定できない項目です'],
  [/^is not a key that can be overridden/, () => 'は上書きできない項目です'],
  [/^is the program's identity/, () => 'は制度の識別情報のため上書きできません'],
  [/^cannot be overridden/, () => 'は上書きできません'],
  [/^must be (an object|a list)$/, () => 'の形式が正しくありません'],
];

/** The Japanese predicate of an engine message (its English text when no pattern applies). */
export function japanesePredicate(message: string): string {
  for (const [pattern, ja] of RULES) {
    const m = pattern.exec(message);
    if (m) return ja(m);
  }
  return message;
}
