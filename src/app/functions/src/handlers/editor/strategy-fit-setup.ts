// `strategy_fit_setup`: setup from the settings page, what `strategy-fit setup` does (the
// adapter's `setupPortal`, one implementation), in chunks that fit HubSpot's function time limit:
// a chunk starts no step and no write after `budgetMs` and answers where the next chunk starts;
// the page calls until `next` is null. Anyone who can open the settings page may run it: it
// creates only Strategy Fit's own properties and custom objects, completes them where they would
// not work, and changes no strategy and no record (docs/security.md).
import { ok, SetupStep, StrategyFitSetupParams } from '@strategy-fit/core';
import type { Result, StrategyFitError, StrategyFitSetupValue } from '@strategy-fit/core';
import { setupPortal } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import type { Runtime } from '../../lib/runtime.ts';
import { parseEditorParams } from './editor-shared.ts';

export type StrategyFitSetupInput = z.output<typeof StrategyFitSetupParams>;

export type SetupChunkOptions = {
  /** After this long (ms since the call began), no step and no write starts. */
  budgetMs: number;
};

/**
 * A chunk stays well inside HubSpot's function time limit (about 10 s, HUBSPOT.md §2.3) and the
 * runtime's 8-s budget: nothing starts after 3 s; a write under way (at most 4 at a time, the
 * adapter's batch concurrency) or a custom object's creation finishes.
 */
export const SETUP_DEFAULTS: SetupChunkOptions = { budgetMs: 3_000 };

export const parseStrategyFitSetup = (
  context: unknown,
): Result<StrategyFitSetupInput, StrategyFitError> =>
  parseEditorParams(context, StrategyFitSetupParams);

export async function runSetupChunk(
  rt: Runtime,
  input: StrategyFitSetupInput,
  options: SetupChunkOptions = SETUP_DEFAULTS,
): Promise<Result<StrategyFitSetupValue, StrategyFitError>> {
  const startedMs = Date.now();
  const run = await setupPortal(rt.hs, {
    budgetMs: options.budgetMs,
    ...(input.from === undefined ? {} : { from: input.from }),
  });
  // The editor's pickers and checks read the definitions this container keeps: read them again.
  rt.definitions.forget();
  if (!run.ok) return run;
  const { done, next, interrupted } = run.value;
  const stepsTotal = SetupStep.options.length;
  return ok({
    done,
    next,
    progress: {
      stepsDone: next === null ? stepsTotal : SetupStep.options.indexOf(next),
      stepsTotal,
    },
    elapsedMs: Math.max(0, Date.now() - startedMs),
    ...(interrupted === undefined
      ? {}
      : { interrupted: { code: interrupted.code, message: interrupted.message } }),
  });
}
