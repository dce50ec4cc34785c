// `strategy_rollback`: a strategy manager publishes an earlier version's strategy again, as a new
// version (`source: rollback`), after checking it against the portal as any publish. Only on top
// of the version the page showed, when it names one: no silent overwrite.
import { ok, StrategyRollbackParams } from '@strategy-fit/core';
import type { PublishOutcome, Result, StrategyFitError } from '@strategy-fit/core';
import { readStrategyVersion } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import type { Runtime } from '../../lib/runtime.ts';
import {
  parseEditorParams,
  readPortalDefinitions,
  strategyIssues,
  toVersionSummary,
} from './editor-shared.ts';
import { publishOnto, readPublisher } from './strategy-publish.ts';

export type StrategyRollbackInput = z.output<typeof StrategyRollbackParams>;

export const parseStrategyRollback = (
  context: unknown,
): Result<StrategyRollbackInput, StrategyFitError> =>
  parseEditorParams(context, StrategyRollbackParams);

export async function rollbackStrategy(
  rt: Runtime,
  input: StrategyRollbackInput,
): Promise<Result<PublishOutcome, StrategyFitError>> {
  const [publisher, target, definitions] = await Promise.all([
    readPublisher(rt, input.user),
    readStrategyVersion(rt.hs, input.version),
    readPortalDefinitions(rt),
  ]);
  if (!publisher.ok) return publisher;
  const { published, user } = publisher.value;
  const basedOn = input.basedOnVersion ?? published.version;
  if (basedOn !== published.version) {
    return ok({
      outcome: 'conflict',
      basedOnVersion: basedOn,
      current: toVersionSummary(published),
    });
  }
  if (!target.ok) return target;
  // Rolling back to the active version (or one equal to it) publishes nothing: the adapter's
  // publish answers `strategy_unchanged` (SCORING §14).
  if (!definitions.ok) return definitions;
  const { issues } = strategyIssues(target.value.strategy, definitions.value);
  const [first, ...rest] = issues;
  if (first !== undefined) return ok({ outcome: 'invalid', issues: [first, ...rest] });
  return publishOnto(rt, target.value.strategy, {
    user,
    basedOnVersion: published.version,
    source: 'rollback',
    rolledBackFrom: target.value.version,
  });
}
