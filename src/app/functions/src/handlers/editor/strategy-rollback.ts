// `strategy_rollback`: a strategy manager publishes an earlier version's strategy again, as a new
// version (`source: rollback`), after checking it against the portal as any publish. Only on top
// of the version the page showed, when it names one: no silent overwrite.
import { err, ok, strategyFitError, StrategyRollbackParams } from '@strategy-fit/core';
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
  if (target.value.version === published.version) {
    return err(
      strategyFitError(
        'invalid_input',
        `Version ${input.version} is already the current strategy; there is nothing to roll back to.`,
        { path: 'version' },
      ),
    );
  }
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
