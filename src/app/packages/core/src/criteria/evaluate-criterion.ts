import type { Outcome } from '../enums.ts';
import type { Reading } from '../values/read-value.ts';
import type { CompiledCriterion } from './compile-criterion.ts';

/** Outcome codes; UNREADABLE is an unknown that is also a data-quality finding (SCORING §4). */
export const MATCH = 0;
export const MISS = 1;
export const UNKNOWN = 2;
export const UNREADABLE = 3;
export type OutcomeCode = typeof MATCH | typeof MISS | typeof UNKNOWN | typeof UNREADABLE;

/** The SCORING outcome of a code. */
export const OUTCOMES: readonly Outcome[] = ['match', 'miss', 'unknown', 'unknown'];

const testElements = (
  c: CompiledCriterion,
  parts: readonly Reading[],
  nowMs: number,
): boolean | null => {
  let unreadable = false;
  for (const part of parts) {
    const r = c.spec.test(c.comparand, part, nowMs);
    if (r === true) return true;
    if (r === null) unreadable = true;
  }
  return unreadable ? null : false;
};

/**
 * One criterion on one value → match | miss | unknown (SCORING §4). `value` is null when the
 * property is missing. Driven by the operator table only (STYLE §22).
 */
export const evaluateCriterion = (
  c: CompiledCriterion,
  value: Reading | null,
  nowMs: number,
): OutcomeCode => {
  const spec = c.spec;
  if (value === null) {
    if (spec.canBeUnknown) return UNKNOWN;
    return spec.negated ? MATCH : MISS;
  }
  const satisfied =
    spec.perElement && value.parts !== null
      ? testElements(c, value.parts, nowMs)
      : spec.test(c.comparand, value, nowMs);
  if (satisfied === null) return UNREADABLE;
  return satisfied !== spec.negated ? MATCH : MISS;
};
