import { propertyLabel } from '../criteria/describe-criterion.ts';
import { UNKNOWN, UNREADABLE } from '../criteria/evaluate-criterion.ts';
import { Tier } from '../enums.ts';
import type { PropertyBag, RecordFacts } from '../facts/schema.ts';
import type { CompiledStrategy } from './compile-strategy.ts';
import { addOutcome } from './fast-outcome.ts';
import type { Outcome } from './fast-outcome.ts';
import { adoptDefinitions, SEEN_NAMES, slotOutcomes } from './fast-plan.ts';
import type { FastPlan, Slot } from './fast-plan.ts';
import { pickTier } from './pick-tier.ts';
import type { TierPick } from './pick-tier.ts';
import { matchReason, needsDataReason, offStrategyReason } from './reason.ts';
import type { UnknownLabel } from './reason.ts';
import { roundPercent } from './round-percent.ts';
import type { CompanyEvaluation } from './schema.ts';

/** The slot of a property name, remembering the record's order of names (`FastPlan.seenNames`). */
const slotOf = (plan: FastPlan, name: string, position: number): number => {
  if (position < SEEN_NAMES) {
    if (plan.seenNames[position] === name) return plan.seenSlots[position] as number;
    const s = plan.slotIndex[name] ?? -1;
    plan.seenNames[position] = name;
    plan.seenSlots[position] = s;
    return s;
  }
  return plan.slotIndex[name] ?? -1;
};

/**
 * Reads every property once, takes each read property's outcome, and adds the outcomes to the
 * accumulator (SCORING §5). Walks the bag's own keys (cheaper than one lookup per property in
 * bags of varying shapes).
 */
const tally = (plan: FastPlan, properties: PropertyBag, nowMs: number): void => {
  const { slots, entries, multi, acc } = plan;
  for (let s = 0; s < slots.length; s++) entries[s] = (slots[s] as Slot).missing;
  let position = 0;
  for (const name in properties) {
    const s = slotOf(plan, name, position++);
    if (s === -1) continue;
    const raw = properties[name];
    if (typeof raw === 'string')
      entries[s] = slotOutcomes(plan, slots[s] as Slot, raw, multi[s] === 1, nowMs);
  }
  acc.set(plan.start);
  for (let s = 0; s < entries.length; s++) addOutcome(acc, entries[s] as Outcome);
};

const firstMatchingExclusion = (plan: FastPlan): number => {
  for (let e = 0; e < plan.exclSize.length; e++) {
    if (plan.exclMatched[e] === plan.exclSize[e]) return e;
  }
  return -1;
};

const computeFigures = (plan: FastPlan): void => {
  const { segTotal, matched, unknown, requiredMisses, disqualified, score, potential } = plan;
  for (let i = 0; i < segTotal.length; i++) {
    const total = segTotal[i] as number;
    const m = matched[i] as number;
    disqualified[i] = requiredMisses[i] === 0 ? 0 : 1;
    score[i] = disqualified[i] === 1 ? 0 : roundPercent(m, total);
    potential[i] = disqualified[i] === 1 ? 0 : roundPercent(m + (unknown[i] as number), total);
  }
};

/** The unknown criteria of one segment, for the needs_data reason. */
const segmentUnknowns = (plan: FastPlan, segment: number): UnknownLabel[] => {
  const unknowns: UnknownLabel[] = [];
  for (const ref of plan.segRefs[segment] ?? []) {
    if (ref.slot === -1) {
      unknowns.push({
        label: propertyLabel(ref.criterion, undefined),
        weight: ref.criterion.weight,
        unreadable: false,
      });
      continue;
    }
    const code = plan.entries[ref.slot]?.codes[ref.k];
    if (code === UNKNOWN || code === UNREADABLE) {
      unknowns.push({
        label: plan.labels[ref.flat] ?? ref.criterion.property,
        weight: ref.criterion.weight,
        unreadable: code === UNREADABLE,
      });
    }
  }
  return unknowns;
};

