import type { RecordFacts } from '../facts/schema.ts';
import type { CompiledStrategy } from '../scoring/compile-strategy.ts';
import { scoreCompany } from '../scoring/score-company.ts';
import type { SimulatedCompany } from './create-simulation-accumulator.ts';

/**
 * One company of a simulation (SCORING §9): its tier under the published strategy (null when none
 * is published: never scored) and under the proposed one. Writes nothing.
 */
export const simulateCompany = (
  published: CompiledStrategy | null,
  proposed: CompiledStrategy,
  facts: RecordFacts,
): SimulatedCompany => {
  const old = published === null ? null : scoreCompany(published, facts);
  const now = scoreCompany(proposed, facts);
  return {
    id: facts.id,
    oldTier: old?.tier ?? null,
    newTier: now.tier,
    name: textOf(facts.properties['name']),
    ownerId: textOf(facts.properties['hubspot_owner_id']),
    segmentId: now.segmentId ?? old?.segmentId ?? null,
  };
};

/** The company properties a simulation reads besides the strategies': who it is (the movers). */
export const SIMULATION_COMPANY_PROPERTIES = ['name', 'hubspot_owner_id'] as const;

const textOf = (v: string | null | undefined): string | null =>
  v === null || v === undefined || v.trim() === '' ? null : v.trim();
