import type { Tier } from '../enums.ts';

/** The tier of a company that no exclusion refused, and which segment it reports (SCORING §6.2–6.5). */
export type TierPick = {
  readonly tier: Tier;
  /** Index of the best-scoring segment (ties: dream > core > opportunistic, then document order). */
  readonly best: number;
  /** Index of the reported segment, or -1 (off_strategy). */
  readonly reported: number;
  readonly fitScore: number;
};

/** One segment's standing on a company (SCORING §5). */
export type SegmentStanding = {
  /** 0 dream, 1 core, 2 opportunistic. */
  readonly priorityRank: number;
  readonly score: number;
  readonly potential: number;
  readonly disqualified: boolean;
};

/** Index of the highest figure; ties go to the better priority, then to document order (SCORING §6.2). */
const argBest = (
  segments: readonly SegmentStanding[],
  figure: (s: SegmentStanding) => number,
  skipDisqualified: boolean,
): number => {
  let best = -1;
  segments.forEach((s, i) => {
    if (skipDisqualified && s.disqualified) return;
    const b = segments[best];
    if (
      b === undefined ||
      figure(s) > figure(b) ||
      (figure(s) === figure(b) && s.priorityRank < b.priorityRank)
    )
      best = i;
  });
  return best;
};

/** SCORING §6.3: dream/fit from the fit threshold, stretch, needs_data from potential, else off_strategy. */
export const pickTier = (
  thresholds: { fit: number; stretch: number },
  segments: readonly SegmentStanding[],
): TierPick => {
  const best = argBest(segments, (s) => s.score, false);
  const top = segments[best];
  const fitScore = top?.score ?? 0;
  if (fitScore >= thresholds.fit) {
    return { tier: top?.priorityRank === 0 ? 'dream' : 'fit', best, reported: best, fitScore };
  }
  if (fitScore >= thresholds.stretch) return { tier: 'stretch', best, reported: best, fitScore };
  const hope = argBest(segments, (s) => s.potential, true);
  if (hope !== -1 && (segments[hope]?.potential ?? 0) >= thresholds.stretch) {
    return { tier: 'needs_data', best, reported: hope, fitScore };
  }
  return { tier: 'off_strategy', best, reported: -1, fitScore };
};
