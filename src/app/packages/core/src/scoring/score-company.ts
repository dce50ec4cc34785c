import { UNREADABLE } from '../criteria/evaluate-criterion.ts';
import type { RecordFacts } from '../facts/schema.ts';
import { companyTodos, missingProperties } from './build-todos.ts';
import type { TodoSegment } from './build-todos.ts';
import type { CompiledSegment, CompiledStrategy } from './compile-strategy.ts';
import { createReader, explainCriterion, findingsOf } from './explain.ts';
import type { Explained, Reader } from './explain.ts';
import { pickTier } from './pick-tier.ts';
import { matchReason, needsDataReason, offStrategyReason } from './reason.ts';
import type { CompanyScore, ExclusionResult, SegmentResult } from './schema.ts';
import { scoreSegment } from './score-segment.ts';

type ScoredSegment = TodoSegment & { readonly result: SegmentResult };

const weightOf = (list: readonly Explained[], outcome: string): number =>
  list.reduce((sum, e) => sum + (e.result.outcome === outcome ? e.result.weight : 0), 0);

/** SCORING §5 on the explained criteria of one segment. */
const explainSegment = (s: CompiledSegment, read: Reader, nowMs: number): ScoredSegment => {
  const criteria = s.criteria.map((c) => explainCriterion(c, read, nowMs));
  const disqualified = criteria.some((e) => e.result.required && e.result.outcome === 'miss');
  const figures = scoreSegment({
    total: criteria.reduce((sum, e) => sum + e.result.weight, 0),
    matched: weightOf(criteria, 'match'),
    unknown: weightOf(criteria, 'unknown'),
    disqualified,
  });
  const { segment } = s;
  return {
    priority: segment.priority,
    potential: figures.potential,
    disqualified,
    criteria,
    result: {
      segmentId: segment.id,
      name: segment.name,
      priority: segment.priority,
      ...figures,
      disqualified,
      criteria: criteria.map((e) => e.result),
    },
  };
};

const unknownsOf = (s: ScoredSegment) =>
  s.criteria
    .filter((e) => e.result.outcome === 'unknown')
    .map((e) => ({
      label: e.propertyLabel,
      weight: e.result.weight,
      unreadable: e.code === UNREADABLE,
    }));

/**
 * A company's full, explained result (SCORING §6): every criterion of every segment and
 * exclusion, the missing properties, data-quality findings, to-dos and the reason.
 *
 * @example
 * const score = scoreCompany(compiled, { id: '42', properties, definitions, nowMs });
 * score.segments[0].criteria; // [{ label, operator, expected, actual, outcome, weight, … }]
 */
export const scoreCompany = (compiled: CompiledStrategy, facts: RecordFacts): CompanyScore => {
  const read = createReader({ company: facts, deal: null });
  const scored = compiled.segments.map((s) => explainSegment(s, read, facts.nowMs));
  const excluded = compiled.exclusions.map((x) => {
    const criteria = x.criteria.map((c) => explainCriterion(c, read, facts.nowMs));
    return {
      criteria,
      matched: criteria.every((e) => e.result.outcome === 'match'),
      exclusion: x.exclusion,
    };
  });
  const exclusions: ExclusionResult[] = excluded.map((x) => ({
    exclusionId: x.exclusion.id,
    reason: x.exclusion.reason,
    matched: x.matched,
    criteria: x.criteria.map((e) => e.result),
  }));
  const dataQuality = findingsOf(
    [...scored.flatMap((s) => s.criteria), ...excluded.flatMap((x) => x.criteria)],
    { company: facts.id, deal: null },
  );
  const segments = scored.map((s) => s.result);
  const common = { companyId: facts.id, segments, exclusions, dataQuality };
  const refusing = excluded.find((x) => x.matched);
  if (refusing) {
    return {
      tier: 'refused',
      fitScore: 0,
      segmentId: null,
      exclusionId: refusing.exclusion.id,
      offStrategy: true,
      reason: refusing.exclusion.reason,
      ...common,
      missing: [],
      todos: [],
    };
  }
  const { thresholds } = compiled.strategy;
  const pick = pickTier(thresholds, {
    priorityRank: compiled.segments.map((s) => s.priorityRank),
    score: segments.map((s) => s.score),
    potential: segments.map((s) => s.potential),
    disqualified: segments.map((s) => (s.disqualified ? 1 : 0)),
  });
  const best = scored[pick.best] as ScoredSegment;
  const reported = scored[pick.reported];
  const reason =
    pick.tier === 'needs_data' && reported
      ? needsDataReason(reported.result.name, reported.potential, unknownsOf(reported))
      : pick.tier === 'off_strategy'
        ? offStrategyReason(best.result.name, pick.fitScore, thresholds.stretch)
        : matchReason(pick.tier, best.result.name, best.priority, pick.fitScore);
  return {
    tier: pick.tier,
    fitScore: pick.fitScore,
    segmentId: reported ? reported.result.segmentId : null,
    exclusionId: null,
    offStrategy: pick.tier === 'off_strategy',
    reason,
    ...common,
    missing: missingProperties(pick.tier, pick.fitScore, scored),
    todos: companyTodos(pick.tier, thresholds, scored),
  };
};
