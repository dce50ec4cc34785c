import { describe, expect, it } from 'vitest';

import { offerOptions } from './offers.ts';

const PRODUCTS = [
  { id: '101', name: 'Platform licence', sku: 'PLAT-ANNUAL' },
  { id: '102', name: 'Legacy bundle', sku: null },
];

describe('the offers picker (SCORING §10: SKU, else product id; trimmed, case-insensitive)', () => {
  it('lists every product by SKU, a product without one by its id', () => {
    expect(offerOptions(PRODUCTS, [])).toEqual([
      { label: 'Platform licence (PLAT-ANNUAL)', value: 'PLAT-ANNUAL' },
      { label: 'Legacy bundle (product id 102)', value: '102' },
    ]);
  });

  it('keeps the draft’s own spelling of an offer it matches, and marks offers the library lacks', () => {
    expect(offerOptions(PRODUCTS, [' plat-annual', 'GONE-1'])).toEqual([
      { label: 'Platform licence (PLAT-ANNUAL)', value: ' plat-annual' },
      { label: 'Legacy bundle (product id 102)', value: '102' },
      { label: 'GONE-1 (not in the product library)', value: 'GONE-1' },
    ]);
  });
});
