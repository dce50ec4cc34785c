// `strategy_validate`: every issue of a strategy the page holds: the schema's (the page shows
// these while the manager types, from the same core) and, once the schema passes, the portal's:
// properties that do not exist, cannot be read the way the operator compares, or options that
// are not options. Reads the property definitions only; writes nothing.
import { ok, StrategyValidateParams } from '@strategy-fit/core';
import type { Result, StrategyFitError, StrategyValidateValue } from '@strategy-fit/core';
import type { z } from 'zod';

import type { Runtime } from '../../lib/runtime.ts';
import { parseEditorParams, readPortalDefinitions, strategyIssues } from './editor-shared.ts';

export type StrategyValidateInput = z.output<typeof StrategyValidateParams>;

export const parseStrategyValidate = (
  context: unknown,
): Result<StrategyValidateInput, StrategyFitError> =>
  parseEditorParams(context, StrategyValidateParams);

export async function validateStrategy(
  rt: Runtime,
  input: StrategyValidateInput,
): Promise<Result<StrategyValidateValue, StrategyFitError>> {
  const schemaOnly = strategyIssues(input.strategy, null);
  if (schemaOnly.strategy === null) {
    return ok({ valid: false, issues: schemaOnly.issues, portalChecked: false });
  }
  const definitions = await readPortalDefinitions(rt);
  if (!definitions.ok) return definitions;
  const { issues, portalChecked } = strategyIssues(input.strategy, definitions.value);
  return ok({ valid: issues.length === 0, issues, portalChecked });
}
