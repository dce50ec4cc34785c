// Which HubSpot properties a run reads: what the strategy's criteria name, plus the fit
// properties scoring writes (read in the same page, for the diff-only write).
import { FIT_PROPERTIES } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';

/** SCORING §8 properties that scoring writes on one object type. */
export const writtenFitProperties = (objectType: 'companies' | 'deals'): string[] =>
  FIT_PROPERTIES.filter((p) => p.writtenByScoring && p.objects.includes(objectType)).map(
    (p) => p.name,
  );

/** The company and deal properties a strategy's criteria, deal checks and deal sizes read. */
export const strategyProperties = (strategy: Strategy): { company: string[]; deal: string[] } => {
  const company = new Set<string>();
  const deal = new Set<string>(['amount']);
  const criteria = [
    ...strategy.segments.flatMap((s) => s.criteria),
    ...strategy.exclusions.flatMap((e) => e.criteria),
    ...(strategy.dreamCustomer === undefined
      ? []
      : [
          ...strategy.dreamCustomer.need,
          ...strategy.dreamCustomer.abilityToPay,
          ...strategy.dreamCustomer.urgency,
        ]),
  ];
  for (const c of criteria) (c.object === 'deal' ? deal : company).add(c.property);
  const discount = strategy.dealChecks?.discountProperty;
  if (discount !== undefined) deal.add(discount);
  return { company: [...company].sort(), deal: [...deal].sort() };
};

/** The properties read from each object type in a scoring run. */
export const scoringReadProperties = (
  strategy: Strategy,
): { companies: string[]; deals: string[] } => {
  const named = strategyProperties(strategy);
  return {
    companies: [...new Set([...named.company, ...writtenFitProperties('companies')])],
    deals: [...new Set([...named.deal, ...writtenFitProperties('deals')])],
  };
};
