import { EXCEPTION_PROPERTIES } from '../scoring/exception.ts';
import { writtenFitProperties } from '../writeback/fit-properties.ts';
import type { Strategy } from './strategy-schema.ts';

/**
 * The company and deal properties a strategy reads: its criteria's (by the object each reads),
 * the deal-check discount property, and the deal `amount` (deal sizes). Sorted, without repeats.
 */
export const strategyProperties = (strategy: Strategy): { company: string[]; deal: string[] } => {
  const company = new Set<string>();
  const deal = new Set<string>(['amount']);
  const dream = strategy.dreamCustomer;
  const criteria = [
    ...strategy.segments.flatMap((s) => s.criteria),
    ...strategy.exclusions.flatMap((e) => e.criteria),
    ...(dream === undefined ? [] : [...dream.need, ...dream.abilityToPay, ...dream.urgency]),
  ];
  for (const c of criteria) (c.object === 'deal' ? deal : company).add(c.property);
  const discount = strategy.dealChecks?.discountProperty;
  if (discount !== undefined) deal.add(discount);
  return { company: [...company].sort(), deal: [...deal].sort() };
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
