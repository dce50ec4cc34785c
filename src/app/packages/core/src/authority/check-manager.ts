// The one rule for who is a strategy manager (SCORING §14): a HubSpot user named in the published
// strategy's `managers.userIds`, or a member of a team named in `managers.teamIds` (teams as
// HubSpot lists the user's). The user id must come from HubSpot (a verified edit), never a card.
import type { StrategyFitError } from '../errors.ts';
import { strategyFitError } from '../errors.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { isStrategyManager } from '../strategy/managers.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';

/** What only a manager of the published strategy may do. */
export type ManagerAction = 'decide' | 'publish' | 'rollback';

const WHAT: Record<ManagerAction, string> = {
  decide: 'approve or reject exceptions',
  publish: 'publish a new strategy version',
  rollback: 'roll the strategy back',
};

/** A user as HubSpot knows them: the id from a verified edit, name and teams from its owners. */
export type KnownUser = {
  readonly userId: string;
  readonly name: string;
  readonly teamIds: readonly string[];
};

/** Whether `user` may do `action` under the published version (`not_allowed` with why, if not). */
export function checkManager(
  published: { readonly version: number; readonly strategy: Pick<Strategy, 'managers'> },
  user: KnownUser,
  action: ManagerAction,
): Result<true, StrategyFitError> {
  const managers = published.strategy.managers;
  if (managers === undefined || managers.userIds.length + managers.teamIds.length === 0) {
    return err(
      strategyFitError(
        'not_allowed',
        `Nobody can ${WHAT[action]} here: the published strategy (version ${published.version}) names no managers. The portal's admin publishes a version that names them with \`strategy-fit strategy publish\`.`,
      ),
    );
  }
  if (isStrategyManager(published.strategy, user)) return ok(true);
  return err(
    strategyFitError(
      'not_allowed',
      `Only the strategy's managers can ${WHAT[action]}, and ${user.name === '' ? `user ${user.userId}` : user.name} is not one of them in version ${published.version}. Ask one of them.`,
    ),
  );
}
