import type { Tier } from '../enums.ts';
import type { Segment } from '../strategy/strategy-schema.ts';
import type { SegmentPositioning } from './schema.ts';

/** SCORING §10: tiers whose records show their segment's positioning; refused and off strategy have nothing to sell. */
const SELLING_TIERS: readonly Tier[] = ['dream', 'fit', 'stretch', 'needs_data'];

/**
 * SCORING §10: what reps are told to sell — the positioning of the record's segment for dream,
 * fit, stretch and needs_data; null for other tiers and for a segment without positioning.
 */
export const positioningOf = (
  tier: Tier,
  segment: Segment | undefined,
): SegmentPositioning | null => {
  const p = segment?.positioning;
  if (segment === undefined || p === undefined || !SELLING_TIERS.includes(tier)) return null;
  return {
    segmentId: segment.id,
    segmentName: segment.name,
    valueProposition: p.valueProposition,
    differentiators: [...(p.differentiators ?? [])],
    expectations: [...(p.expectations ?? [])],
  };
};
