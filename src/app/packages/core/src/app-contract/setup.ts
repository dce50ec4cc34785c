import { z } from 'zod';

import { functionResponse } from './schema.ts';

// The contract of setup from the settings page (`strategy_fit_setup`, docs/install.md): what
// `strategy-fit setup` does, in steps, so that a call fits HubSpot's function time limit and the
// page calls again until nothing is left. The CLI runs the same steps (the adapter's
// `setupPortal`); both sides parse with these schemas.

/** Setup's steps, in the order they run; a chunk's cursor names the step to continue with. */
export const SetupStep = z.enum([
  'company_properties',
  'deal_properties',
  'strategy_store',
  'exception_events',
]);
export type SetupStep = z.output<typeof SetupStep>;

/** How the page and the CLI name each step. */
export const SETUP_STEP_LABELS: Readonly<Record<SetupStep, string>> = {
  company_properties: 'Company properties (group “Strategy Fit”)',
  deal_properties: 'Deal properties (group “Strategy Fit”)',
  strategy_store: 'Strategy store (custom object strategy_fit_strategy)',
  exception_events:
    'Exception events, the audit trail (custom object strategy_fit_exception_event)',
};

/** What a step did to one thing: a property group, a property or a custom object. */
export const SetupChange = z.strictObject({
  what: z.enum(['property_group', 'property', 'custom_object']),
  objectType: z
    .string()
    .describe('Where it is: companies, deals, or the custom object’s name for its own properties'),
  name: z.string().describe('Internal name, e.g. strategy_fit_score or strategy_fit_strategy'),
  status: z
    .enum(['created', 'updated', 'unchanged'])
    .describe('unchanged: it was there already, as setup wants it (found)'),
  objectTypeId: z.string().optional().describe("A custom object's type id in HubSpot (2-…)"),
});
export type SetupChange = z.output<typeof SetupChange>;

/** One step's share of a chunk: what it changed or found, and whether it is finished. */
export const SetupStepReport = z.strictObject({
  step: SetupStep,
  complete: z
    .boolean()
    .describe('false: the chunk’s time budget ended inside the step; the next chunk finishes it'),
  changes: z.array(SetupChange),
});
export type SetupStepReport = z.output<typeof SetupStepReport>;

/** What a portal still lacks, per step (empty `missing`: the step has nothing to do). */
export const SetupStatus = z.strictObject({
  complete: z.boolean().describe('Every step has nothing to do: the portal is set up'),
  steps: z.array(
    z.strictObject({
      step: SetupStep,
      missing: z
        .array(z.string())
        .describe('Properties or custom objects to create or complete, by internal name'),
    }),
  ),
});
export type SetupStatus = z.output<typeof SetupStatus>;

/** `strategy_fit_setup` input: where the previous chunk stopped (nothing: from the start). */
export const StrategyFitSetupParams = z.strictObject({ from: SetupStep.optional() });
export type StrategyFitSetupParams = z.input<typeof StrategyFitSetupParams>;

/** One chunk of setup: the steps it worked on and where the next chunk starts. */
export const StrategyFitSetupValue = z.strictObject({
  done: z.array(SetupStepReport).describe('The steps this chunk worked on, in order'),
  next: SetupStep.nullable().describe('null: setup is complete'),
  progress: z.strictObject({
    stepsDone: z.number().int().min(0),
    stepsTotal: z.number().int().min(1),
  }),
  elapsedMs: z.number().min(0).describe("The function's own time for this chunk"),
  interrupted: z
    .strictObject({ code: z.string(), message: z.string() })
    .optional()
    .describe(
      'A step failed after others of this chunk were done: they are reported, `next` retries the failed one',
    ),
});
export type StrategyFitSetupValue = z.output<typeof StrategyFitSetupValue>;
export const StrategyFitSetupResponse = functionResponse(StrategyFitSetupValue);
export type StrategyFitSetupResponse = z.output<typeof StrategyFitSetupResponse>;
