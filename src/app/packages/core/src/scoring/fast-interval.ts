import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import { MATCH, MISS, UNREADABLE } from '../criteria/evaluate-criterion.ts';
import { readDateMs } from '../values/read-value.ts';
import { outcomeOf } from './fast-outcome.ts';
import type { AccumulatorLayout, Outcome } from './fast-outcome.ts';

/**
 * A property whose criteria all compare one number (or one date) with bounds (the operator
 * table's `interval`). Every bound is a breakpoint; between two breakpoints, and at each one, every
 * criterion has the same outcome. So a value is parsed once, its region found by binary search,
 * and the region's outcome (built on first use) is reused: no per-criterion work per company.
 */
export type IntervalPlan = {
  readonly kind: 'number' | 'date';
  readonly criteria: readonly CompiledCriterion[];
  readonly first: number;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly loOpen: Uint8Array;
  readonly hiOpen: Uint8Array;
  readonly negated: Uint8Array;
  /** Outcome when the value cannot be read as the kind (every criterion unreadable). */
  readonly unreadable: Outcome;
  readonly usesNow: boolean;
  nowMs: number;
  /** The finite bounds, sorted, distinct. Region 2i lies below points[i], region 2i+1 is points[i]. */
  points: Float64Array;
  /** Outcome per region, built on first use; emptied when the bounds move (dates relative to now). */
  regions: (Outcome | undefined)[];
};

/** The interval plan of a slot's criteria, or null when some criterion is not a bounds comparison of one kind. */
export const intervalPlan = (
  layout: AccumulatorLayout,
  first: number,
  criteria: readonly CompiledCriterion[],
): IntervalPlan | null => {
  const kind = criteria[0]?.reads;
  if (kind !== 'number' && kind !== 'date') return null;
  const fits = criteria.every(
    (c) =>
      c.reads === kind && c.spec.interval !== undefined && c.spec.interval(c.comparand, 0) !== null,
  );
  if (!fits) return null;
  const n = criteria.length;
  const plan: IntervalPlan = {
    kind,
    criteria,
    first,
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    loOpen: new Uint8Array(n),
    hiOpen: new Uint8Array(n),
    negated: new Uint8Array(criteria.map((c) => (c.spec.negated ? 1 : 0))),
    unreadable: outcomeOf(layout, first, new Uint8Array(n).fill(UNREADABLE)),
    usesNow: criteria.some((c) => c.spec.usesNow),
    nowMs: Number.NaN,
    points: new Float64Array(0),
    regions: [],
  };
  setBounds(plan, 0);
  return plan;
};

/** Computes the bounds for `nowMs` and forgets every region's outcome. */
const setBounds = (plan: IntervalPlan, nowMs: number): void => {
  plan.nowMs = nowMs;
  plan.criteria.forEach((c, k) => {
    const b = c.spec.interval?.(c.comparand, nowMs);
    if (!b) return;
    plan.lo[k] = b.lo;
    plan.hi[k] = b.hi;
    plan.loOpen[k] = b.loOpen ? 1 : 0;
    plan.hiOpen[k] = b.hiOpen ? 1 : 0;
  });
  const finite = [...plan.lo, ...plan.hi].filter((x) => Number.isFinite(x));
  plan.points = new Float64Array([...new Set(finite)].sort((a, b) => a - b));
  plan.regions = new Array<Outcome | undefined>(2 * plan.points.length + 1).fill(undefined);
};

/** The region of `x`: 2i when points[i-1] < x < points[i], 2i+1 when x equals points[i]. */
const regionOf = (points: Float64Array, x: number): number => {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((points[mid] as number) < x) low = mid + 1;
    else high = mid;
  }
  return low < points.length && points[low] === x ? 2 * low + 1 : 2 * low;
};

/**
 * Every criterion's code in a region. At a breakpoint the comparison is exact; strictly between
 * two breakpoints a value is above a bound iff the bound is at most the lower breakpoint (bounds
 * are breakpoints or infinite), whether the bound is open or closed.
 */
const regionCodes = (plan: IntervalPlan, region: number): Uint8Array => {
  const { lo, hi, loOpen, hiOpen, negated, points } = plan;
  const codes = new Uint8Array(lo.length);
  const i = region >>> 1;
  const atPoint = (region & 1) === 1;
  const below = i === 0 ? -Infinity : (points[i - 1] as number);
  const above = i === points.length ? Infinity : (points[i] as number);
  for (let k = 0; k < codes.length; k++) {
    const l = lo[k] as number;
    const h = hi[k] as number;
    const inside = atPoint
      ? (loOpen[k] === 1 ? above > l : above >= l) && (hiOpen[k] === 1 ? above < h : above <= h)
      : l <= below && h >= above;
    codes[k] = inside !== (negated[k] === 1) ? MATCH : MISS;
  }
  return codes;
};

/**
 * The outcome of a present value (not blank); agrees with `evaluateCriterion` on every criterion.
 * `missing` is answered for text that is only whitespace.
 */
export const intervalOutcome = (
  layout: AccumulatorLayout,
  plan: IntervalPlan,
  raw: string,
  nowMs: number,
  missing: Outcome,
): Outcome => {
  const text = raw.trim();
  if (text === '') return missing;
  const x = plan.kind === 'date' ? (readDateMs(text) ?? Number.NaN) : Number(text);
  if (!Number.isFinite(x)) return plan.unreadable;
  if (plan.usesNow && plan.nowMs !== nowMs) setBounds(plan, nowMs);
  const region = regionOf(plan.points, x);
  const known = plan.regions[region];
  if (known !== undefined) return known;
  const made = outcomeOf(layout, plan.first, regionCodes(plan, region));
  plan.regions[region] = made;
  return made;
};
