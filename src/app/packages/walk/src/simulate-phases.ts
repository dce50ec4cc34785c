// The walk of a simulation (SCORING §9): open deals with their companies first, so that only the
// open pipeline of companies still to come is held, then every company scored with the published
// and the proposed strategy. Reads only.
import {
  addPortalCompany,
  addPortalDeal,
  SIMULATION_COMPANY_PROPERTIES,
  simulateCompany,
} from '@strategy-fit/core';
import type {
  CompiledStrategy,
  PortalPart,
  PropertyDefinitions,
  SimulationAccumulator,
} from '@strategy-fit/core';
import type { HubSpot, SearchWhere } from '@strategy-fit/hubspot';

import { recordBlocks } from './read-blocks.ts';
import type { BlockOptions, WalkRecord } from './read-blocks.ts';
import { definePhase } from './walk.ts';
import type { Phase, WalkCursor } from './walk.ts';

/** Open deals: HubSpot's own `hs_is_closed`, as the stages' metadata say it. */
export const OPEN_DEALS: SearchWhere = {
  kind: 'filters',
  filterGroups: [{ filters: [{ propertyName: 'hs_is_closed', operator: 'EQ', value: 'false' }] }],
};

/** An open deal's amount, and who it is for the list of deals that move (issue 13). */
const SIMULATION_DEAL_PROPERTIES = ['amount', 'dealname', 'hubspot_owner_id'];

export type SimulationContext = {
  /** The published strategy; null when none is published (every company counts as new). */
  published: CompiledStrategy | null;
  proposed: CompiledStrategy;
  /** The company properties either strategy reads. */
  properties: readonly string[];
  definitions: PropertyDefinitions;
  nowMs: number;
  /**
   * What the portal holds for the proposed strategy (issue 13), counted from the same pages: the
   * part to feed, and the deal properties and definitions its deal criteria read on open deals.
   */
  portal?: {
    part: PortalPart;
    dealProperties: readonly string[];
    dealDefinitions: PropertyDefinitions;
  };
};

/** What a committed block added: how many open deals or companies. */
export type SimulatedBlock = { phase: 'openDeals' | 'companies'; records: number };

/** The phases `openDeals` and `companies` of a simulation, each block added to `sim`. */
export function simulatePhases(
  hs: HubSpot,
  sim: SimulationAccumulator,
  context: SimulationContext,
  commit: (block: SimulatedBlock, next: WalkCursor | null) => Promise<unknown>,
  options: BlockOptions = {},
): Phase[] {
  const portal = context.portal;
  return [
    definePhase({
      name: 'openDeals',
      read: recordBlocks(
        hs,
        {
          objectType: 'deals',
          properties: [
            ...new Set([...SIMULATION_DEAL_PROPERTIES, ...(context.portal?.dealProperties ?? [])]),
          ],
          where: OPEN_DEALS,
          links: ['companies'],
        },
        options,
      ),
      process: async (records: WalkRecord[]): Promise<SimulatedBlock> => {
        for (const r of records) {
          sim.addOpenDeal({
            id: r.id,
            companyId: r.companyId,
            amount: r.properties['amount'],
            name: r.properties['dealname'] ?? null,
            ownerId: r.properties['hubspot_owner_id'] ?? null,
          });
          if (portal !== undefined) {
            addPortalDeal(portal.part, context.proposed, {
              id: r.id,
              properties: r.properties,
              definitions: portal.dealDefinitions,
              nowMs: context.nowMs,
            });
          }
        }
        return { phase: 'openDeals', records: records.length };
      },
      commit,
    }),
    definePhase({
      name: 'companies',
      read: recordBlocks(
        hs,
        {
          objectType: 'companies',
          properties: [...new Set([...context.properties, ...SIMULATION_COMPANY_PROPERTIES])],
          where: null,
        },
        options,
      ),
      process: async (records: WalkRecord[]): Promise<SimulatedBlock> => {
        for (const r of records) {
          const facts = {
            id: r.id,
            properties: r.properties,
            definitions: context.definitions,
            nowMs: context.nowMs,
          };
          sim.addCompany(simulateCompany(context.published, context.proposed, facts));
          if (portal !== undefined) addPortalCompany(portal.part, context.proposed, facts);
        }
        return { phase: 'companies', records: records.length };
      },
      commit,
    }),
  ];
}
