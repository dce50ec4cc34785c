import type { CriterionFlag, StrategyReviewValue } from '@strategy-fit/core';

import { formatNumber } from './format.ts';
import { winWords } from './market.ts';

/** A flag as a manager reads it (SCORING §15). */
export const FLAG_WORDS: Readonly<Record<CriterionFlag, string>> = {
  inverse: 'Inverse: misses win more often',
  no_signal: 'No signal: wins as often either way',
};

export type CriterionLine = {
  readonly key: string;
  readonly label: string;
  readonly match: string;
  readonly miss: string;
  readonly unknown: string;
  readonly ratio: string;
  readonly flag: { readonly code: CriterionFlag; readonly label: string } | null;
};

export type CriteriaView = {
  readonly partial: boolean;
  readonly evidenceWindow: string;
  /** That the flags use today's data, not the data when the deal closed. */
  readonly note: string;
  readonly counted: string;
  readonly flagged: number;
  readonly segments: readonly {
    readonly key: string;
    readonly name: string;
    readonly rows: readonly CriterionLine[];
  }[];
};

/**
 * Criterion evidence (SCORING §15): for each segment criterion, how often closed deals of the
 * window won when their company matches it today, misses it, or is unknown; flagged `inverse` or
 * `no_signal` with at least `minClosedDeals` on both sides.
 */
export const criteriaOf = (value: StrategyReviewValue): CriteriaView => {
  const e = value.review.criterionEvidence;
  const segments = e.segments.map((s) => ({
    key: s.segmentId,
    name: s.name,
    rows: s.criteria.map((c) => ({
      key: `${s.segmentId}:${c.index}`,
      label: c.label,
      match: winWords(c.match),
      miss: winWords(c.miss),
      unknown: winWords(c.unknown),
      ratio: c.ratio === null ? '—' : `${formatNumber(c.ratio, 2)}x`,
      flag: c.flag === null ? null : { code: c.flag, label: FLAG_WORDS[c.flag] },
    })),
  }));
  return {
    partial: e.completeness.partial,
    evidenceWindow: value.review.evidenceWindow.note,
    note: e.note,
    counted: `${formatNumber(e.deals)} closed deals with their company's outcomes${
      e.withoutOutcomes > 0
        ? `; ${formatNumber(e.withoutOutcomes)} without a company are not counted`
        : ''
    }. Flags need ${formatNumber(e.minClosedDeals)} closed deals on both the match and the miss side.`,
    flagged: segments.reduce((n, s) => n + s.rows.filter((r) => r.flag !== null).length, 0),
    segments,
  };
};
