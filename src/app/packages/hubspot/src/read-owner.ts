import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { hubspotRequest } from './request.ts';
import { OwnerAnswer } from './schema.ts';
import type { Owner } from './schema.ts';

/**
 * The active owner of a HubSpot user, by user id, in one request (`GET /crm/owners/2026-09/{userId}?
 * idProperty=userId`); null when the portal has no active owner with that user id.
 */
export async function readOwnerByUserId(
  hs: HubSpot,
  userId: string,
): Promise<Result<Owner | null, StrategyFitError>> {
  if (!/^[0-9]{1,15}$/.test(userId)) return ok(null);
  const answer = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.owners(userId),
    query: { idProperty: 'userId', archived: false },
    answer: OwnerAnswer,
    operation: `reading the owner of user ${userId}`,
  });
  if (!answer.ok) return answer.error.code === 'record_not_found' ? ok(null) : answer;
  return ok(answer.value);
}
