import { UNREADABLE } from '../criteria/evaluate-criterion.ts';
import { tierRank } from '../enums.ts';
import type { Priority, Tier } from '../enums.ts';
import type { Explained } from './explain.ts';
import { unreadableWords } from './explain.ts';
import { TIER_WORDS } from './reason.ts';
import type { MissingProperty, Todo } from './schema.ts';

/** A segment as the to-do rules see it. */
export type TodoSegment = {
  readonly priority: Priority;
  readonly potential: number;
  readonly disqualified: boolean;
  readonly criteria: readonly Explained[];
};

/** The tier a segment's potential would reach, or null below stretch. */
const targetTier = (s: TodoSegment, thresholds: { fit: number; stretch: number }): Tier | null => {
  if (s.potential >= thresholds.fit) return s.priority === 'dream' ? 'dream' : 'fit';
  return s.potential >= thresholds.stretch ? 'stretch' : null;
};

type Candidate = { e: Explained; target: Tier; order: number };

const better = (a: Candidate, b: Candidate): boolean => {
  const byTier = tierRank(a.target) - tierRank(b.target);
  if (byTier !== 0) return byTier > 0;
  const byWeight = a.e.result.weight - b.e.result.weight;
  return byWeight !== 0 ? byWeight > 0 : a.order < b.order;
};

const todoOf = ({ e, target }: Candidate): Todo => {
  const reach = `to reach ${TIER_WORDS[target]}`;
  const unreadable = e.code === UNREADABLE && e.value !== null && e.compiled.reads !== null;
  return {
    kind: unreadable ? 'correct_property' : 'add_property',
    text:
      unreadable && e.value !== null && e.compiled.reads !== null
        ? `Correct the ${e.propertyLabel} (${unreadableWords(e.value.raw, e.compiled.reads)}) ${reach}`
        : `Add the ${e.propertyLabel} ${reach}`,
    property: e.result.property,
    object: e.result.object,
    targetTier: target,
    question: null,
  };
};

/**
 * SCORING §7 "Questions for the rep": each unknown company property of a segment whose potential
 * would lift the tier, once per property (best target), by target tier, weight, document order.
 */
export const companyTodos = (
  tier: Tier,
  thresholds: { fit: number; stretch: number },
  segments: readonly TodoSegment[],
): Todo[] => {
  if (tier === 'refused') return [];
  const best = new Map<string, Candidate>();
  let order = 0;
  for (const s of segments) {
    const target = s.disqualified ? null : targetTier(s, thresholds);
    for (const e of s.criteria) {
      order += 1;
      if (target === null || tierRank(target) <= tierRank(tier)) continue;
      if (e.result.outcome !== 'unknown' || e.result.object !== 'company') continue;
      const candidate = { e, target, order };
      const known = best.get(e.result.property);
      if (!known || better(candidate, known)) best.set(e.result.property, candidate);
    }
  }
  return [...best.values()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).map(todoOf);
};

/** The company properties with no value that could raise the fitScore, in document order. */
export const missingProperties = (
  tier: Tier,
  fitScore: number,
  segments: readonly TodoSegment[],
): MissingProperty[] => {
  if (tier === 'refused') return [];
  const out: MissingProperty[] = [];
  for (const s of segments) {
    if (s.disqualified || s.potential <= fitScore) continue;
    for (const e of s.criteria) {
      const { property, object } = e.result;
      if (e.value !== null || e.result.outcome !== 'unknown' || object !== 'company') continue;
      if (!out.some((m) => m.property === property))
        out.push({ property, object, label: e.propertyLabel });
    }
  }
  return out;
};
