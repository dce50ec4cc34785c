import type { LineItemFacts } from '../facts/schema.ts';
import type { Segment } from '../strategy/strategy-schema.ts';
import { isMissing } from '../values/read-value.ts';
import type { OfferCheck, OfferLineItem } from './schema.ts';

/** SCORING §10: a line item's SKU, else its product id (trimmed, lower-cased); null when it has neither. */
const offerKeyOf = (item: LineItemFacts): string | null => {
  const sku = item.properties.hs_sku;
  if (!isMissing(sku)) return sku.trim().toLowerCase();
  const productId = item.properties.hs_product_id;
  return isMissing(productId) ? null : productId.trim().toLowerCase();
};

const text = (raw: string | null | undefined): string | null =>
  isMissing(raw) ? null : raw.trim();

const describeItem = (i: OfferLineItem): string => {
  const what = i.sku === null ? `product ${i.productId ?? '?'}` : `SKU ${i.sku}`;
  return `${i.name ?? `line item ${i.lineItemId}`} (${what})`;
};

/**
 * SCORING §10 "never offer everything": which of a deal's line items are outside its segment's
 * `offers` (by SKU, else product id; trimmed, case-insensitive). A line item with neither is not
 * judged. Null when nothing is judged: the segment lists no offers.
 */
export const judgeOffers = (
  segment: Segment | undefined,
  lineItems: readonly LineItemFacts[],
): OfferCheck | null => {
  const offers = segment?.offers;
  if (segment === undefined || offers === undefined) return null;
  const offered = new Set(offers.map((o) => o.trim().toLowerCase()));
  const outside: OfferLineItem[] = [];
  let judged = 0;
  for (const item of lineItems) {
    const key = offerKeyOf(item);
    if (key === null) continue;
    judged += 1;
    if (offered.has(key)) continue;
    outside.push({
      lineItemId: item.id,
      name: text(item.properties.name),
      sku: text(item.properties.hs_sku),
      productId: text(item.properties.hs_product_id),
    });
  }
  return {
    segmentId: segment.id,
    judged,
    notJudged: lineItems.length - judged,
    outside,
    message:
      outside.length === 0
        ? null
        : `Not in the ${segment.name} offer: ${outside.map(describeItem).join(', ')}`,
  };
};
