import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import { MISS, MATCH } from '../criteria/evaluate-criterion.ts';
import type { OutcomeCode } from '../criteria/evaluate-criterion.ts';
import { tierRank } from '../enums.ts';
import type { Tier } from '../enums.ts';
import { codeAt, slotLabel, unreadableOf, unreadableWords } from './explain.ts';
import type { RecordValues } from './record-values.ts';
import { TIER_WORDS } from './reason.ts';
import type { MissingProperty, Todo } from './schema.ts';
import type { JudgedSegment } from './score-segment.ts';

/**
 * What a to-do asks the rep to add or correct: the manager's criterion label where there is one
 * ("Builds machines or components"), else the property ("the Number of Employees").
 */
const todoSubject = (c: CompiledCriterion, v: RecordValues): string =>
  c.criterion.label ?? `the ${slotLabel(c, v)}`;

/** "add Builds machines or components", "correct the Number of Employees (“a few” is not a number)". */
export const todoStep = (c: CompiledCriterion, code: OutcomeCode, v: RecordValues): string => {
  const bad = unreadableOf(c, code, v);
  return bad === null
    ? `add ${todoSubject(c, v)}`
    : `correct ${todoSubject(c, v)} (${unreadableWords(bad.raw, bad.expected)})`;
};

const isUnknown = (code: OutcomeCode): boolean => code !== MATCH && code !== MISS;

/** The tier a segment's potential would reach, or null below stretch. */
const targetTier = (
  s: JudgedSegment,
  thresholds: { fit: number; stretch: number },
): Tier | null => {
  if (s.potential >= thresholds.fit)
    return s.compiled.segment.priority === 'dream' ? 'dream' : 'fit';
  return s.potential >= thresholds.stretch ? 'stretch' : null;
};

type Candidate = {
  c: CompiledCriterion;
  code: OutcomeCode;
  target: Tier;
  order: number;
};

const better = (a: Candidate, b: Candidate): boolean => {
  const byTier = tierRank(a.target) - tierRank(b.target);
  if (byTier !== 0) return byTier > 0;
  const byWeight = a.c.criterion.weight - b.c.criterion.weight;
  return byWeight !== 0 ? byWeight > 0 : a.order < b.order;
};

const todoOf = ({ c, code, target }: Candidate, v: RecordValues): Todo => {
  const step = todoStep(c, code, v);
  return {
    kind: unreadableOf(c, code, v) === null ? 'add_property' : 'correct_property',
    text: `${step.charAt(0).toUpperCase()}${step.slice(1)} to reach ${TIER_WORDS[target]}`,
    property: c.criterion.property,
    object: c.criterion.object,
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
  segments: readonly JudgedSegment[],
  v: RecordValues,
): Todo[] => {
  if (tier === 'refused') return [];
  const best = new Map<string, Candidate>();
  let order = 0;
  for (const s of segments) {
    const { criteria } = s.compiled;
    const target = s.disqualified ? null : targetTier(s, thresholds);
    order += criteria.length;
    if (target === null || tierRank(target) <= tierRank(tier)) continue;
    for (let k = 0; k < criteria.length; k++) {
      const c = criteria[k] as CompiledCriterion;
      const code = codeAt(s.codes, k);
      if (!isUnknown(code) || c.criterion.object !== 'company') continue;
      const candidate = { c, code, target, order: order - criteria.length + k };
      const known = best.get(c.criterion.property);
      if (!known || better(candidate, known)) best.set(c.criterion.property, candidate);
    }
  }
  return [...best.values()]
    .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
    .map((x) => todoOf(x, v));
};

/** The company properties with no value that could raise the fitScore, in document order. */
export const missingProperties = (
  tier: Tier,
  fitScore: number,
  segments: readonly JudgedSegment[],
  v: RecordValues,
): MissingProperty[] => {
  if (tier === 'refused') return [];
  const out: MissingProperty[] = [];
  for (const s of segments) {
    if (s.disqualified || s.potential <= fitScore) continue;
    const { criteria } = s.compiled;
    for (let k = 0; k < criteria.length; k++) {
      const c = criteria[k] as CompiledCriterion;
      const { property, object } = c.criterion;
      if (v.values[c.slot] !== null || !isUnknown(codeAt(s.codes, k)) || object !== 'company')
        continue;
      if (!out.some((m) => m.property === property))
        out.push({ property, object, label: slotLabel(c, v) });
    }
  }
  return out;
};
