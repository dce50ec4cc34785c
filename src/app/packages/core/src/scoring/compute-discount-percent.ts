import type { LineItemFacts, PropertyBag } from '../facts/schema.ts';
import { isMissing, readNumber } from '../values/read-value.ts';
import { finding } from './explain.ts';
import type { DataQualityFinding } from './schema.ts';

/** A discount in percent (null when unknown) and the unreadable values met on the way. */
export type DiscountReading = { percent: number | null; dataQuality: DataQualityFinding[] };

const LINE_ITEM_LABELS = {
  price: 'Unit price',
  quantity: 'Quantity',
  amount: 'Net price',
} as const;

// Two decimals are what reps see; the warning compares the same rounded figure.
const round2 = (x: number): number => Math.round(x * 100) / 100;

const fromLineItems = (lineItems: readonly LineItemFacts[]): DiscountReading => {
  const dataQuality: DataQualityFinding[] = [];
  let gross = 0;
  let net = 0;
  let complete = true;
  for (const item of lineItems) {
    const read = (property: keyof typeof LINE_ITEM_LABELS): number | null => {
      const raw = item.properties[property];
      if (isMissing(raw)) return null;
      const n = readNumber(raw);
      if (n === null) {
        const where = {
          object: 'line_item' as const,
          recordId: item.id,
          property,
          label: LINE_ITEM_LABELS[property],
        };
        dataQuality.push(finding(where, raw.trim(), 'number'));
      }
      return n;
    };
    const price = read('price');
    const quantity = read('quantity');
    const amount = read('amount');
    if (price === null || quantity === null || amount === null) complete = false;
    else {
      gross += price * quantity;
      net += amount;
    }
  }
  const percent = complete && gross > 0 ? round2(((gross - net) / gross) * 100) : null;
  return { percent, dataQuality };
};

/**
 * SCORING §7 price competition: discount% = (Σ price·quantity − Σ amount) / Σ price·quantity · 100
 * over the line items; with none, the deal property named by `discountProperty`; else unknown.
 */
export const computeDiscountPercent = (
  lineItems: readonly LineItemFacts[],
  deal: { id: string; properties: PropertyBag },
  discountProperty: string | undefined,
  discountLabel: string,
): DiscountReading => {
  if (lineItems.length > 0) return fromLineItems(lineItems);
  if (discountProperty === undefined) return { percent: null, dataQuality: [] };
  const raw = deal.properties[discountProperty];
  if (isMissing(raw)) return { percent: null, dataQuality: [] };
  const n = readNumber(raw);
  if (n !== null) return { percent: round2(n), dataQuality: [] };
  const where = {
    object: 'deal' as const,
    recordId: deal.id,
    property: discountProperty,
    label: discountLabel,
  };
  return { percent: null, dataQuality: [finding(where, raw.trim(), 'number')] };
};
