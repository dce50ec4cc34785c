import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import { propertyLabel } from '../criteria/describe-criterion.ts';
import { evaluateCriterion } from '../criteria/evaluate-criterion.ts';
import type { PropertyDefinitions } from '../facts/schema.ts';
import type { Criterion } from '../strategy/strategy-schema.ts';
import { isMultiSelect, Reading } from '../values/read-value.ts';
import { intervalOutcome, intervalPlan } from './fast-interval.ts';
import type { IntervalPlan } from './fast-interval.ts';
import { emptyOutcome, outcomeOf, refillOutcome } from './fast-outcome.ts';
import type { AccumulatorLayout, Outcome } from './fast-outcome.ts';

/** Distinct values whose outcomes one property keeps; beyond this, values are evaluated uncached. */
const CACHE_LIMIT = 4096;

/** One company property read by the fast path, with every criterion that reads it. */
export type Slot = {
  readonly name: string;
  /** Index of its first criterion in the plan's flat arrays. */
  readonly first: number;
  readonly criteria: readonly CompiledCriterion[];
  readonly usesNow: boolean;
  /**
   * Whether outcomes are cached per distinct raw value: worth it for text comparisons; numbers
   * and dates are cheaper to parse than to look up.
   */
  readonly cached: boolean;
  /** Set when every criterion is an interval comparison of the same kind. */
  readonly interval: IntervalPlan | null;
  /** Reused for every value of this property (no allocation per company). */
  readonly reading: Reading;
  /** The outcome when the property is missing. */
  readonly missing: Outcome;
  /** Refilled for a value that is not cached (uncached kinds, or the cache is full). */
  readonly scratch: Outcome;
  /**
   * Outcomes by raw value, for plain and for multi-select reading. Null-prototype objects:
   * V8 looks up a fresh string faster in them than in a Map.
   */
  plain: Record<string, Outcome>;
  split: Record<string, Outcome>;
  plainSize: number;
  splitSize: number;
  nowMs: number;
};

/** Where a segment's criterion is found: its slot and position, or slot -1 (a deal property). */
export type CriterionRef = {
  readonly slot: number;
  readonly k: number;
  readonly flat: number;
  readonly criterion: Criterion;
};

/**
 * The fast path of a compiled strategy: criteria grouped by property, flat typed arrays for the
 * weights, and scratch arrays reused by every evaluation (the core is synchronous).
 */
export type FastPlan = AccumulatorLayout & {
  readonly slots: readonly Slot[];
  /** Slot index by property name (a null-prototype object). */
  readonly slotIndex: Record<string, number>;
  /**
   * The last record's property names in the order it listed them, and their slots (-1: none):
   * records read from one API answer list the same names in the same order, and comparing the
   * same (internalised) string is cheaper than a table lookup.
   */
  readonly seenNames: (string | undefined)[];
  readonly seenSlots: Int32Array;
  /** Per flat criterion (then deal criteria after `slotCriteria`): the label shown in reasons. */
  readonly labels: string[];
  readonly segTotal: Int32Array;
  /** Weight of criteria on deal properties: always unknown when a company is scored. */
  readonly segDealUnknown: Int32Array;
  readonly priorityRank: Uint8Array;
  readonly exclSize: Int32Array;
  readonly segRefs: readonly (readonly CriterionRef[])[];
  /** The accumulator (fast-outcome.ts layout); `start` is its value before any property is read. */
  readonly acc: Int32Array;
  readonly start: Int32Array;
  /** Views of `acc`. */
  readonly matched: Int32Array;
  readonly unknown: Int32Array;
  readonly requiredMisses: Int32Array;
  readonly exclMatched: Int32Array;
  readonly disqualified: Uint8Array;
  readonly score: Int32Array;
  readonly potential: Int32Array;
  /** The outcome of each slot for the record being scored. */
  readonly entries: Outcome[];
  readonly multi: Uint8Array;
  /** Reasons already written, by tier, segment and score (match and off_strategy reasons). */
  readonly reasons: Map<number, string>;
  /** needs_data reasons already written, by segment, potential and unknown criteria. */
  readonly needsDataReasons: Map<number, string>;
  definitions: PropertyDefinitions | null;
};

