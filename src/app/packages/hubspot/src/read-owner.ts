import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { callParsed } from './create-client.ts';
import type { HubSpot } from './create-client.ts';
import { OwnerAnswer } from './schema.ts';
import type { Owner } from './schema.ts';

/**
 * The active owner of a HubSpot user, by user id, in one request (`GET /crm/v3/owners/{userId}?
 * idProperty=userId`); null when the portal has no active owner with that user id.
 */
export async function readOwnerByUserId(
  hs: HubSpot,
  userId: string,
): Promise<Result<Owner | null, StrategyFitError>> {
  if (!/^[0-9]{1,15}$/.test(userId)) return ok(null);
  const answer = await callParsed(
    hs,
    { operation: `reading the owner of user ${userId}` },
    OwnerAnswer,
    (api) => api.owners.getById(Number(userId), 'userId', false),
  );
  if (!answer.ok) return answer.error.code === 'record_not_found' ? ok(null) : answer;
  return ok(answer.value);
}
