import { describe, expect, it } from 'vitest';

import { segment, strategyOf } from '../../../../../../test/support/core/fixtures.ts';
import { strategyProperties } from './strategy-properties.ts';

describe('strategyProperties: the one list of what the engine reads', () => {
  const segments = [
    segment('saas', [
      { property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' },
      { property: 'amount', object: 'deal', operator: 'GT', value: 1 },
    ]),
  ];

  it('the criteria by object, the deal amount and dealtype (SCORING §12 default), and the line items’ price, quantity, amount, name, SKU and product id', () => {
    expect(strategyProperties(strategyOf(segments))).toEqual({
      company: ['industry'],
      deal: ['amount', 'dealtype'],
      lineItem: ['amount', 'hs_product_id', 'hs_sku', 'name', 'price', 'quantity'],
    });
  });

  it('adds competitorProperty (SCORING §11), the existing-customer criteria by object (§12) and the discount property', () => {
    const named = strategyProperties(
      strategyOf(segments, {
        competitors: [{ id: 'acme', name: 'Acme' }],
        competitorProperty: 'competitors',
        existingCustomers: {
          criteria: [
            { property: 'renewal', operator: 'EQ', value: true },
            { property: 'lifecyclestage', object: 'company', operator: 'EQ', value: 'customer' },
          ],
        },
        dealChecks: { discountProperty: 'discount_percent' },
      }),
    );
    expect(named.company).toEqual(['industry', 'lifecyclestage']);
    expect(named.deal).toEqual([
      'amount',
      'competitors',
      'dealtype',
      'discount_percent',
      'renewal',
    ]);
  });
});
