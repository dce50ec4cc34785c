// `strategy_publish`: prepares the strategy edited on the settings page for publishing, on top of
// the version it was edited from. Anyone who can open the page may prepare one; only a manager's
// approval in HubSpot publishes it (`strategy_publish_confirm`, docs/security.md). Refused, and
// nothing written, when someone published since (the answer says who and when), when the
// strategy has any issue (all of them in one pass, with their paths), or when it equals the
// published version (`strategy_unchanged`, SCORING §14: nothing to publish).
import { err, ok, strategyFitError, StrategyPublishParams } from '@strategy-fit/core';
import type {
  EditorIssue,
  PublishOutcome,
  Result,
  Strategy,
  StrategyFitError,
} from '@strategy-fit/core';
import { listOwners, preparePendingVersion, readPublishedStrategy } from '@strategy-fit/hubspot';
import type { PendingMeta, StoredStrategy } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import type { Runtime } from '../../lib/runtime.ts';
import {
  parseEditorParams,
  readPortalDefinitions,
  strategyIssues,
  toVersionSummary,
} from './editor-shared.ts';
import { resolveManagerIds } from './manager-refs.ts';
import { pendingVersionOf } from './pending-view.ts';

export type StrategyPublishInput = z.output<typeof StrategyPublishParams>;

export const parseStrategyPublish = (
  context: unknown,
): Result<StrategyPublishInput, StrategyFitError> =>
  parseEditorParams(context, StrategyPublishParams);

/** The answer when the version the page started from is no longer the current one. */
export const conflictWith = (
  basedOnVersion: number | null,
  published: StoredStrategy,
): PublishOutcome => ({
  outcome: 'conflict',
  basedOnVersion,
  current: toVersionSummary(published),
});

const MANAGERS_ISSUE: EditorIssue = {
  source: 'schema',
  code: 'required',
  path: 'managers',
  message: 'A version must name at least one manager (a user or a team) (SCORING §14).',
};

const namesNoManager = (strategy: Strategy): boolean =>
  (strategy.managers?.userIds.length ?? 0) + (strategy.managers?.teamIds.length ?? 0) === 0;

/**
 * Stores a checked strategy for a manager's approval; answers where to approve it. One equal to
 * the published version is nothing to publish (`strategy_unchanged`): nothing is prepared.
 */
export async function prepareForApproval(
  rt: Runtime,
  strategy: Strategy,
  meta: Omit<PendingMeta, 'nowMs'>,
  published: StoredStrategy | null,
): Promise<Result<PublishOutcome, StrategyFitError>> {
  const prepared = await preparePendingVersion(
    rt.hs,
    strategy,
    { ...meta, nowMs: rt.now() },
    published,
  );
  if (!prepared.ok) return prepared;
  return ok({
    outcome: 'awaiting_approval',
    pending: pendingVersionOf(prepared.value.store, prepared.value.recordId, {
      basedOnVersion: published?.version ?? null,
      source: meta.source,
    }),
  });
}

export async function publishStrategyVersion(
  rt: Runtime,
  input: StrategyPublishInput,
): Promise<Result<PublishOutcome, StrategyFitError>> {
  const [published, definitions, owners] = await Promise.all([
    readPublishedStrategy(rt.hs),
    readPortalDefinitions(rt),
    listOwners(rt.hs),
  ]);
  if (!published.ok) return published;
  const current = published.value;
  if (input.basedOnVersion !== (current?.version ?? null)) {
    if (current === null) {
      return err(
        strategyFitError('conflict', 'No strategy is published any more. Reload the page.'),
      );
    }
    return ok(conflictWith(input.basedOnVersion, current));
  }
  if (!definitions.ok) return definitions;
  if (!owners.ok) return owners;
  const resolved = resolveManagerIds(input.strategy, current?.strategy ?? null, owners.value);
  const checked = strategyIssues(resolved.strategy, definitions.value);
  const issues = [
    ...checked.issues,
    ...resolved.issues,
    ...(checked.strategy !== null && namesNoManager(checked.strategy) ? [MANAGERS_ISSUE] : []),
  ];
  const [first, ...rest] = issues;
  if (first !== undefined) return ok({ outcome: 'invalid', issues: [first, ...rest] });
  if (checked.strategy === null) {
    return err(strategyFitError('strategy_invalid', 'The strategy is not valid.'));
  }
  return prepareForApproval(
    rt,
    checked.strategy,
    { basedOnVersion: current?.version ?? null, source: 'publish' },
    current,
  );
}
