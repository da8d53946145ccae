/**
 * How the terminal names the checks: a Japanese label, and a two-character code for narrow
 * terminals (explained in a legend line). Unknown ids fall back to the check's own name.
 */
const LABELS: Record<string, [label: string, code: string]> = {
  dscr: ['DSCR', 'DS'],
  'debt-years-at-end': ['債務償還年数', '償還'],
  'profit-within': ['経常黒字化', '黒字'],
  'solvency-within': ['実質債務超過解消', '超過'],
  'cash-floor': ['資金繰り', '資金'],
  'rebirth-phase': ['再生フェーズ', '再生'],
  'no-consecutive-loss': ['連続赤字', '連赤'],
  'net-assets-floor': ['純資産維持', '純資'],
  'no-insolvency': ['債務超過', '債超'],
  icr: ['ICR', 'IC'],
};

interface NamedCheck {
  id: string;
  nameJa: string;
  nameEn: string;
  threshold: string;
}

/** The check's Japanese label, e.g. `債務償還年数`. */
export function checkLabel(check: Pick<NamedCheck, 'id' | 'nameJa'>): string {
  return LABELS[check.id]?.[0] ?? check.nameJa;
}

/** The check's code on a narrow terminal, e.g. `償還`. */
export function checkCode(check: Pick<NamedCheck, 'id' | 'nameJa'>): string {
  return LABELS[check.id]?.[1] ?? check.nameJa;
}

/**
 * `判定 / checks: DSCR = DSCR (≥ 1.00); …` on one line, or (compact, for a terminal) by code,
 * one check a line.
 */
export function checkLegend(checks: readonly NamedCheck[], compact: boolean): string {
  if (!compact) {
    const items = checks.map((ch) => `${checkLabel(ch)} = ${ch.nameEn} (${ch.threshold})`);
    return `判定 / checks: ${items.join('; ')}`;
  }
  const items = checks.map(
    (ch) => `  ${checkCode(ch)} = ${checkLabel(ch)} / ${ch.nameEn} (${ch.threshold})`,
  );
  return ['判定 / checks:', ...items].join('\n');
}
