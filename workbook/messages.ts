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
  [
    /^is required: give "value" \(an amount\) or "haircut"/,
    () => 'を入力してください (清算価値 または 掛目)',
  ],
  [/^is required/, () => 'を入力してください'],
  [/^must be a number$/, () => 'は数値で入力してください'],
  [
    /^must be a number \(a comma only separates thousands/,
    () => 'は数値で入力してください (カンマは桁区切りだけです: 1,8 ではなく 1.8)',
  ],
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
    (m) => `が当初借入額 (${m[1]}) を超えています`,
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
  [
    /^repeats the id "(.*)" of an earlier strategy/,
    (m) => `が先の戦略の ID「${m[1]}」と重複しています (大文字・小文字は区別しません)`,
  ],
  [
    /^ends before asOf: the last payment \((\S+)\) is before (\S+)/,
    (m) =>
      `では最終返済日 ${m[1]} が基準日 ${m[2]} より前です (完済済みの借入は除くか、開始日と期間を確認してください)`,
  ],
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
    /^exceeds the chosen loans' balance on (\S+) \((\d+)\), after its scheduled principal$/,
    (m) =>
      `が ${m[1]} 時点の対象借入の残高合計 (${Number(m[2]).toLocaleString('en-US')} 円、当回の約定返済後) を超えています`,
  ],
  [
    /^selects loan (\S+), which an earlier prepay action of this strategy already prepays \(one per loan\)$/,
    (m) =>
      `で借入 ${m[1]} を選んでいますが、この戦略の前の繰上返済で既に選ばれています (繰上返済は借入ごとに1回まで)`,
  ],
  [
    /^exceeds the chosen loans' balance \((\d+)\)$/,
    (m) => `が対象借入の残高合計 (${Number(m[1]).toLocaleString('en-US')} 円) を超えています`,
  ],
  [
    /^leaves no month to repay loan (\S+) \(term (\d+) months\)$/,
    (m) => `では借入 ${m[1]} (期間 ${m[2]} か月) の返済月が残りません`,
  ],
  // The council plan (engine/plan).
  [/^a strategy has at most one pro-rata-plan$/, () => 'プロラタ返済計画は1戦略に1つまでです'],
  [/^the pool has no loans$/, () => 'に該当する借入がありません (プロラタ返済の対象が空です)'],
  [
    /^no loan of the strategy has this lender$/,
    () => 'に該当する金融機関の借入がありません (借換後の借入を含む)',
  ],
  [
    /^loan (\S+) starts after the plan's base date/,
    (m) => `の借入 ${m[1]} は計画基準日より後の実行のため、プロラタ返済の対象外にしてください`,
  ],
  [
    /^is a loan of (.+), not of this lien's lender$/,
    (m) => `は ${m[1]} の借入で、この担保権者の借入ではありません`,
  ],
  [/^no loan of the stack has this id$/, () => 'に該当する借入IDが借入一覧にありません'],
  [/^liens must be listed in rank order/, () => 'は順位の順に、同じ順位を重ねずに入力してください'],
  [/^repeats an earlier id$/, () => 'が前の行と重複しています'],
  [/^is not the id of a collateral item$/, () => 'に該当する担保IDがありません'],
  [
    /^give either adjustments or base.netAssetAdjustments/,
    () => 'は実態修正の明細か 実態修正額 のどちらか一方で入力してください',
  ],
  [/^must be true or false$/, () => 'は TRUE か FALSE で入力してください'],
  [/^is not a known field/, () => 'は指定できない項目です'],
  [/^is not a key that can be overridden/, () => 'は上書きできない項目です'],
  [/^is the program's identity/, () => 'は制度の識別情報のため上書きできません'],
  [/^cannot be overridden/, () => 'は上書きできません'],
  [/^must be (an object|a list)$/, () => 'の形式が正しくありません'],
  [/^must be true or false$/, () => 'は はい / いいえ で入力してください'],
  [
    /^is not a rate option of program (\S+) \(offered: (.*)\)$/,
    (m) => `は制度 ${m[1]} の金利オプションではありません (選べるのは ${m[2]})`,
  ],
  [
    /^combines time-limited options of different periods$/,
    () => 'は期間の異なる期間限定の金利オプションを組み合わせています',
  ],
  [
    /^give either spread \(over baseRate\) or rate, not both$/,
    () => 'は spread (基準利率への加算) か rate のどちらか一方で入力してください',
  ],
];

/** The Japanese predicate of an engine message (its English text when no pattern applies). */
export function japanesePredicate(message: string): string {
  for (const [pattern, ja] of RULES) {
    const m = pattern.exec(message);
    if (m) return ja(m);
  }
  return message;
}