/** An object without prototype, used as a string-keyed table. */
const dictionary = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** V8 keeps property keys internalised; using the same string makes property reads cheaper. */
const internalise = (s: string): string => Object.keys({ [s]: 0 })[0] ?? s;

type Owned = {
  readonly compiled: CompiledCriterion;
  readonly owner: number;
  readonly ref?: { segment: number; k: number };
};

/** Builds the fast plan from the compiled segments and exclusions. */
export const buildPlan = (
  segments: readonly {
    readonly priorityRank: number;
    readonly criteria: readonly CompiledCriterion[];
  }[],
  exclusions: readonly { readonly criteria: readonly CompiledCriterion[] }[],
): FastPlan => {
  const byProperty = new Map<string, Owned[]>();
  const add = (o: Owned): void => {
    const name = o.compiled.criterion.property;
    const list = byProperty.get(name) ?? [];
    list.push(o);
    byProperty.set(name, list);
  };
  const segDealUnknown = new Int32Array(segments.length);
  const segTotal = new Int32Array(segments.length);
  segments.forEach((s, i) =>
    s.criteria.forEach((c, k) => {
      segTotal[i] = (segTotal[i] ?? 0) + c.criterion.weight;
      if (c.criterion.object === 'deal')
        segDealUnknown[i] = (segDealUnknown[i] ?? 0) + c.criterion.weight;
      else add({ compiled: c, owner: i, ref: { segment: i, k } });
    }),
  );
  exclusions.forEach((e, i) =>
    e.criteria.forEach((c) => {
      if (c.criterion.object === 'company') add({ compiled: c, owner: ~i });
    }),
  );
  const owned = [...byProperty.values()].flat();
  const n = owned.length;
  const owner = new Int32Array(n);
  const weight = new Int32Array(n);
  const required = new Uint8Array(n);
  const segRefs: CriterionRef[][] = segments.map((s) =>
    s.criteria.map((c) => ({ slot: -1, k: -1, flat: -1, criterion: c.criterion })),
  );
  const layout: AccumulatorLayout = { segments: segments.length, owner, weight, required };
  const slots: Slot[] = [];
  let flat = 0;
  for (const [name, list] of byProperty) {
    const criteria = list.map((o) => o.compiled);
    list.forEach((o, k) => {
      owner[flat + k] = o.owner;
      weight[flat + k] = o.compiled.criterion.weight;
      required[flat + k] = o.compiled.criterion.required ? 1 : 0;
      const refs = o.ref ? segRefs[o.ref.segment] : undefined;
      if (o.ref && refs)
        refs[o.ref.k] = { slot: slots.length, k, flat: flat + k, criterion: o.compiled.criterion };
    });
    slots.push({
      name: internalise(name),
      first: flat,
      criteria,
      usesNow: criteria.some((c) => c.spec.usesNow),
      cached: criteria.some((c) => c.reads === null || c.reads === 'boolean'),
      interval: intervalPlan(layout, flat, criteria),
      reading: new Reading(),
      missing: outcomeOf(
        layout,
        flat,
        criteria.map((c) => evaluateCriterion(c, null, 0)),
      ),
      scratch: emptyOutcome(criteria.length),
      plain: dictionary(),
      split: dictionary(),
      plainSize: 0,
      splitSize: 0,
      nowMs: Number.NaN,
    });
    flat += criteria.length;
  }
  const nSeg = segments.length;
  const acc = new Int32Array(3 * nSeg + exclusions.length);
  const start = new Int32Array(acc.length);
  start.set(segDealUnknown, nSeg); // deal criteria are unknown when a company is scored
  return {
    ...layout,
    slots,
    slotIndex: Object.assign(
      dictionary<number>(),
      Object.fromEntries(slots.map((slot, i) => [slot.name, i])),
    ),
    seenNames: [],
    seenSlots: new Int32Array(SEEN_NAMES),
    labels: owned.map((o) => propertyLabel(o.compiled.criterion, undefined)),
    segTotal,
    segDealUnknown,
    priorityRank: new Uint8Array(segments.map((s) => s.priorityRank)),
    exclSize: new Int32Array(exclusions.map((e) => e.criteria.length)),
    segRefs,
    acc,
    start,
    matched: acc.subarray(0, nSeg),
    unknown: acc.subarray(nSeg, 2 * nSeg),
    requiredMisses: acc.subarray(2 * nSeg, 3 * nSeg),
    exclMatched: acc.subarray(3 * nSeg),
    disqualified: new Uint8Array(nSeg),
    score: new Int32Array(nSeg),
    potential: new Int32Array(nSeg),
    entries: slots.map((s) => s.missing),
    multi: new Uint8Array(slots.length),
    reasons: new Map(),
    needsDataReasons: new Map(),
    definitions: null,
  };
};

