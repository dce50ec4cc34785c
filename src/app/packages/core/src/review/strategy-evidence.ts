import { z } from 'zod';

import { Tier } from '../enums.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { mergeRecords } from './cents.ts';
import {
  addEvidenceTallies,
  createEvidenceTally,
  EvidenceTally,
  evidenceStatsOf,
  tallyEvidence,
} from './evidence-stats.ts';
import type { Completeness, ReviewDeal, StrategyEvidence } from './schema.ts';
import { segmentNameOf, segmentOrder } from './segment-order.ts';

/** Tiers whose deals are "fit deals" in the miscalibration test: score ≥ the fit threshold. */
export const FIT_TIERS: readonly Tier[] = ['dream', 'fit'];

/** Closed deals per tier, per segment (JSON of the id) and of the two compared groups, so far. */
export const EvidencePart = z.strictObject({
  byTier: z.record(z.string(), EvidenceTally),
  bySegment: z.record(z.string(), EvidenceTally),
  fitDeals: EvidenceTally,
  offStrategyDeals: EvidenceTally,
  unscoredClosed: z.number().int().min(0),
});
export type EvidencePart = z.output<typeof EvidencePart>;

export const createEvidencePart = (): EvidencePart => ({
  byTier: {},
  bySegment: {},
  fitDeals: createEvidenceTally(),
  offStrategyDeals: createEvidenceTally(),
  unscoredClosed: 0,
});

const tallyIn = (group: Record<string, EvidenceTally>, key: string, deal: ReviewDeal): void => {
  const tally = group[key] ?? createEvidenceTally();
  tallyEvidence(tally, deal);
  group[key] = tally;
};

/** SCORING §9 strategy evidence: closed deals per tier and per segment; never-scored deals apart. */
export const addDealToEvidence = (part: EvidencePart, deal: ReviewDeal): void => {
  if (!deal.isClosed) return;
  if (deal.tier === null) {
    part.unscoredClosed += 1;
    return;
  }
  tallyIn(part.byTier, deal.tier, deal);
  tallyIn(part.bySegment, JSON.stringify(deal.segmentId), deal);
  if (FIT_TIERS.includes(deal.tier)) tallyEvidence(part.fitDeals, deal);
  if (deal.offStrategy) tallyEvidence(part.offStrategyDeals, deal);
};

export const mergeEvidence = (a: EvidencePart, b: EvidencePart): EvidencePart => ({
  byTier: mergeRecords(a.byTier, b.byTier, addEvidenceTallies),
  bySegment: mergeRecords(a.bySegment, b.bySegment, addEvidenceTallies),
  fitDeals: addEvidenceTallies(a.fitDeals, b.fitDeals),
  offStrategyDeals: addEvidenceTallies(a.offStrategyDeals, b.offStrategyDeals),
  unscoredClosed: a.unscoredClosed + b.unscoredClosed,
});

export const finishEvidence = (
  part: EvidencePart,
  strategy: Strategy,
  completeness: Completeness,
): StrategyEvidence => ({
  completeness,
  byTier: Tier.options.map((tier) => ({
    tier,
    ...evidenceStatsOf(part.byTier[tier] ?? createEvidenceTally()),
  })),
  bySegment: segmentOrder(
    strategy,
    Object.keys(part.bySegment).map((key) => JSON.parse(key) as string | null),
  ).map((segmentId) => ({
    segmentId,
    name: segmentNameOf(strategy, segmentId),
    ...evidenceStatsOf(part.bySegment[JSON.stringify(segmentId)] ?? createEvidenceTally()),
  })),
  fitDeals: evidenceStatsOf(part.fitDeals),
  offStrategyDeals: evidenceStatsOf(part.offStrategyDeals),
  unscoredClosed: part.unscoredClosed,
});
