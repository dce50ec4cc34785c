// `strategy_rollback`: prepares an earlier version's strategy to be published again, as a new
// version (`source: rollback`), checked against the portal like any publish, on top of the
// version the page showed. A manager's approval in HubSpot publishes it (`strategy_publish_confirm`).
import { err, ok, strategyFitError, StrategyRollbackParams } from '@strategy-fit/core';
import type { PublishOutcome, Result, StrategyFitError } from '@strategy-fit/core';
import { readPublishedStrategy, readStrategyVersion } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import type { Runtime } from '../../lib/runtime.ts';
import { parseEditorParams, readPortalDefinitions, strategyIssues } from './editor-shared.ts';
import { conflictWith, prepareForApproval } from './strategy-publish.ts';

export type StrategyRollbackInput = z.output<typeof StrategyRollbackParams>;

export const parseStrategyRollback = (
  context: unknown,
): Result<StrategyRollbackInput, StrategyFitError> =>
  parseEditorParams(context, StrategyRollbackParams);

export async function rollbackStrategy(
  rt: Runtime,
  input: StrategyRollbackInput,
): Promise<Result<PublishOutcome, StrategyFitError>> {
  const [published, target, definitions] = await Promise.all([
    readPublishedStrategy(rt.hs),
    readStrategyVersion(rt.hs, input.version),
    readPortalDefinitions(rt),
  ]);
  if (!published.ok) return published;
  if (published.value === null) {
    return err(strategyFitError('strategy_not_published', 'Nothing is published to roll back.'));
  }
  const current = published.value;
  const basedOn = input.basedOnVersion ?? current.version;
  if (basedOn !== current.version) return ok(conflictWith(basedOn, current));
  if (!target.ok) return target;
  // Rolling back to the active version (or one equal to it) prepares nothing: it is nothing to
  // publish (`strategy_unchanged`, SCORING §14; preparePendingVersion checks).
  if (!definitions.ok) return definitions;
  const { issues } = strategyIssues(target.value.strategy, definitions.value);
  const [first, ...rest] = issues;
  if (first !== undefined) return ok({ outcome: 'invalid', issues: [first, ...rest] });
  return prepareForApproval(
    rt,
    target.value.strategy,
    { basedOnVersion: current.version, source: 'rollback', rolledBackFrom: target.value.version },
    current,
  );
}
