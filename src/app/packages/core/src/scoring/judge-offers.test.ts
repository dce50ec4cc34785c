// SCORING §10 "never offer everything": line items judged against the segment's offers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  company,
  deal,
  NOW_MS,
  segment,
  strategyOf,
} from '../../../../../../test/support/core/fixtures.ts';
import type { LineItemFacts, PropertyBag } from '../facts/schema.ts';
import type { StrategyInput } from '../strategy/strategy-schema.ts';
import { compileStrategy } from './compile-strategy.ts';
import { judgeOffers } from './judge-offers.ts';
import { scoreCompany } from './score-company.ts';
import { scoreDeal } from './score-deal.ts';

const SOFTWARE = { property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' } as const;
const strategyWith = (offers: string[] | undefined, extra: Partial<StrategyInput> = {}) =>
  compileStrategy(
    strategyOf(
      [segment('saas', [SOFTWARE], { name: 'SaaS', ...(offers === undefined ? {} : { offers }) })],
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

const item = (id: string, properties: PropertyBag): LineItemFacts => ({ id, properties });
const scored = (
  compiled: ReturnType<typeof strategyWith>,
  lineItems: LineItemFacts[],
  industry = 'COMPUTER_SOFTWARE',
) => {
  const facts = company({ industry });
  return scoreDeal(compiled, {
    deal: deal({}),
    company: { facts, score: scoreCompany(compiled, facts) },
    lineItems,
    nowMs: NOW_MS,
  });
};

describe('SCORING §10 offers', () => {
  const compiled = strategyWith([' plat-annual ', 'SEAT-PRO', '1100108']);

  it('a line item is in the offer when its hs_sku, else its hs_product_id, equals one of the offers (trimmed, case-insensitive)', () => {
    const result = scored(compiled, [
      item('1', { name: 'Platform', hs_sku: 'PLAT-ANNUAL ', hs_product_id: '999' }),
      item('2', { name: 'Seat', hs_sku: 'seat-pro' }),
      item('3', { name: 'Training day', hs_product_id: ' 1100108 ' }),
    ]);
    expect(result.offers).toEqual({
      segmentId: 'saas',
      judged: 3,
      notJudged: 0,
      outside: [],
      message: null,
    });
    expect(result.warnings).toEqual([]);
  });

  it('the SKU wins over the product id: a listed product id with an unlisted SKU is outside', () => {
    const result = scored(compiled, [item('1', { hs_sku: 'OTHER', hs_product_id: '1100108' })]);
    expect(result.offers?.outside.map((o) => o.lineItemId)).toEqual(['1']);
  });

  it('a line item with neither property is not judged', () => {
    const result = scored(compiled, [
      item('1', { name: 'Custom work', hs_sku: '  ', hs_product_id: null }),
    ]);
    expect(result.offers).toMatchObject({ judged: 0, notJudged: 1, outside: [] });
    expect(result.warnings).toEqual([]);
  });

  it('a deal whose segment lists offers and that has a judged line item outside them gets the warning offer_outside_segment; the explanation names those line items', () => {
    const result = scored(compiled, [
      item('1', { name: 'Platform', hs_sku: 'PLAT-ANNUAL' }),
      item('2', { name: 'Data connector', hs_sku: 'CONN-DATA', hs_product_id: '1100106' }),
      item('3', { name: 'Analytics add-on', hs_product_id: '1100107' }),
      item('4', { name: 'Custom work' }),
    ]);
    expect(result.warnings).toEqual(['offer_outside_segment']);
    expect(result.offers).toEqual({
      segmentId: 'saas',
      judged: 3,
      notJudged: 1,
      outside: [
        { lineItemId: '2', name: 'Data connector', sku: 'CONN-DATA', productId: '1100106' },
        { lineItemId: '3', name: 'Analytics add-on', sku: null, productId: '1100107' },
      ],
      message:
        'Not in the SaaS offer: Data connector (SKU CONN-DATA), Analytics add-on (product 1100107)',
    });
  });

  it('a segment without offers never raises it', () => {
    const result = scored(strategyWith(undefined), [item('1', { hs_sku: 'ANYTHING' })]);
    expect(result.offers).toBeNull();
    expect(result.warnings).toEqual([]);
  });

  it('refused and off-strategy deals are not judged for offers', () => {
    const outside = [item('1', { hs_sku: 'ANYTHING' })];
    const refused = scored(compiled, outside, 'TOBACCO');
    const off = scored(compiled, outside, 'RETAIL');
    expect([refused.tier, refused.offers, refused.warnings]).toEqual(['refused', null, []]);
    expect([off.tier, off.offers, off.warnings]).toEqual(['off_strategy', null, []]);
  });

  it('a deal without company (no segment) is not judged', () => {
    const result = scoreDeal(compiled, {
      deal: deal({}),
      company: null,
      lineItems: [item('1', { hs_sku: 'ANYTHING' })],
      nowMs: NOW_MS,
    });
    expect(result.offers).toBeNull();
    expect(result.warnings).toEqual(['missing_company']);
  });

  it('the warning comes last in the canonical order of warnings', () => {
    const result = scoreDeal(strategyWith(['PLAT'], { dealChecks: { maxDiscountPercent: 10 } }), {
      deal: deal({}),
      company: (() => {
        const facts = company({ industry: 'COMPUTER_SOFTWARE' });
        return { facts, score: scoreCompany(strategyWith(['PLAT']), facts) };
      })(),
      lineItems: [item('1', { hs_sku: 'SEAT', price: '100', quantity: '1', amount: '50' })],
      nowMs: NOW_MS,
    });
    expect(result.warnings).toEqual(['price_competition', 'offer_outside_segment']);
  });
});

describe('SCORING §10 offers (fast-check)', () => {
  const key = fc.oneof(
    fc.constantFrom('PLAT', 'plat', ' Plat ', 'SEAT', '1100101', ''),
    fc.string({ maxLength: 6 }),
  );
  const items = fc.array(
    fc.record({ hs_sku: fc.option(key, { nil: undefined }), hs_product_id: fc.option(key) }),
    { maxLength: 6 },
  );
  const lineItems = (bags: { hs_sku?: string; hs_product_id: string | null }[]) =>
    bags.map((b, i) => item(String(i + 1), b));

  it('a segment without offers never warns', () => {
    const compiled = strategyWith(undefined);
    fc.assert(
      fc.property(items, (bags) => {
        const result = scored(compiled, lineItems(bags));
        return result.offers === null && !result.warnings.includes('offer_outside_segment');
      }),
    );
  });

  it('the warning is raised exactly when a judged line item is outside the offers, and judged + not judged is every line item', () => {
    const offers = ['PLAT', '1100101'];
    const compiled = strategyWith(offers);
    const inOffer = (v: string) => offers.some((o) => o.toLowerCase() === v.trim().toLowerCase());
    fc.assert(
      fc.property(items, (bags) => {
        const result = scored(compiled, lineItems(bags));
        const keys = bags.flatMap((b) => {
          const sku = b.hs_sku?.trim() ?? '';
          const product = b.hs_product_id?.trim() ?? '';
          return sku !== '' ? [b.hs_sku ?? ''] : product !== '' ? [b.hs_product_id ?? ''] : [];
        });
        const outside = keys.filter((k) => !inOffer(k)).length;
        expect(result.offers?.judged).toBe(keys.length);
        expect((result.offers?.judged ?? 0) + (result.offers?.notJudged ?? 0)).toBe(bags.length);
        expect(result.offers?.outside).toHaveLength(outside);
        expect(result.warnings.includes('offer_outside_segment')).toBe(outside > 0);
      }),
    );
  });

  it('judgeOffers leaves the line items it reads as they were', () => {
    const segmentWithOffers = strategyWith(['PLAT']).strategy.segments[0];
    fc.assert(
      fc.property(items, (bags) => {
        const input = lineItems(bags);
        const before = JSON.stringify(input);
        judgeOffers(segmentWithOffers, input);
        return JSON.stringify(input) === before;
      }),
    );
  });
});
