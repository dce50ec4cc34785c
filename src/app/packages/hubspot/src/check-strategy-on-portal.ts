import { checkStrategy, ok } from '@strategy-fit/core';
import type {
  PortalDefinitions,
  Result,
  StrategyCheck,
  StrategyFitError,
} from '@strategy-fit/core';

import type { HubSpot } from './create-client.ts';
import { readPropertyDefinitions } from './read-property-definitions.ts';

/** This portal's company and deal property definitions, as the core's strategy checks take them. */
export async function readPortalDefinitions(
  hs: HubSpot,
): Promise<Result<PortalDefinitions, StrategyFitError>> {
  const [company, deal] = await Promise.all([
    readPropertyDefinitions(hs, 'companies'),
    readPropertyDefinitions(hs, 'deals'),
  ]);
  if (!company.ok) return company;
  if (!deal.ok) return deal;
  return ok({ company: company.value, deal: deal.value });
}

/**
 * Every problem of a strategy (JSON text, a value or a parsed strategy) against this portal, in
 * one pass: the schema's, and the properties of every criterion that can be read (SCORING §14).
 */
export async function checkStrategyOnPortal(
  hs: HubSpot,
  input: unknown,
): Promise<Result<StrategyCheck, StrategyFitError>> {
  const definitions = await readPortalDefinitions(hs);
  if (!definitions.ok) return definitions;
  return ok(checkStrategy(input, definitions.value));
}
