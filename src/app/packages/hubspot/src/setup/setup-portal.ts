// Setup, one implementation for the CLI (`strategy-fit setup`, all at once) and the settings page
// (`strategy_fit_setup`, in chunks that fit HubSpot's function time limit): the strategy_fit
// property group and properties on companies, then on deals (SCORING §8), the strategy store and
// the exception events (custom objects). Every step reads what exists first and only creates or
// completes what is missing, so a step run again, or cut off half-way, does no harm.
import { err, ok, SetupStep } from '@strategy-fit/core';
import type { Result, SetupChange, SetupStepReport, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from '../create-client.ts';
import type { WriteGate } from '../ensure-properties.ts';
import { ensureFitPropertiesOf } from '../ensure-fit-properties.ts';
import { ensureExceptionEventStore } from '../exception-events/ensure-event-store.ts';
import { EVENT_DEFINITION } from '../exception-events/event-schema.ts';
import { ensureStrategyStore } from '../strategy-store/ensure-strategy-store.ts';
import { STORE_DEFINITION } from '../strategy-store/store-schema.ts';

export type SetupOptions = {
  /** The step to start with (a previous chunk's `next`); default the first. */
  from?: SetupStep;
  /**
   * After this many ms of the call, no step and no write starts (the first write always does, so
   * every call makes progress). Default: no limit (the CLI).
   */
  budgetMs?: number;
  /** The clock (tests). */
  now?: () => number;
};

export type SetupRun = {
  /** The steps this call worked on, in order. */
  done: SetupStepReport[];
  /** Where the next call starts; null when setup is complete. */
  next: SetupStep | null;
  /** A step failed after others of this call were done (they are in `done`). */
  interrupted?: StrategyFitError;
};

type CustomObjectEnsured = { created: boolean; objectTypeId: string; updated: string[] };

const customObjectChanges = (name: string, ensured: CustomObjectEnsured): SetupChange[] => [
  {
    what: 'custom_object',
    objectType: name,
    name,
    status: ensured.created ? 'created' : ensured.updated.length > 0 ? 'updated' : 'unchanged',
    objectTypeId: ensured.objectTypeId,
  },
  ...ensured.updated.map((property): SetupChange => ({
    what: 'property',
    objectType: name,
    name: property,
    status: 'updated',
  })),
];

/**
 * Runs one step; `complete` is false when the gate stopped one of its writes. A custom object is
 * one write (its schema with every property), so its step always completes.
 */
export async function runSetupStep(
  hs: HubSpot,
  step: SetupStep,
  gate: WriteGate,
): Promise<Result<SetupStepReport, StrategyFitError>> {
  switch (step) {
    case 'company_properties':
    case 'deal_properties': {
      const objectType = step === 'company_properties' ? 'companies' : 'deals';
      const ensured = await ensureFitPropertiesOf(hs, objectType, gate);
      return ensured.ok ? ok({ step, ...ensured.value }) : ensured;
    }
    case 'strategy_store': {
      const ensured = await ensureStrategyStore(hs);
      if (!ensured.ok) return ensured;
      return ok({
        step,
        complete: true,
        changes: customObjectChanges(STORE_DEFINITION.name, ensured.value),
      });
    }
    case 'exception_events': {
      const ensured = await ensureExceptionEventStore(hs);
      if (!ensured.ok) return ensured;
      return ok({
        step,
        complete: true,
        changes: customObjectChanges(EVENT_DEFINITION.name, ensured.value),
      });
    }
    default:
      return step satisfies never;
  }
}

/**
 * Runs setup's steps from `from`, in order, until they are all done or the time budget is spent
 * (see `SetupOptions.budgetMs`). A failure of the first step is the answer; a failure after
 * other steps were done answers them, with `next` at the failed step and `interrupted`.
 */
export async function setupPortal(
  hs: HubSpot,
  options: SetupOptions = {},
): Promise<Result<SetupRun, StrategyFitError>> {
  const now = options.now ?? Date.now;
  const startedMs = now();
  const budgetMs = options.budgetMs ?? Number.POSITIVE_INFINITY;
  const inBudget = (): boolean => now() - startedMs < budgetMs;
  let writes = 0;
  const gate: WriteGate = {
    mayWrite: () => writes === 0 || inBudget(),
    wrote: () => {
      writes += 1;
    },
  };
  const steps = SetupStep.options.slice(
    SetupStep.options.indexOf(options.from ?? 'company_properties'),
  );
  const done: SetupStepReport[] = [];
  for (const step of steps) {
    if (done.length > 0 && !inBudget()) return ok({ done, next: step });
    const report = await runSetupStep(hs, step, gate);
    if (!report.ok) {
      return done.length === 0
        ? err(report.error)
        : ok({ done, next: step, interrupted: report.error });
    }
    done.push(report.value);
    if (!report.value.complete) return ok({ done, next: step });
  }
  return ok({ done, next: null });
}
