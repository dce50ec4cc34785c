import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import { propertyLabel } from '../criteria/describe-criterion.ts';
import { evaluateCriterion, MATCH, MISS, UNREADABLE } from '../criteria/evaluate-criterion.ts';
import type { PropertyDefinitions } from '../facts/schema.ts';
import type { Criterion } from '../strategy/strategy-schema.ts';
import { isMultiSelect, Reading, readDateMs } from '../values/read-value.ts';

/** Distinct values whose outcomes one property keeps; beyond this, values are evaluated uncached. */
const CACHE_LIMIT = 4096;

/**
 * A property whose criteria all compare one number (or one date) with bounds: the value is
 * parsed once and compared with typed arrays of bounds (from the operator table's `interval`).
 */
export type IntervalPlan = {
  readonly kind: 'number' | 'date';
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly loOpen: Uint8Array;
  readonly hiOpen: Uint8Array;
  readonly negated: Uint8Array;
  /** Outcomes when the value cannot be read as the kind. */
  readonly unreadable: Uint8Array;
  readonly usesNow: boolean;
  nowMs: number;
};

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
  /** Outcomes when the property is missing. */
  readonly missing: Uint8Array;
  /** Outcomes of a value the cache is too full to keep. */
  readonly scratch: Uint8Array;
  /**
   * Outcome codes by raw value, for plain and for multi-select reading. Null-prototype objects:
   * V8 looks up a fresh string faster in them than in a Map.
   */
  plain: Record<string, Uint8Array>;
  split: Record<string, Uint8Array>;
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
export type FastPlan = {
  readonly slots: readonly Slot[];
  /** Slot index by property name (a null-prototype object). */
  readonly slotIndex: Record<string, number>;
  /** Per flat criterion: segment index (>= 0) or ~exclusion index (< 0). */
  /** Per flat criterion: segment index (>= 0) or ~exclusion index (< 0). */
  readonly owner: Int32Array;
  readonly weight: Int32Array;
  readonly required: Uint8Array;
  /** Per flat criterion (then deal criteria after `slotCriteria`): the label shown in reasons. */
  readonly labels: string[];
  readonly segTotal: Int32Array;
  /** Weight of criteria on deal properties: always unknown when a company is scored. */
  readonly segDealUnknown: Int32Array;
  readonly priorityRank: Uint8Array;
  readonly exclSize: Int32Array;
  readonly segRefs: readonly (readonly CriterionRef[])[];
  readonly matched: Int32Array;
  readonly unknown: Int32Array;
  readonly disqualified: Uint8Array;
  readonly score: Int32Array;
  readonly potential: Int32Array;
  readonly exclMatched: Int32Array;
  readonly entries: Uint8Array[];
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
  const slots: Slot[] = [];
  let flat = 0;
  for (const [name, list] of byProperty) {
    const criteria = list.map((o) => o.compiled);
    const missing = new Uint8Array(criteria.map((c) => evaluateCriterion(c, null, 0)));
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
      interval: intervalPlan(criteria),
      reading: new Reading(),
      missing,
      scratch: new Uint8Array(criteria.length),
      plain: dictionary(),
      split: dictionary(),
      plainSize: 0,
      splitSize: 0,
      nowMs: Number.NaN,
    });
    flat += criteria.length;
  }
  return {
    slots,
    slotIndex: Object.assign(
      dictionary<number>(),
      Object.fromEntries(slots.map((slot, i) => [slot.name, i])),
    ),
    owner,
    weight,
    required,
    labels: owned.map((o) => propertyLabel(o.compiled.criterion, undefined)),
    segTotal,
    segDealUnknown,
    priorityRank: new Uint8Array(segments.map((s) => s.priorityRank)),
    exclSize: new Int32Array(exclusions.map((e) => e.criteria.length)),
    segRefs,
    matched: new Int32Array(segments.length),
    unknown: new Int32Array(segments.length),
    disqualified: new Uint8Array(segments.length),
    score: new Int32Array(segments.length),
    potential: new Int32Array(segments.length),
    exclMatched: new Int32Array(exclusions.length),
    entries: slots.map((s) => s.missing),
    multi: new Uint8Array(slots.length),
    reasons: new Map(),
    needsDataReasons: new Map(),
    definitions: null,
  };
};

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

/** The interval plan of a slot, or null when some criterion is not a bounds comparison of one kind. */
const intervalPlan = (criteria: readonly CompiledCriterion[]): IntervalPlan | null => {
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
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    loOpen: new Uint8Array(n),
    hiOpen: new Uint8Array(n),
    negated: new Uint8Array(criteria.map((c) => (c.spec.negated ? 1 : 0))),
    unreadable: new Uint8Array(n).fill(UNREADABLE),
    usesNow: criteria.some((c) => c.spec.usesNow),
    nowMs: Number.NaN,
  };
  setBounds(plan, criteria, 0);
  return plan;
};

const setBounds = (
  plan: IntervalPlan,
  criteria: readonly CompiledCriterion[],
  nowMs: number,
): void => {
  plan.nowMs = nowMs;
  criteria.forEach((c, k) => {
    const b = c.spec.interval?.(c.comparand, nowMs);
    if (!b) return;
    plan.lo[k] = b.lo;
    plan.hi[k] = b.hi;
    plan.loOpen[k] = b.loOpen ? 1 : 0;
    plan.hiOpen[k] = b.hiOpen ? 1 : 0;
  });
};

/** Parses once and compares with every criterion's bounds; agrees with `evaluateCriterion`. */
const evaluateInterval = (
  slot: Slot,
  plan: IntervalPlan,
  raw: string,
  nowMs: number,
): Uint8Array => {
  const text = raw.trim();
  if (text === '') return slot.missing;
  let x: number;
  if (plan.kind === 'date') x = readDateMs(text) ?? Number.NaN;
  else x = Number(text);
  if (!Number.isFinite(x)) return plan.unreadable;
  if (plan.usesNow && plan.nowMs !== nowMs) setBounds(plan, slot.criteria, nowMs);
  const { lo, hi, loOpen, hiOpen, negated } = plan;
  const out = slot.scratch;
  for (let k = 0; k < out.length; k++) {
    const l = lo[k] as number;
    const h = hi[k] as number;
    const inside = (loOpen[k] === 1 ? x > l : x >= l) && (hiOpen[k] === 1 ? x < h : x <= h);
    out[k] = inside !== (negated[k] === 1) ? MATCH : MISS;
  }
  return out;
};

const evaluateSlot = (
  slot: Slot,
  raw: string,
  multi: boolean,
  nowMs: number,
  out: Uint8Array,
): Uint8Array => {
  const reading = slot.reading;
  if (!reading.reset(raw, multi)) return slot.missing;
  for (let k = 0; k < out.length; k++) {
    const c = slot.criteria[k];
    if (c !== undefined) out[k] = evaluateCriterion(c, reading, nowMs);
  }
  return out;
};

/** The outcome codes of every criterion of a slot for one raw value, cached per distinct text value. */
export const slotOutcomes = (
  slot: Slot,
  raw: string,
  multi: boolean,
  nowMs: number,
): Uint8Array => {
  if (slot.interval !== null && !multi) return evaluateInterval(slot, slot.interval, raw, nowMs);
  if (!slot.cached) return evaluateSlot(slot, raw, multi, nowMs, slot.scratch);
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
    return evaluateSlot(slot, raw, multi, nowMs, slot.scratch);
  }
  const out = evaluateSlot(slot, raw, multi, nowMs, new Uint8Array(slot.criteria.length));
  cache[raw] = out;
  if (multi) slot.splitSize += 1;
  else slot.plainSize += 1;
  return out;
};
