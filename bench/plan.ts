import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Case, catalogPrograms, parseCaseFile, simulate } from '../engine';

const SCENARIOS = join(__dirname, '../../scenarios');

function readScenario(file: string, edit: (raw: Record<string, unknown>) => void = () => {}): Case {
  const raw = JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')) as Record<string, unknown>;
  edit(raw);
  const parsed = parseCaseFile(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

function warmMs(c: Case, runs = 30): { cells: number; warmMs: number } {
  const programs = catalogPrograms(c.programOverrides);
  const run = () => {
    const out = simulate(c, programs);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    return out.results.cells.length;
  };
  const cells = run();
  for (let i = 0; i < 5; i++) run();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { cells, warmMs: best };
}

/**
 * The council plan inside the grid, 5 shocks (±0 + the standard set) × 4 strategies: the
 * lodging case with two pro-rata plans added (by balance, by unsecured balance) and the
 * council workshop case as written.
 */
export function planFigures() {
  const lodging = readScenario('lodging-crisis-refinance.case.json', (raw) => {
    const plan = (basis: string) => ({
      id: `plan-${basis}`,
      actions: [
        {
          kind: 'pro-rata-plan',
          select: { lenders: ['みどり銀行', '日本政策金融公庫'] },
          basis,
        },
      ],
    });
    raw.strategies = [...(raw.strategies as unknown[]), plan('balance'), plan('unsecured')];
  });
  return {
    lodging: warmMs(lodging),
    council: warmMs(readScenario('council-pro-rata.case.json')),
  };
}
