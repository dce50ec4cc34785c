// `strategy_publish`: a strategy manager publishes the strategy they edited as a new version, on
// top of the version they started from. Refused, and nothing written, when the user is not a
// manager of the currently published version (checked against HubSpot's owners), when someone
// published since (the answer says who and when), or when the strategy has any issue (all of
// them are answered, with their paths).
import { err, ok, strategyFitError, StrategyPublishParams } from '@strategy-fit/core';
import type { PublishOutcome, Result, Strategy, StrategyFitError } from '@strategy-fit/core';
import { publishStrategyIfCurrent, readPublishedStrategy } from '@strategy-fit/hubspot';
import type { StoredStrategy } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import type { Runtime } from '../../lib/runtime.ts';
import { verifyUser } from '../../lib/verify-user.ts';
import type { VerifiedUser } from '../../lib/verify-user.ts';
import {
  checkPublisher,
  parseEditorParams,
  publisherOf,
  readPortalDefinitions,
  strategyIssues,
  toVersionSummary,
} from './editor-shared.ts';

export type StrategyPublishInput = z.output<typeof StrategyPublishParams>;

export const parseStrategyPublish = (
  context: unknown,
): Result<StrategyPublishInput, StrategyFitError> =>
  parseEditorParams(context, StrategyPublishParams);

/** The published version and a confirmed manager of it, or why not (`not_allowed`). */
export async function readPublisher(
  rt: Runtime,
  claimed: StrategyPublishInput['user'],
): Promise<Result<{ published: StoredStrategy; user: VerifiedUser }, StrategyFitError>> {
  const [published, user] = await Promise.all([
    readPublishedStrategy(rt.hs),
    verifyUser(rt, claimed),
  ]);
  if (!published.ok) return published;
  if (!user.ok) return user;
  const allowed = checkPublisher(published.value, user.value);
  if (!allowed.ok) return allowed;
  if (published.value === null) {
    return err(strategyFitError('hubspot_error', 'No published version after the check.'));
  }
  return ok({ published: published.value, user: user.value });
}

/**
 * Publishes `strategy` as version `basedOnVersion + 1`, or answers the version that got there
 * first. Shared by publish and rollback.
 */
export async function publishOnto(
  rt: Runtime,
  strategy: Strategy,
  meta: {
    user: VerifiedUser;
    basedOnVersion: number;
    source: 'publish' | 'rollback';
    rolledBackFrom?: number;
  },
): Promise<Result<PublishOutcome, StrategyFitError>> {
  const guarded = await publishStrategyIfCurrent(rt.hs, strategy, {
    publishedBy: publisherOf(meta.user),
    nowMs: rt.now(),
    basedOnVersion: meta.basedOnVersion,
    source: meta.source,
    ...(meta.rolledBackFrom === undefined ? {} : { rolledBackFrom: meta.rolledBackFrom }),
  });
  if (!guarded.ok) return guarded;
  if (guarded.value.kind === 'published') {
    return ok({ outcome: 'published', version: toVersionSummary(guarded.value.stored) });
  }
  const current = guarded.value.current;
  if (current === null) {
    return err(
      strategyFitError(
        'hubspot_error',
        'The strategy versions could not be read after a refused publish. Reload the page.',
      ),
    );
  }
  return ok({
    outcome: 'conflict',
    basedOnVersion: meta.basedOnVersion,
    current: toVersionSummary(current),
  });
}

export async function publishStrategyVersion(
  rt: Runtime,
  input: StrategyPublishInput,
): Promise<Result<PublishOutcome, StrategyFitError>> {
  const [publisher, definitions] = await Promise.all([
    readPublisher(rt, input.user),
    readPortalDefinitions(rt),
  ]);
  if (!publisher.ok) return publisher;
  const { published, user } = publisher.value;
  if (input.basedOnVersion !== published.version) {
    return ok({
      outcome: 'conflict',
      basedOnVersion: input.basedOnVersion,
      current: toVersionSummary(published),
    });
  }
  if (!definitions.ok) return definitions;
  const { strategy, issues } = strategyIssues(input.strategy, definitions.value);
  if (strategy === null || issues.length > 0) {
    const [first, ...rest] = issues;
    if (first === undefined)
      return err(strategyFitError('strategy_invalid', 'The strategy is not valid.'));
    return ok({ outcome: 'invalid', issues: [first, ...rest] });
  }
  return publishOnto(rt, strategy, {
    user,
    basedOnVersion: published.version,
    source: 'publish',
  });
}
