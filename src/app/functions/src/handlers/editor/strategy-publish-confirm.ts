// `strategy_publish_confirm`: publishes a prepared version once HubSpot says a manager approved it
// (they set “Approval” on the prepared record in HubSpot's UI; docs/security.md). Before the
// first version, the approver must be named in it (SCORING §14); afterwards they must be a
// manager of the published version, and a version that would not name them needs the explicit
// “I am not one of its managers” approval. The version is `basedOnVersion + 1` or nothing.
import {
  checkPublishApproval,
  err,
  ok,
  parseStrategy,
  strategyFitError,
  StrategyPublishConfirmParams,
  verifiedEdit,
} from '@strategy-fit/core';
import type { PublishOutcome, Result, StrategyFitError } from '@strategy-fit/core';
import {
  APPROVAL_PROPERTY,
  consumePendingVersion,
  publishStrategyIfCurrent,
  readPendingVersion,
  readPublishedStrategy,
} from '@strategy-fit/hubspot';
import type { z } from 'zod';

import { knownUser } from '../../lib/hubspot-user.ts';
import type { Runtime } from '../../lib/runtime.ts';
import { parseEditorParams, publisherOf, toVersionSummary } from './editor-shared.ts';
import { conflictWith } from './strategy-publish.ts';

export type StrategyPublishConfirmInput = z.output<typeof StrategyPublishConfirmParams>;

export const parseStrategyPublishConfirm = (
  context: unknown,
): Result<StrategyPublishConfirmInput, StrategyFitError> =>
  parseEditorParams(context, StrategyPublishConfirmParams);

const numberOf = (text: string | null | undefined): number | null =>
  text === null || text === undefined || text.trim() === '' ? null : Number(text);

export async function confirmPublish(
  rt: Runtime,
  input: StrategyPublishConfirmInput,
): Promise<Result<PublishOutcome, StrategyFitError>> {
  const [pending, published] = await Promise.all([
    readPendingVersion(rt.hs, input.pendingId),
    readPublishedStrategy(rt.hs),
  ]);
  if (!pending.ok) return pending;
  if (!published.ok) return published;
  const { properties, history } = pending.value;
  const strategy = parseStrategy(properties['strategy_json'] ?? '');
  if (!strategy.ok) {
    return err(
      strategyFitError('not_allowed', 'This prepared version holds no valid strategy any more.'),
    );
  }
  const approval = verifiedEdit(history[APPROVAL_PROPERTY] ?? []);
  const approver = approval === null ? null : await knownUser(rt, approval.userId);
  if (approver !== null && !approver.ok) return approver;
  const made = Object.fromEntries(
    Object.entries(history).filter(([name]) => name !== APPROVAL_PROPERTY),
  );
  const source = properties['source'] === 'rollback' ? 'rollback' : 'publish';
  const checked = checkPublishApproval({
    pending: {
      history: made,
      status: properties['status'] ?? null,
      source,
      strategy: strategy.value,
    },
    approval,
    approver: approver?.value ?? null,
    published: published.value,
  });
  if (!checked.ok) return checked;
  if (approver === null) return err(strategyFitError('not_verified', 'Nobody approved it.'));
  const basedOn = numberOf(properties['based_on_version']);
  if (published.value !== null && basedOn !== published.value.version) {
    return ok(conflictWith(basedOn, published.value));
  }
  const rolledBackFrom = numberOf(properties['rolled_back_from']);
  const guarded = await publishStrategyIfCurrent(rt.hs, strategy.value, {
    publishedBy: publisherOf(approver.value),
    nowMs: rt.now(),
    basedOnVersion: basedOn ?? 0,
    source,
    ...(rolledBackFrom === null ? {} : { rolledBackFrom }),
  });
  if (!guarded.ok) return guarded;
  if (guarded.value.kind === 'conflict') {
    const current = guarded.value.current;
    if (current === null) {
      return err(strategyFitError('hubspot_error', 'The strategy versions could not be read.'));
    }
    return ok({ outcome: 'conflict', basedOnVersion: basedOn, current: toVersionSummary(current) });
  }
  const consumed = await consumePendingVersion(rt.hs, pending.value, guarded.value.stored.version);
  if (!consumed.ok) return consumed;
  return ok({ outcome: 'published', version: toVersionSummary(guarded.value.stored) });
}
