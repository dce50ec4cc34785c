// Who may publish a prepared version (SCORING §14, issue 10): the approval HubSpot says a user set
// on the pending version in HubSpot's UI, after it was prepared, on a pending version nobody
// changed. Before the first version there are no managers: the approver must be named in version
// 1. Afterwards the approver must be a manager of the published version; a version that would not
// name them needs their explicit confirmation (the second approval option).
import type { StrategyFitError } from '../errors.ts';
import { strategyFitError } from '../errors.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { isStrategyManager } from '../strategy/managers.ts';
import type { Strategy } from '../strategy/strategy-schema.ts';
import { checkManager } from './check-manager.ts';
import type { KnownUser } from './check-manager.ts';
import { describeVersion, isAppWritten, verifiedEdit } from './property-version.ts';
import type { PropertyVersion, VerifiedEdit } from './property-version.ts';

/** The approval options a manager sets on a pending version. */
export type ApprovalValue = 'approve' | 'approve_not_manager';

export type PendingFacts = {
  /** Every version of each property that makes the pending version, except the approval. */
  readonly history: Readonly<Record<string, readonly PropertyVersion[]>>;
  readonly status: string | null;
  readonly source: 'publish' | 'rollback';
  readonly strategy: Strategy;
};

const APPROVE_FIELD = '“Approval”';

/** The first moment the pending version existed (its `status` was written), or null. */
const preparedAt = (history: PendingFacts['history']): number | null => {
  const versions = history['status'] ?? [];
  return versions.reduce<number | null>(
    (min, v) => (min === null || v.atMs < min ? v.atMs : min),
    null,
  );
};

/**
 * Refused (`not_allowed`) when any version of a property that makes the pending version is not
 * the app's own write (a hand edit, an import, a workflow); null when the app alone wrote it.
 */
export function pendingChangedOutside(history: PendingFacts['history']): StrategyFitError | null {
  for (const [name, versions] of Object.entries(history)) {
    const foreign = versions.find((v) => !isAppWritten([v]));
    if (foreign !== undefined) {
      return strategyFitError(
        'not_allowed',
        `This prepared version was changed outside Strategy Fit (${name} set by ${describeVersion(foreign)}), so it cannot be published. Prepare it again on the settings page.`,
      );
    }
  }
  return null;
}

/** When a manager approved it: HubSpot's verified edit of “Approval” after it was prepared. */
export const approvalOf = (
  history: PendingFacts['history'],
  approval: readonly PropertyVersion[],
): VerifiedEdit | null => verifiedEdit(approval, preparedAt(history) ?? Number.NEGATIVE_INFINITY);

/** Whether `approver` may publish `pending` on top of `published` (null: nothing published yet). */
export function checkPublishApproval(input: {
  pending: PendingFacts;
  approval: VerifiedEdit | null;
  approver: KnownUser | null;
  published: { readonly version: number; readonly strategy: Pick<Strategy, 'managers'> } | null;
}): Result<{ confirmedNotManager: boolean }, StrategyFitError> {
  const { pending, approval, approver, published } = input;
  const changed = pendingChangedOutside(pending.history);
  if (changed !== null) return err(changed);
  if (pending.status !== 'pending') {
    return err(
      strategyFitError(
        'conflict',
        'This prepared version was already published (or given up); one approval publishes once. Prepare it again to publish it again.',
      ),
    );
  }
  const managers = pending.strategy.managers;
  if (managers === undefined || managers.userIds.length + managers.teamIds.length === 0) {
    return err(
      strategyFitError(
        'invalid_input',
        'A version must name at least one manager (a user or a team) under managers (SCORING §14).',
        { path: 'managers' },
      ),
    );
  }
  const since = preparedAt(pending.history) ?? Number.NEGATIVE_INFINITY;
  if (approval === null || approval.atMs <= since || approver === null) {
    return err(
      strategyFitError(
        'not_verified',
        `Open the prepared version in HubSpot and set ${APPROVE_FIELD}: HubSpot records who approves, and that is who publishes.`,
        { path: 'approval' },
      ),
    );
  }
  const value = approval.value as ApprovalValue;
  if (value !== 'approve' && value !== 'approve_not_manager') {
    return err(strategyFitError('invalid_input', `${APPROVE_FIELD} is “${approval.value}”.`));
  }
  const named = isStrategyManager(pending.strategy, approver);
  if (published === null) {
    if (!named) {
      return err(
        strategyFitError(
          'not_allowed',
          `The first version must name who publishes it as a manager (SCORING §14), and it does not name ${approver.name}. Add yourself under managers, prepare it again and approve it.`,
        ),
      );
    }
  } else {
    const manager = checkManager(
      published,
      approver,
      pending.source === 'rollback' ? 'rollback' : 'publish',
    );
    if (!manager.ok) return manager;
  }
  if (!named && value !== 'approve_not_manager') {
    return err(
      strategyFitError(
        'not_allowed',
        `This version does not name ${approver.name} as a manager: after it, they could no longer publish. To publish it anyway, set ${APPROVE_FIELD} to “Approve: publish it, I am not one of its managers”.`,
      ),
    );
  }
  return ok({ confirmedNotManager: !named });
}
