import { isMissing, readNumber } from '../values/read-value.ts';
import { scoreCompany } from '../scoring/score-company.ts';
import type { CompiledStrategy } from '../scoring/compile-strategy.ts';
import type { RecordFacts } from '../facts/schema.ts';
import type { SimulationEntry } from './schema.ts';

/** A company's open pipeline: how many open deals it has and the sum of their known amounts. */
export type OpenPipeline = { openDeals: number; openAmount: number };

/**
 * One company of a simulation (SCORING §9): its tier under the published strategy (null when none
 * is published: never scored) and under the proposed one, with its open pipeline. Writes nothing.
 */
export const simulateCompany = (
  published: CompiledStrategy | null,
  proposed: CompiledStrategy,
  facts: RecordFacts,
  pipeline: OpenPipeline,
): SimulationEntry => ({
  oldTier: published === null ? null : scoreCompany(published, facts).tier,
  newTier: scoreCompany(proposed, facts).tier,
  openDeals: pipeline.openDeals,
  openAmount: pipeline.openAmount,
});

/** An open deal of a simulation: its company (SCORING §7: primary, else lowest id) and amount. */
export type OpenDeal = { companyId: string | null; amount: string | null | undefined };

/**
 * The open pipeline per company from its open deals: deals without a company count nowhere, an
 * unreadable or missing amount counts the deal but adds nothing.
 */
export const openPipelineByCompany = (deals: readonly OpenDeal[]): Map<string, OpenPipeline> => {
  const byCompany = new Map<string, OpenPipeline>();
  for (const deal of deals) {
    if (deal.companyId === null) continue;
    const sum = byCompany.get(deal.companyId) ?? { openDeals: 0, openAmount: 0 };
    const amount = isMissing(deal.amount) ? null : readNumber(deal.amount);
    byCompany.set(deal.companyId, {
      openDeals: sum.openDeals + 1,
      openAmount: sum.openAmount + (amount ?? 0),
    });
  }
  return byCompany;
};
