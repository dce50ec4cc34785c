// SCORING §12 existing customers: kept deliberately, never an exception to ask for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  company,
  deal,
  NOW_MS,
  segment,
  strategyOf,
} from '../../../../../../test/support/core/fixtures.ts';
import type { PropertyBag } from '../facts/schema.ts';
import type { StrategyInput } from '../strategy/strategy-schema.ts';
import { compileStrategy } from './compile-strategy.ts';
import { planRequest } from '../exceptions/plan-transition.ts';
import { scoreCompany } from './score-company.ts';
import { scoreDeal } from './score-deal.ts';

const compiledWith = (extra: Partial<StrategyInput> = {}) =>
  compileStrategy(
    strategyOf(
      [segment('saas', [{ property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }])],
      {
        exclusions: [
          {
            id: 'tobacco',
            reason: 'No tobacco',
            criteria: [{ property: 'industry', operator: 'EQ', value: 'TOBACCO' }],
          },
        ],
        ...extra,
      },
    ),
  );

/** A rep's request for the deal, with a reason HubSpot says they wrote (issue 10). */
const request = (deal: { offStrategy: boolean; retained: boolean }, reason: string) =>
  planRequest({
    dealId: '77',
    latest: null,
    reasonEdit: { value: reason, atMs: NOW_MS - 1000, userId: '9100003' },
    requesterName: 'Priya Raman',
    deal,
    nowMs: NOW_MS,
  });

const scored = (
  compiled: ReturnType<typeof compiledWith>,
  dealProps: PropertyBag,
  industry: string | null = 'RETAIL',
) => {
  const facts = industry === null ? null : company({ industry });
  return scoreDeal(compiled, {
    deal: deal(dealProps),
    company: facts === null ? null : { facts, score: scoreCompany(compiled, facts) },
    lineItems: [],
    nowMs: NOW_MS,
  });
};

describe('SCORING §12 existing customers', () => {
  const retain = compiledWith();

  it('a deal is existing business when every criterion of existingCustomers.criteria matches; the default criteria are dealtype EQ existingbusiness', () => {
    expect(scored(retain, { dealtype: ' ExistingBusiness ' }).business).toBe('existing');
    expect(scored(retain, { dealtype: 'newbusiness' }).business).toBe('new');
    const custom = compiledWith({
      existingCustomers: {
        criteria: [
          { property: 'dealtype', operator: 'EQ', value: 'existingbusiness' },
          { property: 'lifecyclestage', object: 'company', operator: 'EQ', value: 'customer' },
        ],
      },
    });
    expect(scored(custom, { dealtype: 'existingbusiness' }).business).toBe('new');
  });

  it('unknown counts as new business', () => {
    expect(scored(retain, {}).business).toBe('new');
    expect(scored(retain, { dealtype: '  ' }, null).business).toBe('new');
  });

  it('policy retain (the default): an off-strategy or refused existing-business deal keeps its tier and reason, but it is not part of unapproved off-strategy pipeline', () => {
    const off = scored(retain, { dealtype: 'existingbusiness' }, 'RETAIL');
    const refused = scored(retain, { dealtype: 'existingbusiness' }, 'TOBACCO');
    const newOff = scored(retain, { dealtype: 'newbusiness' }, 'RETAIL');
    expect([off.tier, off.offStrategy, off.retained]).toEqual(['off_strategy', true, true]);
    expect(off.reason).toBe(newOff.reason);
    expect([refused.tier, refused.reason, refused.retained]).toEqual([
      'refused',
      'No tobacco',
      true,
    ]);
    expect(newOff.retained).toBe(false);
    // A fitting existing customer is not "retained": it is on strategy anyway.
    expect(scored(retain, { dealtype: 'existingbusiness' }, 'COMPUTER_SOFTWARE').retained).toBe(
      false,
    );
  });

  it('a rep needs no exception for it, and a request is refused with a message that says why', () => {
    const off = scored(retain, { dealtype: 'existingbusiness' }, 'RETAIL');
    expect(request(off, 'Long-standing customer, renewal')).toEqual({
      ok: false,
      error: {
        code: 'exception_not_allowed',
        message:
          'This deal is existing business with a customer we keep (policy “retain”): it needs no exception and does not count as unapproved off-strategy pipeline. Your manager reviews these deals under “existing customers outside the strategy”.',
      },
    });
    const newOff = scored(retain, { dealtype: 'newbusiness' }, 'RETAIL');
    expect(request(newOff, 'Strategic logo for the region').ok).toBe(true);
  });

  it('policy score: existing business is treated like new business', () => {
    const score = compiledWith({ existingCustomers: { policy: 'score' } });
    const off = scored(score, { dealtype: 'existingbusiness' }, 'RETAIL');
    expect([off.business, off.offStrategy, off.retained]).toEqual(['existing', true, false]);
    expect(request(off, 'Long-standing customer, renewal').ok).toBe(true);
  });
});

describe('SCORING §12 existing customers (fast-check)', () => {
  it('retain changes no tier, reason or flag of a deal: only business and retained differ from policy score', () => {
    const retain = compiledWith();
    const score = compiledWith({ existingCustomers: { policy: 'score' } });
    const industry = fc.constantFrom('COMPUTER_SOFTWARE', 'RETAIL', 'TOBACCO', null);
    const dealtype = fc.constantFrom('existingbusiness', 'newbusiness', '', undefined);
    fc.assert(
      fc.property(industry, dealtype, (i, t) => {
        const props = t === undefined ? {} : { dealtype: t };
        const a = scored(retain, props, i);
        const b = scored(score, props, i);
        const { retained: ra, ...restA } = a;
        const { retained: rb, ...restB } = b;
        expect(restA).toEqual(restB);
        expect(rb).toBe(false);
        expect(ra).toBe(a.business === 'existing' && a.offStrategy);
      }),
    );
  });
});
