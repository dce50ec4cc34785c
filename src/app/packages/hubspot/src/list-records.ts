import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { LIST_PAGE_SIZE } from './object-types.ts';
import type { ObjectType, RawRecord } from './object-types.ts';
import { hubspotRequest } from './request.ts';
import { ListAnswer } from './schema.ts';

export type ListRecordsOptions = {
  objectType: ObjectType;
  properties: readonly string[];
  /** The cursor of the previous page; omit for the first. */
  after?: string;
  /** At most 100 (HubSpot's list limit); default 100. */
  limit?: number;
};

/** One page of every record of a type, in id order (the list API: no search limits, no cap). */
export async function listRecords(
  hs: HubSpot,
  options: ListRecordsOptions,
): Promise<Result<{ records: RawRecord[]; nextAfter: string | null }, StrategyFitError>> {
  const limit = Math.max(1, Math.min(LIST_PAGE_SIZE, Math.floor(options.limit ?? LIST_PAGE_SIZE)));
  const answer = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.objects(options.objectType),
    query: { limit, after: options.after, properties: options.properties, archived: false },
    answer: ListAnswer,
    operation: `listing ${options.objectType}`,
    objectType: options.objectType,
  });
  if (!answer.ok) return answer;
  return ok({ records: answer.value.results, nextAfter: answer.value.paging });
}