/** How many property names of a record the plan remembers in order (`seenNames`). */
export const SEEN_NAMES = 256;

/** Re-reads which properties are multi-select and their labels when the definitions change. */
export const adoptDefinitions = (plan: FastPlan, definitions: PropertyDefinitions): void => {
  plan.definitions = definitions;
  plan.reasons.clear();
  plan.needsDataReasons.clear();
  plan.slots.forEach((slot, s) => {
    const definition = definitions[slot.name];
    plan.multi[s] = isMultiSelect(definition) ? 1 : 0;
    slot.criteria.forEach((c, k) => {
      plan.labels[slot.first + k] = propertyLabel(c.criterion, definition);
    });
  });
};

/** Evaluates every criterion of a slot into its scratch outcome (values that are not cached). */
const evaluateSlot = (
  layout: AccumulatorLayout,
  slot: Slot,
  raw: string,
  multi: boolean,
  nowMs: number,
  out: Outcome,
): Outcome => {
  const reading = slot.reading;
  if (!reading.reset(raw, multi)) return slot.missing;
  const codes = out.codes;
  for (let k = 0; k < codes.length; k++) {
    const c = slot.criteria[k];
    if (c !== undefined) codes[k] = evaluateCriterion(c, reading, nowMs);
  }
  return refillOutcome(layout, slot.first, out);
};

/**
 * The outcome of every criterion of a slot for one raw value: by value region for bounds
 * comparisons, cached per distinct text value for text comparisons, else evaluated.
 */
export const slotOutcomes = (
  plan: FastPlan,
  slot: Slot,
  raw: string,
  multi: boolean,
  nowMs: number,
): Outcome => {
  if (slot.interval !== null && !multi)
    return intervalOutcome(plan, slot.interval, raw, nowMs, slot.missing);
  if (!slot.cached) return evaluateSlot(plan, slot, raw, multi, nowMs, slot.scratch);
  if (slot.usesNow && slot.nowMs !== nowMs) {
    slot.plain = dictionary();
    slot.split = dictionary();
    slot.plainSize = 0;
    slot.splitSize = 0;
    slot.nowMs = nowMs;
  }
  const cache = multi ? slot.split : slot.plain;
  const cached = cache[raw];
  if (cached !== undefined) return cached;
  if ((multi ? slot.splitSize : slot.plainSize) >= CACHE_LIMIT) {
    return evaluateSlot(plan, slot, raw, multi, nowMs, slot.scratch);
  }
  const out = evaluateSlot(plan, slot, raw, multi, nowMs, emptyOutcome(slot.criteria.length));
  cache[raw] = out;
  if (multi) slot.splitSize += 1;
  else slot.plainSize += 1;
  return out;
};
