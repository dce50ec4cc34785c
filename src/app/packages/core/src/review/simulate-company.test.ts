import { describe, expect, it } from 'vitest';

import {
  COMPANY_DEFINITIONS,
  compiledWith,
  NOW_MS,
} from '../../../../../../test/support/core/fixtures.ts';
import { createSimulationAccumulator } from './create-simulation-accumulator.ts';
import { simulateCompany } from './simulate-company.ts';

const facts = (properties: Record<string, string>) => ({
  id: '1',
  properties,
  definitions: COMPANY_DEFINITIONS,
  nowMs: NOW_MS,
});

describe('simulateCompany', () => {
  const software = compiledWith([
    { property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' },
  ]);
  const retail = compiledWith([{ property: 'industry', operator: 'EQ', value: 'RETAIL' }]);

  it('scores the company with the published and the proposed strategy', () => {
    expect(
      simulateCompany(
        software,
        retail,
        facts({ industry: 'RETAIL', name: ' Acme ', hubspot_owner_id: '7' }),
      ),
    ).toMatchObject({
      id: '1',
      oldTier: 'off_strategy',
      newTier: 'fit',
      name: 'Acme',
      ownerId: '7',
    });
  });

  it('without a published strategy the company was never scored', () => {
    const e = simulateCompany(null, software, facts({ industry: 'COMPUTER_SOFTWARE' }));
    expect([e.oldTier, e.newTier]).toEqual([null, 'fit']);
  });
});

describe('open pipeline per company', () => {
  it('counts open deals per company; a missing or unreadable amount counts the deal, adds nothing', () => {
    const sim = createSimulationAccumulator();
    for (const [companyId, amount] of [
      ['1', '1000'],
      ['1', ' 250.5 '],
      ['1', ''],
      ['2', 'lots'],
      ['2', null],
      [null, '99'],
    ] as const) {
      sim.addOpenDeal({ companyId, amount });
    }
    sim.addCompany({ id: '1', oldTier: 'fit', newTier: 'fit' });
    sim.addCompany({ id: '2', oldTier: 'fit', newTier: 'stretch' });
    const m = sim.finish();
    expect([m.unchanged, m.downgraded]).toEqual([
      { companies: 1, openDeals: 3, openAmount: 1250.5 },
      { companies: 1, openDeals: 2, openAmount: 0 },
    ]);
  });
});
