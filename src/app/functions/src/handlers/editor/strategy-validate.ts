// `strategy_validate`: every issue of a strategy the page holds, in one pass: the schema's (the
// page shows these while the manager types, from the same core) and the portal's for every
// criterion that can be read: properties that do not exist, whose type does not suit the operator
// (SCORING §14), or values that are not options. Reads the property definitions only.
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
  const definitions = await readPortalDefinitions(rt);
  if (!definitions.ok) return definitions;
  const { strategy, issues, portalChecked } = strategyIssues(input.strategy, definitions.value);
  return ok({ valid: strategy !== null && issues.length === 0, issues, portalChecked });
}
