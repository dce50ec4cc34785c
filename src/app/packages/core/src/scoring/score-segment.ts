import { MATCH, MISS } from '../criteria/evaluate-criterion.ts';
import type { CompiledSegment } from './compile-strategy.ts';
import { judgeCriteria } from './explain.ts';
import type { RecordValues } from './record-values.ts';
import { roundPercent } from './round-percent.ts';

/** The weights of one segment's criteria by outcome (SCORING §5). */
export type SegmentTally = {
  readonly total: number;
  readonly matched: number;
  readonly unknown: number;
  readonly disqualified: boolean;
};

/** A segment's score, potential and confidence (SCORING §5). */
export type SegmentFigures = { score: number; potential: number; confidence: number };

/** SCORING §5: score, potential (as if every unknown matched) and confidence; 0 when disqualified. */
export const scoreSegment = (t: SegmentTally): SegmentFigures => ({
  score: t.disqualified ? 0 : roundPercent(t.matched, t.total),
  potential: t.disqualified ? 0 : roundPercent(t.matched + t.unknown, t.total),
  confidence: (t.total - t.unknown) / t.total,
});

/** One segment judged on one company: its outcome codes and the figures made from them. */
export type JudgedSegment = SegmentFigures & {
  readonly compiled: CompiledSegment;
  readonly priorityRank: number;
  /** Per criterion, in document order: MATCH, MISS, UNKNOWN or UNREADABLE. */
  readonly codes: Uint8Array;
  readonly disqualified: boolean;
};

/** Evaluates each of a segment's criteria once and tallies the outcomes (SCORING §5). */
export const judgeSegment = (s: CompiledSegment, v: RecordValues, nowMs: number): JudgedSegment => {
  const codes = judgeCriteria(s.criteria, v, nowMs);
  let matched = 0;
  let unknown = 0;
  let disqualified = false;
  for (let k = 0; k < codes.length; k++) {
    const { weight, required } = (s.criteria[k] as CompiledSegment['criteria'][number]).criterion;
    const code = codes[k];
    if (code === MATCH) matched += weight;
    else if (code === MISS) disqualified ||= required;
    else unknown += weight; // UNKNOWN or UNREADABLE
  }
  const figures = scoreSegment({ total: s.totalWeight, matched, unknown, disqualified });
  return { compiled: s, priorityRank: s.priorityRank, codes, disqualified, ...figures };
};
