import { describe, expect, it } from 'vitest';

import {
  COMPANY_DEFINITIONS,
  compiledWith,
  NOW_MS,
} from '../../../../../../test/support/core/fixtures.ts';
import { openPipelineByCompany, simulateCompany } from './simulate-company.ts';

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
  const pipeline = { openDeals: 2, openAmount: 1500 };

  it('scores the company with the published and the proposed strategy, with its open pipeline', () => {
    expect(simulateCompany(software, retail, facts({ industry: 'RETAIL' }), pipeline)).toEqual({
      oldTier: 'off_strategy',
      newTier: 'fit',
      openDeals: 2,
      openAmount: 1500,
    });
  });

  it('without a published strategy the company was never scored', () => {
    const e = simulateCompany(null, software, facts({ industry: 'COMPUTER_SOFTWARE' }), pipeline);
    expect([e.oldTier, e.newTier]).toEqual([null, 'fit']);
  });
});

describe('openPipelineByCompany', () => {
  it('counts open deals per company; a missing or unreadable amount counts the deal, adds nothing', () => {
    const open = openPipelineByCompany([
      { companyId: '1', amount: '1000' },
      { companyId: '1', amount: ' 250.5 ' },
      { companyId: '1', amount: '' },
      { companyId: '2', amount: 'lots' },
      { companyId: '2', amount: null },
      { companyId: null, amount: '99' },
    ]);
    expect([...open]).toEqual([
      ['1', { openDeals: 3, openAmount: 1250.5 }],
      ['2', { openDeals: 2, openAmount: 0 }],
    ]);
  });
});
