import { describeActual, describeNeed } from '../criteria/describe-criterion.ts';
import { MATCH, MISS, UNREADABLE } from '../criteria/evaluate-criterion.ts';
import type { RecordFacts } from '../facts/schema.ts';
import { companyTodos, missingProperties } from './build-todos.ts';
import type { CompiledStrategy } from './compile-strategy.ts';
import { codeAt, explainCriteria, findingsOf, judgeCriteria, slotLabel } from './explain.ts';
import { pickTier } from './pick-tier.ts';
import { positioningOf } from './positioning.ts';
import type { TierPick } from './pick-tier.ts';
import { matchReason, needsDataReason, offStrategyReason, ruledOutReason } from './reason.ts';
import type { RecordValues } from './record-values.ts';
import { readRecordValues } from './record-values.ts';
import type { CompanyScore, ExclusionResult, SegmentResult } from './schema.ts';
import { judgeSegment } from './score-segment.ts';
import type { JudgedSegment } from './score-segment.ts';

/** The unknown criteria of a segment, for the needs_data reason. */
const unknownsOf = (s: JudgedSegment, v: RecordValues) =>
  s.compiled.criteria.flatMap((c, k) => {
    const code = codeAt(s.codes, k);
    if (code === MISS || code === MATCH) return [];
    return [
      { label: slotLabel(c, v), weight: c.criterion.weight, unreadable: code === UNREADABLE },
    ];
  });

/**
 * SCORING §14: with every segment disqualified, the first required criterion that missed in the
 * best-priority segment (the best segment when every score is 0), in words.
 */
const ruledOut = (best: JudgedSegment, v: RecordValues): string => {
  const { criteria, segment } = best.compiled;
  const k = criteria.findIndex((c, i) => c.criterion.required && codeAt(best.codes, i) === MISS);
  const c = criteria[k];
  if (c === undefined) throw new Error('a disqualified segment has a required miss');
  const definition = v.definitions[c.slot];
  return ruledOutReason(segment.name, {
    property: definition?.label ?? c.criterion.property,
    actual: describeActual(v.values[c.slot] ?? null, definition, ', '),
    need: describeNeed(c, definition),
  });
};

/** The one-line reason of a company no exclusion refused (docs/strategy.md, "The reason line"). */
const reasonOf = (
  pick: TierPick,
  segments: readonly JudgedSegment[],
  stretch: number,
  v: RecordValues,
): string => {
  const best = segments[pick.best] as JudgedSegment;
  const reported = segments[pick.reported];
  const name = best.compiled.segment.name;
  if (pick.tier === 'needs_data' && reported)
    return needsDataReason(
      reported.compiled.segment.name,
      reported.potential,
      unknownsOf(reported, v),
    );
  if (pick.tier !== 'off_strategy')
    return matchReason(pick.tier, name, best.compiled.segment.priority, pick.fitScore);
  return segments.every((s) => s.disqualified)
    ? ruledOut(best, v)
    : offStrategyReason(name, pick.fitScore, stretch);
};

const segmentResult = (s: JudgedSegment, v: RecordValues): SegmentResult => {
  const { segment, criteria } = s.compiled;
  return {
    segmentId: segment.id,
    name: segment.name,
    priority: segment.priority,
    score: s.score,
    potential: s.potential,
    confidence: s.confidence,
    disqualified: s.disqualified,
    criteria: explainCriteria(criteria, s.codes, v),
  };
};

/**
 * A company's result (SCORING §6): tier, fitScore, segment and reason, and their explanation —
 * every criterion of every segment and exclusion, missing properties, data-quality findings and
 * to-dos. Each criterion is evaluated once; the figures and the explanation are built from the
 * same outcomes.
 *
 * @example
 * const score = scoreCompany(compiled, { id: '42', properties, definitions, nowMs });
 * score.tier; // 'fit'
 * score.segments[0].criteria; // [{ label, operator, expected, actual, outcome, weight, … }]
 */
export const scoreCompany = (compiled: CompiledStrategy, facts: RecordFacts): CompanyScore => {
  const v = readRecordValues(compiled, { company: facts, deal: null });
  const { nowMs } = facts;
  const judged = compiled.segments.map((s) => judgeSegment(s, v, nowMs));
  const excluded = compiled.exclusions.map((x) => {
    const codes = judgeCriteria(x.criteria, v, nowMs);
    return { compiled: x, criteria: x.criteria, codes, matched: codes.every((c) => c === MATCH) };
  });
  const segments = judged.map((s) => segmentResult(s, v));
  const exclusions: ExclusionResult[] = excluded.map((x) => ({
    exclusionId: x.compiled.exclusion.id,
    reason: x.compiled.exclusion.reason,
    matched: x.matched,
    criteria: explainCriteria(x.criteria, x.codes, v),
  }));
  const dataQuality = findingsOf(
    [...judged.map((s) => ({ criteria: s.compiled.criteria, codes: s.codes })), ...excluded],
    v,
  );
  const common = { companyId: facts.id, segments, exclusions, dataQuality };
  const refusing = excluded.find((x) => x.matched)?.compiled.exclusion;
  if (refusing) {
    return {
      tier: 'refused',
      fitScore: 0,
      segmentId: null,
      exclusionId: refusing.id,
      offStrategy: true,
      reason: refusing.reason,
      ...common,
      missing: [],
      todos: [],
      positioning: null,
    };
  }
  const { thresholds } = compiled.strategy;
  const pick = pickTier(thresholds, judged);
  const reported = judged[pick.reported]?.compiled.segment;
  return {
    tier: pick.tier,
    fitScore: pick.fitScore,
    segmentId: reported?.id ?? null,
    exclusionId: null,
    offStrategy: pick.tier === 'off_strategy',
    reason: reasonOf(pick, judged, thresholds.stretch, v),
    ...common,
    missing: missingProperties(pick.tier, pick.fitScore, judged, v),
    todos: companyTodos(pick.tier, thresholds, judged, v),
    positioning: positioningOf(pick.tier, reported),
  };
};
