import { checkStrategyProperties, ok } from '@strategy-fit/core';
import type { Result, Strategy, StrategyFitError, StrategyPropertyIssue } from '@strategy-fit/core';

import type { HubSpot } from './create-client.ts';
import { readPropertyDefinitions } from './read-property-definitions.ts';

/** Checks every property the strategy names against this portal's company and deal properties. */
export async function checkStrategyOnPortal(
  hs: HubSpot,
  strategy: Strategy,
): Promise<Result<StrategyPropertyIssue[], StrategyFitError>> {
  const [company, deal] = await Promise.all([
    readPropertyDefinitions(hs, 'companies'),
    readPropertyDefinitions(hs, 'deals'),
  ]);
  if (!company.ok) return company;
  if (!deal.ok) return deal;
  return ok(checkStrategyProperties(strategy, { company: company.value, deal: deal.value }));
}
