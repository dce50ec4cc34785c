import { EXCEPTION_PROPERTIES } from '../scoring/exception.ts';
import { writtenFitProperties } from '../writeback/fit-properties.ts';
import { existingCustomersOf } from './strategy-defaults.ts';
import type { Strategy } from './strategy-schema.ts';

/**
 * The line item properties scoring reads: price, quantity and amount for the discount (SCORING
 * §7); name, SKU and product id for the offers (§10).
 */
export const LINE_ITEM_PROPERTIES: readonly string[] = [
  'amount',
  'hs_product_id',
  'hs_sku',
  'name',
  'price',
  'quantity',
];

/**
 * The company, deal and line item properties a strategy reads: its criteria's (by the object each
 * reads, the existing-customer criteria included, §12), the deal-check discount property, the deal
 * `amount` (deal sizes), `dealtype` (HubSpot's deal type, §12), the competitor property (§11), and
 * the line items' `LINE_ITEM_PROPERTIES`. Sorted, without repeats.
 */
export const strategyProperties = (
  strategy: Strategy,
): { company: string[]; deal: string[]; lineItem: string[] } => {
  const company = new Set<string>();
  const deal = new Set<string>(['amount', 'dealtype']);
  const dream = strategy.dreamCustomer;
  const criteria = [
    ...strategy.segments.flatMap((s) => s.criteria),
    ...strategy.exclusions.flatMap((e) => e.criteria),
    ...(dream === undefined ? [] : [...dream.need, ...dream.abilityToPay, ...dream.urgency]),
    ...existingCustomersOf(strategy).criteria,
  ];
  for (const c of criteria) (c.object === 'deal' ? deal : company).add(c.property);
  const discount = strategy.dealChecks?.discountProperty;
  if (discount !== undefined) deal.add(discount);
  if (strategy.competitorProperty !== undefined) deal.add(strategy.competitorProperty);
  return {
    company: [...company].sort(),
    deal: [...deal].sort(),
    lineItem: [...LINE_ITEM_PROPERTIES],
  };
};

/**
 * Everything scoring a record reads (SCORING §6–§8): the strategy's properties, the fit
 * properties it compares before writing (diff-only), and a deal's exception (§7). The one list
 * every reader asks HubSpot for: cards, the bulk walk and the rescore.
 */
export const scoringReads = (strategy: Strategy): { companies: string[]; deals: string[] } => {
  const named = strategyProperties(strategy);
  return {
    companies: [...new Set([...named.company, ...writtenFitProperties('companies')])].sort(),
    deals: [
      ...new Set([
        ...named.deal,
        ...writtenFitProperties('deals'),
        ...Object.values(EXCEPTION_PROPERTIES),
      ]),
    ].sort(),
  };
};
