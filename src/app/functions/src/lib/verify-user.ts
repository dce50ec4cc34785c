// The card says who is looking (`context.user`), but HubSpot does not sign it (docs/security.md).
// Before an exception is requested or decided, the claim is checked against HubSpot: the user id
// must belong to an active owner of this account whose email is the claimed email. Teams come
// from HubSpot, never from the card.
import { err, isStrategyManager, ok, strategyFitError } from '@strategy-fit/core';
import type { CardUser, Result, StrategyFitError } from '@strategy-fit/core';
import { readOwnerByUserId } from '@strategy-fit/hubspot';

import type { ActiveStrategy } from './active-strategy.ts';
import type { Runtime } from './runtime.ts';

/** A user whose id and email HubSpot confirmed, with their teams as HubSpot lists them. */
export type VerifiedUser = {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly ownerId: string;
  readonly teamIds: readonly string[];
};

const sameEmail = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

const unconfirmed = (claimed: CardUser): StrategyFitError =>
  strategyFitError(
    'not_allowed',
    `Strategy Fit could not confirm who you are: this HubSpot account has no active user ${claimed.id} with the email ${claimed.email ?? '(none)'}. Reload the page; if it persists, ask a HubSpot admin.`,
  );

/** Confirms a card-supplied identity against HubSpot's owners (one request). */
export async function verifyUser(
  rt: Runtime,
  claimed: CardUser,
): Promise<Result<VerifiedUser, StrategyFitError>> {
  if (claimed.email === null || claimed.email.trim() === '') return err(unconfirmed(claimed));
  const owner = await readOwnerByUserId(rt.hs, claimed.id);
  if (!owner.ok) return owner;
  const found = owner.value;
  if (found === null || found.userId !== claimed.id || found.email === null) {
    return err(unconfirmed(claimed));
  }
  if (!sameEmail(found.email, claimed.email)) return err(unconfirmed(claimed));
  return ok({
    userId: claimed.id,
    email: found.email,
    name: `${found.firstName} ${found.lastName}`.trim(),
    ownerId: found.id,
    teamIds: found.teams.map((t) => t.id),
  });
}

/**
 * Only a strategy manager decides exceptions: a user or team the published strategy names in
 * `managers` (teams as HubSpot lists the verified user's). A strategy without managers lets
 * nobody decide.
 */
export function checkManager(
  active: ActiveStrategy,
  user: VerifiedUser,
): Result<true, StrategyFitError> {
  const managers = active.strategy.managers;
  if (managers === undefined || managers.userIds.length + managers.teamIds.length === 0) {
    return err(
      strategyFitError(
        'not_allowed',
        `Nobody can decide exceptions yet: the published strategy (version ${active.version}) names no managers. A manager adds their HubSpot user id (or team id) under "managers" and publishes it again.`,
      ),
    );
  }
  if (isStrategyManager(active.strategy, { userId: user.userId, teamIds: user.teamIds })) {
    return ok(true);
  }
  return err(
    strategyFitError(
      'not_allowed',
      `Only the strategy's managers can approve or reject exceptions, and ${user.email} is not one of them in version ${active.version}. Ask a manager named in the strategy.`,
    ),
  );
}
