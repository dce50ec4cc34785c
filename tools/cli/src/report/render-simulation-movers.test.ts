import { SimulationMovers } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { renderSimulationMovers, SHOWN_MOVERS } from './render-simulation-movers.ts';

const names = { ownerNames: { '7': 'Aiko Tanaka' }, segmentNames: { saas: 'Enterprise SaaS' } };

/** `companies` movers, the largest first (as the core answers them), and three open deals. */
const movers = (companies: number) =>
  SimulationMovers.parse({
    companies: {
      rows: Array.from({ length: companies }, (_, i) => ({
        id: String(1000 + i),
        name: `Company ${i + 1}`,
        ownerId: '7',
        oldTier: 'refused',
        newTier: 'fit',
        segmentId: 'saas',
        openDeals: 1,
        openAmount: 10_000 * (companies - i),
      })),
      total: companies + 5,
    },
    deals: {
      rows: [1, 2, 3].map((i) => ({
        id: String(9000 + i),
        name: `Deal ${i}`,
        ownerId: '7',
        companyId: '1000',
        oldTier: 'refused',
        newTier: 'fit',
        segmentId: 'saas',
        amount: 1_000 * i,
      })),
      total: 3,
    },
    byOwner: [{ ownerId: '7', companies, openDeals: 3, openAmount: 6_000 }],
    bySegment: [{ segmentId: 'saas', companies, openDeals: 3, openAmount: 6_000 }],
  });

describe('renderSimulationMovers', () => {
  it('lists the largest movers a terminal can take, and says where the rest are', () => {
    const text = renderSimulationMovers(movers(30), names);
    expect(text).toContain(
      `Companies that change tier (the ${SHOWN_MOVERS} largest of 35; --json lists the 30 largest)`,
    );
    expect(text).toContain(`Company ${SHOWN_MOVERS}`);
    expect(text).not.toContain(`Company ${SHOWN_MOVERS + 1} `);
    // Every deal fits: no "largest of" for them.
    expect(text).toContain('Open deals that change tier\n');
    expect(text).toContain('Deal 3');
  });
});
