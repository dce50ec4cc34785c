// Which HubSpot properties a run reads: what the strategy's criteria name, plus the fit
// properties scoring writes (read in the same page, for the diff-only write).
import { FIT_PROPERTIES, strategyProperties } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';

/** The company and deal properties a strategy reads (the core's, shared with the app functions). */
export { strategyProperties } from '@strategy-fit/core';

/** SCORING §8 properties that scoring writes on one object type. */
export const writtenFitProperties = (objectType: 'companies' | 'deals'): string[] =>
  FIT_PROPERTIES.filter((p) => p.writtenByScoring && p.objects.includes(objectType)).map(
    (p) => p.name,
  );

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
