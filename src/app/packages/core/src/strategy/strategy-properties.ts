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
