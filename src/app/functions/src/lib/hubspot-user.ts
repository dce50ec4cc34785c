// A HubSpot user as HubSpot knows them, from a user id HubSpot itself recorded (an edit's
// `updatedByUserId`), never from a card: their name and teams from the owners API.
import { err, isStrategyManager, ok, strategyFitError } from '@strategy-fit/core';
import type { KnownUser, Result, Strategy, StrategyFitError } from '@strategy-fit/core';
import { listOwners, readOwnerByUserId } from '@strategy-fit/hubspot';

import type { Runtime } from './runtime.ts';

/** The active user behind a verified user id (`not_allowed` when HubSpot has none). */
export async function knownUser(
  rt: Runtime,
  userId: string,
): Promise<Result<KnownUser, StrategyFitError>> {
  const owner = await readOwnerByUserId(rt.hs, userId);
  if (!owner.ok) return owner;
  if (owner.value === null) {
    return err(
      strategyFitError(
        'not_allowed',
        `HubSpot user ${userId} is not an active user of this account, so their edit does not count.`,
      ),
    );
  }
  return ok({
    userId,
    name: `${owner.value.firstName} ${owner.value.lastName}`.trim() || owner.value.email || userId,
    teamIds: owner.value.teams.map((t) => t.id),
  });
}

/** The active users the strategy names as managers (by user id or team), by name. */
export async function strategyManagers(
  rt: Runtime,
  strategy: Pick<Strategy, 'managers'>,
): Promise<Result<KnownUser[], StrategyFitError>> {
  const owners = await listOwners(rt.hs);
  if (!owners.ok) return owners;
  return ok(
    owners.value
      .filter((o) => o.userId !== null)
      .map((o) => ({
        userId: String(o.userId),
        name: `${o.firstName} ${o.lastName}`.trim() || String(o.userId),
        teamIds: o.teams.map((t) => t.id),
      }))
      .filter((u) => isStrategyManager(strategy, u)),
  );
}
