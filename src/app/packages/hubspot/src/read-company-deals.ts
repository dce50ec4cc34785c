import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from './create-client.ts';
import { readAssociations } from './read-associations.ts';

/** The ids of each company's deals (associations v4 batch read, 1,000 companies per request). */
export async function readCompanyDealIds(
  hs: HubSpot,
  companyIds: readonly string[],
): Promise<Result<Map<string, string[]>, StrategyFitError>> {
  const associations = await readAssociations(hs, 'companies', 'deals', companyIds);
  if (!associations.ok) return associations;
  return ok(
    new Map(
      companyIds.map((id) => [
        id,
        [...new Set((associations.value.get(id) ?? []).map((a) => a.id))],
      ]),
    ),
  );
}
