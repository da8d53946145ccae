import { BoundKeyValueTable, BoundRowTable } from './bind-tables';
import { cellError } from './cell-error';
import type { Builder } from './case-json';
import { readRow, tableLocation } from './case-json';
import {
  ADJUSTMENTS,
  COLLATERAL,
  GUARANTEES,
  LIQUIDATION,
  PLAN_ACTIONS,
  PLAN_SETTINGS,
} from './plan-input-layout';

type Json = Record<string, unknown>;

const list = (text: unknown) =>
  String(text)
    .split(/[,，、;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The 再生計画 sheet into the case JSON (engine/plan reads it): a pro-rata plan action appended
 * to its strategy (after the シナリオ sheet's actions, or a new strategy), guarantee coverage
 * onto the loans, collateral (rows of one ID are its liens, in order), liquidation values,
 * 実態修正, and the plan amounts. Every JSON path is located at its cell.
 */
export function readPlanInputs(
  b: Builder,
  tables: Map<string, BoundRowTable | BoundKeyValueTable>,
  json: Json,
  loans: Json[],
): void {
  const rows = (name: string) => tables.get(name) as BoundRowTable | undefined;
  const actions = rows(PLAN_ACTIONS.name);
  if (actions?.rows.length) readActions(b, actions, json, loans);
  const guarantees = rows(GUARANTEES.name);
  if (guarantees) readGuarantees(b, guarantees, loans);
  const collateral = rows(COLLATERAL.name);
  if (collateral?.rows.length) json.collateral = readCollateral(b, collateral);
  const settings = tables.get(PLAN_SETTINGS.name) as BoundKeyValueTable | undefined;
  const amounts: Json = {};
  const profile: Json = {};
  for (const it of PLAN_SETTINGS.items) {
    if (!settings) break;
    const value = b.read(settings.cell(it.key), it, it.key);
    if (value === undefined) continue;
    const [top, key] = it.key.split('.');
    if (top === 'base') {
      if (json.base) (json.base as Json)[key] = value;
    } else if (top === 'liquidation') amounts[key] = value;
    else if (top === 'cashTableMonths') json.cashTableMonths = value;
    else profile[key] = value;
  }
  if (settings) readProfile(b, settings, profile, json);
  const liquidation = rows(LIQUIDATION.name);
  if (liquidation?.rows.length || Object.keys(amounts).length) {
    b.locate('liquidation', liquidation ? tableLocation(liquidation, 0) : b.locations.get('base')!);
    const assets = (liquidation?.rows ?? []).map((r, i) => {
      const at = `liquidation.assets[${i}]`;
      b.locate(at, r.cell('item').loc);
      b.locate(`${at}.value`, r.cell('value').loc);
      return readRow(b, LIQUIDATION, r.cell, at, [
        'item',
        'bookValue',
        'haircut',
        'value',
        'collateralId',
      ]);
    });
    json.liquidation = { assets, ...amounts };
  }
  const adjustments = rows(ADJUSTMENTS.name);
  if (adjustments?.rows.length) {
    b.locate('adjustments', tableLocation(adjustments, 0));
    json.adjustments = adjustments.rows.map((r, i) =>
      readRow(b, ADJUSTMENTS, r.cell, `adjustments[${i}]`, ['item', 'amount', 'note']),
    );
  }
}

function readActions(b: Builder, t: BoundRowTable, json: Json, loans: Json[]): void {
  const lenders = new Set(loans.map((l) => String(l.lender ?? '')));
  const strategies = (json.strategies ??= []) as Json[];
  for (const r of t.rows) {
    const idCell = r.cell('strategyId');
    const v = readRow(b, PLAN_ACTIONS, r.cell, '_planActions', ['strategyId', 'strategyName']);
    if (v.strategyId === undefined) {
      b.required(idCell);
      continue;
    }
    let n = strategies.findIndex((s) => s.id === v.strategyId);
    if (n < 0) {
      n =
        strategies.push({ id: v.strategyId, name: v.strategyName ?? v.strategyId, actions: [] }) -
        1;
      b.locate(`strategies[${n}]`, idCell.loc);
    }
    const actionList = (strategies[n].actions ??= []) as Json[];
    const at = `strategies[${n}].actions[${actionList.length}]`;
    b.locate(at, idCell.loc);
    b.locate(`${at}.kind`, idCell.loc);
    const fields = readRow(b, PLAN_ACTIONS, r.cell, at, [
      'select',
      'basis',
      'fcfShare',
      'minCashMonths',
      'guaranteeCountsAsSecured',
      'terminalRecoveryRate',
      'firstYear',
    ]);
    const action: Json = { kind: 'pro-rata-plan', ...fields };
    if (fields.select !== undefined) {
      const names = list(fields.select);
      action.select = names.every((x) => lenders.has(x)) ? { lenders: names } : { loanIds: names };
    }
    actionList.push(action);
  }
}

function readGuarantees(b: Builder, t: BoundRowTable, loans: Json[]): void {
  for (const r of t.rows) {
    const v = readRow(b, GUARANTEES, r.cell, '_guarantees', ['loanId', 'guaranteeCoverage']);
    const i = loans.findIndex((l) => String(l.id) === String(v.loanId));
    if (i < 0) {
      b.errors.push(
        cellError(r.cell('loanId').loc, {
          ja: 'に該当する借入IDが借入一覧にありません',
          en: 'no loan of the stack has this id',
        }),
      );
      continue;
    }
    if (v.guaranteeCoverage === undefined) continue;
    loans[i].guaranteeCoverage = v.guaranteeCoverage;
    b.locate(`loans[${i}].guaranteeCoverage`, r.cell('guaranteeCoverage').loc);
  }
}

function readCollateral(b: Builder, t: BoundRowTable): Json[] {
  b.locate('collateral', tableLocation(t, 0));
  const items: Json[] = [];
  for (const r of t.rows) {
    const id = readRow(b, COLLATERAL, r.cell, '_collateral', ['id']).id;
    let i = items.findIndex((x) => x.id === id && id !== undefined);
    if (i < 0) {
      i = items.length;
      const at = `collateral[${i}]`;
      b.locate(at, r.cell('id').loc);
      items.push({
        ...readRow(b, COLLATERAL, r.cell, at, ['id', 'kind', 'value', 'haircut']),
        liens: [],
      });
    }
    const liens = items[i].liens as Json[];
    const at = `collateral[${i}].liens[${liens.length}]`;
    b.locate(at, r.cell('lender').loc);
    const lien = readRow(b, COLLATERAL, r.cell, at, ['lender', 'rank', 'loanIds']);
    if (lien.loanIds !== undefined) lien.loanIds = list(lien.loanIds);
    liens.push(lien);
  }
  return items;
}

/** `monthlyProfile` from the settings' sites and weights: the 12 weights all given or none. */
function readProfile(b: Builder, t: BoundKeyValueTable, read: Json, json: Json): void {
  const weights = Array.from({ length: 12 }, (_, k) => read[`seasonality[${k}]`]);
  const profile: Json = {};
  if (read.collectionMonths !== undefined) profile.collectionMonths = read.collectionMonths;
  if (read.paymentMonths !== undefined) profile.paymentMonths = read.paymentMonths;
  const cell = (k: number) => t.cell(`monthlyProfile.seasonality[${k}]`);
  if (weights.some((w) => w !== undefined)) {
    const blank = weights.findIndex((w) => w === undefined);
    if (blank >= 0) b.required(cell(blank), `monthlyProfile.seasonality[${blank}]`);
    else profile.seasonality = weights;
    b.locate('monthlyProfile.seasonality', cell(0).loc);
  }
  if (Object.keys(profile).length === 0) return;
  b.locate('monthlyProfile', cell(0).loc);
  json.monthlyProfile = profile;
}
