// Who may run the page's bulk rescore: a strategy manager of the published strategy, confirmed
// against HubSpot (docs/security.md, "The review page and its functions").
import { err, isStrategyManager, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import type { ActiveStrategy } from '../../lib/active-strategy.ts';
import type { VerifiedUser } from '../../lib/verify-user.ts';

/** A confirmed user named (or in a team named) in the published strategy's `managers`. */
export function checkRescoreManager(
  active: ActiveStrategy,
  user: VerifiedUser,
): Result<true, StrategyFitError> {
  const managers = active.strategy.managers;
  if (managers === undefined || managers.userIds.length + managers.teamIds.length === 0) {
    return err(
      strategyFitError(
        'not_allowed',
        `Nobody can rescore the portal from this page yet: the published strategy (version ${active.version}) names no managers. Cards still rescore the record they open, and \`strategy-fit score --stale-only\` rescores everything.`,
      ),
    );
  }
  if (isStrategyManager(active.strategy, { userId: user.userId, teamIds: user.teamIds })) {
    return ok(true);
  }
  return err(
    strategyFitError(
      'not_allowed',
      `Only the strategy's managers can rescore the whole portal, and ${user.email} is not one of them in version ${active.version}. Cards still rescore each record when it is opened.`,
    ),
  );
}
