// How many records match a search, from HubSpot's `total` (one search of one record): exact even
// past the 10,000 results a search can page through (HUBSPOT.md §6).
import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from './create-client.ts';
import type { ObjectType } from './object-types.ts';
import { searchRecords } from './search-records.ts';
import type { SearchWhere } from './search-records.ts';

/** The number of records of `objectType` matching `where` (one search request). */
export async function countRecords(
  hs: HubSpot,
  objectType: ObjectType,
  where: SearchWhere,
): Promise<Result<number, StrategyFitError>> {
  const page = await searchRecords(hs, {
    objectType,
    properties: ['hs_object_id'],
    where,
    limit: 1,
  });
  return page.ok ? ok(page.value.total) : page;
}
