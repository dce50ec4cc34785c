import type {
  CompanyScore,
  CriterionResult,
  ExclusionResult,
  Outcome,
  Priority,
  SegmentResult,
} from '@strategy-fit/core';

import type { StatusVariant } from './tier.ts';
import { OUTCOME_VIEW } from './tier.ts';

/** One row of an explanation table: a criterion, what it wanted, what the record has. */
export type CriterionRow = {
  readonly key: string;
  readonly label: string;
  readonly outcome: Outcome;
  readonly outcomeLabel: string;
  readonly outcomeVariant: StatusVariant;
  readonly expected: string;
  /** The value read, or "(no value)". */
  readonly actual: string;
  readonly weight: number;
  readonly required: boolean;
};

/** One segment as the explanation shows it. */
export type SegmentView = {
  readonly segmentId: string;
  /** "Enterprise SaaS (dream segment)" */
  readonly title: string;
  readonly score: number;
  readonly potential: number;
  readonly disqualified: boolean;
  /** "Scores 62% · up to 85% with the missing data · 80% of the weight known" */
  readonly summary: string;
  readonly rows: readonly CriterionRow[];
};

/** The exclusion that refused a company, with the criteria that matched. */
export type ExclusionView = {
  readonly exclusionId: string;
  readonly reason: string;
  readonly rows: readonly CriterionRow[];
};

/** Every segment of a company's score: the one the tier is about first, the others after it. */
export type Explanation = {
  readonly primary: SegmentView | null;
  readonly others: readonly SegmentView[];
  readonly exclusion: ExclusionView | null;
};

export const NO_VALUE = '(no value)';

const PRIORITY_RANK: Readonly<Record<Priority, number>> = { dream: 0, core: 1, opportunistic: 2 };

export const criterionRows = (criteria: readonly CriterionResult[]): CriterionRow[] =>
  criteria.map((c, i) => ({
    key: `${i}:${c.object}:${c.property}`,
    label: c.label,
    outcome: c.outcome,
    outcomeLabel: OUTCOME_VIEW[c.outcome].label,
    outcomeVariant: OUTCOME_VIEW[c.outcome].variant,
    expected: c.expected,
    actual: c.actual ?? NO_VALUE,
    weight: c.weight,
    required: c.required,
  }));

const summaryOf = (s: SegmentResult): string => {
  if (s.disqualified) return 'Disqualified: a required criterion is missed';
  const parts = [`Scores ${s.score}%`];
  if (s.potential > s.score) parts.push(`up to ${s.potential}% with the missing data`);
  parts.push(`${Math.round(s.confidence * 100)}% of the weight known`);
  return parts.join(' · ');
};

export const segmentView = (s: SegmentResult): SegmentView => ({
  segmentId: s.segmentId,
  title: `${s.name} (${s.priority} segment)`,
  score: s.score,
  potential: s.potential,
  disqualified: s.disqualified,
  summary: summaryOf(s),
  rows: criterionRows(s.criteria),
});

const exclusionView = (x: ExclusionResult): ExclusionView => ({
  exclusionId: x.exclusionId,
  reason: x.reason,
  rows: criterionRows(x.criteria),
});

/** SCORING §6.2: the best segment has the highest score; ties go dream > core > opportunistic. */
const byStrength = (a: SegmentResult, b: SegmentResult): number =>
  b.score - a.score || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];

/**
 * A company's explanation: the segment the tier names first (for an off-strategy company, its best
 * match, as its reason names it), the other segments after it in SCORING §6.2 order (the sort is
 * stable: document order breaks ties), and the exclusion that refused the company, if any.
 */
export const explanationOf = (company: CompanyScore): Explanation => {
  const named = company.segments.find((s) => s.segmentId === company.segmentId);
  const sorted = [...company.segments].sort(byStrength);
  const primary = named ?? (company.tier === 'refused' ? undefined : sorted[0]);
  const refusing = company.exclusions.find((x) => x.exclusionId === company.exclusionId);
  return {
    primary: primary ? segmentView(primary) : null,
    others: sorted.filter((s) => s !== primary).map(segmentView),
    exclusion: refusing ? exclusionView(refusing) : null,
  };
};
