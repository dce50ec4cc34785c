import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { hubspotRequest } from './request.ts';
import { OwnersAnswer } from './schema.ts';
import type { Owner } from './schema.ts';

export type { Owner } from './schema.ts';

const OWNER_PAGE_SIZE = 500;

/** Every active owner with their teams, all pages. */
export async function listOwners(hs: HubSpot): Promise<Result<Owner[], StrategyFitError>> {
  const owners: Owner[] = [];
  let after: string | undefined;
  do {
    const cursor = after;
    const page = await hubspotRequest(hs, {
      method: 'GET',
      path: apiPaths.owners(),
      query: { after: cursor, limit: OWNER_PAGE_SIZE, archived: false },
      answer: OwnersAnswer,
      operation: 'listing owners',
    });
    if (!page.ok) return page;
    owners.push(...page.value.results);
    after = page.value.paging ?? undefined;
  } while (after !== undefined);
  return ok(owners);
}
