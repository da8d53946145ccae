type Json = Record<string, unknown>;
type Source = Record<string, unknown>;

const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);
const isPlan = (a: Json) => a.kind === 'pro-rata-plan';

/**
 * The council fields of a case file as rows of the 再生計画 sheet's tables (plan-input-layout),
 * for scenarioTemplate: pro-rata plans, guarantee coverage, collateral (a row per lien),
 * liquidation values, 実態修正, and the PlanSettings amounts and monthly profile.
 */
export function planSources(file: Json): {
  rows: Record<string, Source[]>;
  settings: Source;
  /** JSON paths the sheet cannot hold. */
  unsupported: string[];
} {
  const unsupported: string[] = [];
  const PlanActions = list(file.strategies).flatMap((s) =>
    list(s.actions).flatMap((a) => {
      if (!isPlan(a)) return [];
      const select = (a.select ?? {}) as Json;
      return [
        {
          strategyId: s.id,
          select: list(select.lenders ?? select.loanIds).join(', '),
          basis: a.basis,
          fcfShare: a.fcfShare,
          minCashMonths: a.minCashMonths,
          guaranteeCountsAsSecured: a.guaranteeCountsAsSecured,
          terminalRecoveryRate: a.terminalRecoveryRate,
          firstYear: a.firstYear,
        },
      ];
    }),
  );
  const Guarantees = list(file.loans)
    .filter((l) => l.guaranteeCoverage !== undefined)
    .map((l) => ({ loanId: l.id, guaranteeCoverage: l.guaranteeCoverage }));
  const Collateral = list(file.collateral).flatMap((c) =>
    list(c.liens).map((lien, k) => ({
      id: c.id,
      ...(k === 0 ? { kind: c.kind, value: c.value, haircut: c.haircut } : {}),
      lender: lien.lender,
      rank: lien.rank,
      loanIds: Array.isArray(lien.loanIds) ? lien.loanIds.join(', ') : undefined,
    })),
  );
  const liquidation = (file.liquidation ?? {}) as Json;
  const base = (file.base ?? {}) as Json;
  const profile = (file.monthlyProfile ?? {}) as Json;
  const settings: Source = {
    'base.netIncome': base.netIncome,
    'base.capex': base.capex,
    'base.workingCapitalChange': base.workingCapitalChange,
    'liquidation.priorityClaims': liquidation.priorityClaims,
    'liquidation.otherGeneralLiabilities': liquidation.otherGeneralLiabilities,
    cashTableMonths: file.cashTableMonths,
    'monthlyProfile.collectionMonths': profile.collectionMonths,
    'monthlyProfile.paymentMonths': profile.paymentMonths,
  };
  list(profile.seasonality as Json[]).forEach((w, k) => {
    settings[`monthlyProfile.seasonality[${k}]`] = w;
  });
  return {
    rows: {
      PlanActions,
      Guarantees,
      Collateral,
      Liquidation: list(liquidation.assets),
      Adjustments: list(file.adjustments),
    },
    settings,
    unsupported,
  };
}

/** The strategies without their pro-rata plans (the 再生計画 sheet holds those). */
export function withoutPlanActions(strategies: Json[]): Json[] {
  return strategies.map((s) => ({ ...s, actions: list(s.actions).filter((a) => !isPlan(a)) }));
}
