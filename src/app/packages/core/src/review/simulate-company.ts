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
): SimulatedCompany => ({
  id: facts.id,
  oldTier: published === null ? null : scoreCompany(published, facts).tier,
  newTier: scoreCompany(proposed, facts).tier,
});
