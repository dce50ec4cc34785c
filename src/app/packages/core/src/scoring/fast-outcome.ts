import { MATCH, MISS } from '../criteria/evaluate-criterion.ts';

/**
 * What one property's value does to a company's figures: the outcome code of each criterion that
 * reads the property, and the same as additions to the accumulator (SCORING §5): a target cell and
 * an amount per criterion that counts. Built once per distinct value (or value region) and reused,
 * so scoring a company adds a few integers per property instead of branching per criterion.
 */
export type Outcome = {
  /** Per criterion of the slot, in slot order: MATCH, MISS, UNKNOWN or UNREADABLE. */
  readonly codes: Uint8Array;
  readonly targets: Int32Array;
  readonly amounts: Int32Array;
  /** How many of `targets` / `amounts` are used (scratch outcomes are refilled in place). */
  length: number;
};

/**
 * The accumulator's layout, one Int32Array: `[matched weight | unknown weight | required misses]`
 * per segment, then matched criteria per exclusion.
 */
export type AccumulatorLayout = {
  readonly segments: number;
  /** Per flat criterion: segment index (>= 0) or ~exclusion index (< 0). */
  readonly owner: Int32Array;
  readonly weight: Int32Array;
  readonly required: Uint8Array;
};

export const matchedCell = (segment: number): number => segment;
export const unknownCell = (layout: AccumulatorLayout, segment: number): number =>
  layout.segments + segment;
export const requiredMissCell = (layout: AccumulatorLayout, segment: number): number =>
  2 * layout.segments + segment;
export const exclusionCell = (layout: AccumulatorLayout, exclusion: number): number =>
  3 * layout.segments + exclusion;

/** An outcome with room for `size` criteria. */
export const emptyOutcome = (size: number): Outcome => ({
  codes: new Uint8Array(size),
  targets: new Int32Array(size),
  amounts: new Int32Array(size),
  length: 0,
});

/** Rewrites `out`'s additions from its codes; `first` is the slot's first flat criterion. */
export const refillOutcome = (layout: AccumulatorLayout, first: number, out: Outcome): Outcome => {
  const { owner, weight, required } = layout;
  const codes = out.codes;
  let n = 0;
  for (let k = 0; k < codes.length; k++) {
    const i = first + k;
    const o = owner[i] as number;
    const code = codes[k];
    if (o < 0) {
      if (code !== MATCH) continue;
      out.targets[n] = exclusionCell(layout, ~o);
      out.amounts[n++] = 1;
    } else if (code === MATCH) {
      out.targets[n] = matchedCell(o);
      out.amounts[n++] = weight[i] as number;
    } else if (code === MISS) {
      if (required[i] !== 1) continue;
      out.targets[n] = requiredMissCell(layout, o);
      out.amounts[n++] = 1;
    } else {
      out.targets[n] = unknownCell(layout, o);
      out.amounts[n++] = weight[i] as number;
    }
  }
  out.length = n;
  return out;
};

/** A new outcome for these codes (a copy: the caller may reuse its array). */
export const outcomeOf = (
  layout: AccumulatorLayout,
  first: number,
  codes: ArrayLike<number>,
): Outcome => {
  const out = emptyOutcome(codes.length);
  out.codes.set(codes);
  return refillOutcome(layout, first, out);
};

/** Adds an outcome to the accumulator. */
export const addOutcome = (acc: Int32Array, out: Outcome): void => {
  const { targets, amounts } = out;
  for (let j = 0; j < out.length; j++) {
    const cell = targets[j] as number;
    acc[cell] = (acc[cell] as number) + (amounts[j] as number);
  }
};
