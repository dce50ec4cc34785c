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