const MASK_BITS = 2 ** 20;

/**
 * A key for the needs_data reason of a segment: the segment, its potential and which criteria
 * are unknown or unreadable (segments of up to 20 criteria; -1 otherwise). Fits in 53 bits.
 */
const needsDataKey = (plan: FastPlan, segment: number): number => {
  const refs = plan.segRefs[segment] ?? [];
  if (refs.length > 20) return -1;
  let unknownMask = 0;
  let unreadableMask = 0;
  let bit = 1;
  for (const ref of refs) {
    const code = ref.slot === -1 ? UNKNOWN : plan.entries[ref.slot]?.codes[ref.k];
    if (code === UNKNOWN || code === UNREADABLE) unknownMask += bit;
    if (code === UNREADABLE) unreadableMask += bit;
    bit *= 2;
  }
  const head = segment * 101 + (plan.potential[segment] ?? 0);
  return (head * MASK_BITS + unknownMask) * MASK_BITS + unreadableMask;
};

const needsDataText = (compiled: CompiledStrategy, segment: number): string => {
  const plan = compiled.plan;
  const key = needsDataKey(plan, segment);
  const cached = key === -1 ? undefined : plan.needsDataReasons.get(key);
  if (cached !== undefined) return cached;
  const reason = needsDataReason(
    compiled.segments[segment]?.segment.name ?? '',
    plan.potential[segment] ?? 0,
    segmentUnknowns(plan, segment),
  );
  if (key !== -1 && plan.needsDataReasons.size < REASON_CACHE_LIMIT)
    plan.needsDataReasons.set(key, reason);
  return reason;
};

const REASON_CACHE_LIMIT = 50_000;
const TIER_INDEX = new Map(Tier.options.map((t, i) => [t, i]));

const fastReason = (compiled: CompiledStrategy, pick: TierPick): string => {
  const plan = compiled.plan;
  const { stretch } = compiled.strategy.thresholds;
  if (pick.tier === 'needs_data') return needsDataText(compiled, pick.reported);
  const key = ((TIER_INDEX.get(pick.tier) ?? 0) * 64 + pick.best) * 128 + pick.fitScore;
  const cached = plan.reasons.get(key);
  if (cached !== undefined) return cached;
  const segment = compiled.segments[pick.best]?.segment;
  const reason =
    pick.tier === 'off_strategy'
      ? offStrategyReason(segment?.name ?? '', pick.fitScore, stretch)
      : matchReason(pick.tier, segment?.name ?? '', segment?.priority ?? 'core', pick.fitScore);
  plan.reasons.set(key, reason);
  return reason;
};

/**
 * The fast path: a company's tier, fitScore, segment and reason (SCORING §6), without the
 * per-criterion explanation. Agrees with `scoreCompany` on every field it returns.
 *
 * @example
 * const { tier, fitScore } = evaluateCompany(compiled, { id, properties, definitions, nowMs });
 */
export const evaluateCompany = (
  compiled: CompiledStrategy,
  facts: RecordFacts,
): CompanyEvaluation => {
  const plan = compiled.plan;
  if (facts.definitions !== plan.definitions) adoptDefinitions(plan, facts.definitions);
  tally(plan, facts.properties, facts.nowMs);
  const refusing = firstMatchingExclusion(plan);
  if (refusing !== -1) {
    const exclusion = compiled.exclusions[refusing]?.exclusion;
    return {
      tier: 'refused',
      fitScore: 0,
      segmentId: null,
      exclusionId: exclusion?.id ?? null,
      offStrategy: true,
      reason: exclusion?.reason ?? '',
    };
  }
  computeFigures(plan);
  const pick = pickTier(compiled.strategy.thresholds, plan);
  return {
    tier: pick.tier,
    fitScore: pick.fitScore,
    segmentId: pick.reported === -1 ? null : (compiled.segments[pick.reported]?.segment.id ?? null),
    exclusionId: null,
    offStrategy: pick.tier === 'off_strategy',
    reason: fastReason(compiled, pick),
  };
};
