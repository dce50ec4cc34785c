import { Tier } from '../enums.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { createEvidenceTally, evidenceStatsOf, tallyEvidence } from './evidence-stats.ts';
import type { EvidenceTally } from './evidence-stats.ts';
import type { Completeness, ReviewDeal, StrategyEvidence } from './schema.ts';
import { segmentNameOf, segmentOrder } from './segment-order.ts';

/** Tiers whose deals are "fit deals" in the miscalibration test: score ≥ the fit threshold. */
export const FIT_TIERS: readonly Tier[] = ['dream', 'fit'];

export type EvidenceAccumulator = {
  addDeal: (deal: ReviewDeal) => void;
  finish: (completeness: Completeness) => StrategyEvidence;
};

/** SCORING §9 strategy evidence: closed deals per tier and per segment; never-scored deals apart. */
export const createStrategyEvidence = (strategy: Strategy): EvidenceAccumulator => {
  const byTier = new Map<Tier, EvidenceTally>(Tier.options.map((t) => [t, createEvidenceTally()]));
  const bySegment = new Map<string | null, EvidenceTally>();
  const fitDeals = createEvidenceTally();
  const offStrategyDeals = createEvidenceTally();
  let unscoredClosed = 0;

  const segmentTally = (id: string | null): EvidenceTally => {
    let tally = bySegment.get(id);
    if (tally === undefined) {
      tally = createEvidenceTally();
      bySegment.set(id, tally);
    }
    return tally;
  };

  return {
    addDeal: (deal) => {
      if (!deal.isClosed) return;
      if (deal.tier === null) {
        unscoredClosed += 1;
        return;
      }
      tallyEvidence(byTier.get(deal.tier) ?? createEvidenceTally(), deal);
      tallyEvidence(segmentTally(deal.segmentId), deal);
      if (FIT_TIERS.includes(deal.tier)) tallyEvidence(fitDeals, deal);
      if (deal.offStrategy) tallyEvidence(offStrategyDeals, deal);
    },
    finish: (completeness) => ({
      completeness,
      byTier: Tier.options.map((tier) => ({
        tier,
        ...evidenceStatsOf(byTier.get(tier) ?? createEvidenceTally()),
      })),
      bySegment: segmentOrder(strategy, bySegment.keys()).map((segmentId) => ({
        segmentId,
        name: segmentNameOf(strategy, segmentId),
        ...evidenceStatsOf(bySegment.get(segmentId) ?? createEvidenceTally()),
      })),
      fitDeals: evidenceStatsOf(fitDeals),
      offStrategyDeals: evidenceStatsOf(offStrategyDeals),
      unscoredClosed,
    }),
  };
};
