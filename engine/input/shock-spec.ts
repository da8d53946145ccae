import { IRRBB_SHAPES, Shock } from '../rates/shock';
import { FieldError, FieldReader } from './field-reader';

const SHOCK_KINDS = ['parallel', 'ramp', 'irrbb', 'path'] as const;

/**
 * A shock as written in a scenario file: a bare rate (`0.0025`, `"0.25%"`) is a parallel shock;
 * otherwise `{ "kind": "parallel" | "ramp" | "irrbb" | "path", … }`.
 */
export function readShock(raw: unknown, at: string, errors: FieldError[]): Shock | undefined {
  if (typeof raw === 'number' || typeof raw === 'string') {
    const size = FieldReader.of({ size: raw }, at, errors)!.rate('size', { min: -0.1, max: 0.1 });
    return size === undefined ? undefined : { kind: 'parallel', size };
  }
  const r = FieldReader.of(raw, at, errors);
  if (!r) return undefined;
  const kind = r.oneOf('kind', SHOCK_KINDS, 'parallel');
  const from = r.has('from') ? r.date('from') : undefined;
  switch (kind) {
    case 'parallel': {
      const size = r.rate('size', { min: -0.1, max: 0.1 });
      return size === undefined ? undefined : { kind, size, from };
    }
    case 'ramp': {
      const step = r.rate('step', { min: -0.1, max: 0.1 });
      const everyMonths = r.number('everyMonths', { min: 1, max: 120, integer: true });
      const cap = r.rate('cap', { min: -0.1, max: 0.1 });
      return step === undefined || everyMonths === undefined || cap === undefined
        ? undefined
        : { kind, step, everyMonths, cap, from };
    }
    case 'irrbb': {
      const shape = r.oneOf('shape', IRRBB_SHAPES);
      const size = r.rate('size', { min: 0, max: 0.1, fallback: 0.01 });
      return shape === undefined ? undefined : { kind, shape, size, from };
    }
    case 'path': {
      const steps = r.list(
        'steps',
        (item, stepAt) => {
          const s = FieldReader.of(item, stepAt, errors);
          const stepFrom = s?.date('from');
          const size = s?.rate('size', { min: -0.1, max: 0.1 });
          return stepFrom === undefined || size === undefined
            ? undefined
            : { from: stepFrom, size };
        },
        { required: true, minLength: 1 },
      );
      return steps ? { kind, steps: steps.sort((a, b) => a.from - b.from) } : undefined;
    }
    default:
      return undefined;
  }
}
