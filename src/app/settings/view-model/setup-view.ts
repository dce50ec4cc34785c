// What the page says about setup: what it will create (from the load's status), how far it is,
// and what it created or found (from the chunks' reports). Pure.
import { plural, SETUP_STEP_LABELS } from '@strategy-fit/core';
import type { SetupChange, SetupStatus, SetupStep, SetupStepReport } from '@strategy-fit/core';

/** One step as the plan lists it: its label and what it will create or complete. */
export type SetupPlanLine = { step: SetupStep; label: string; text: string };

/** Before setup runs: what each step will do on this portal. */
export const setupPlan = (status: SetupStatus): SetupPlanLine[] =>
  status.steps.map(({ step, missing }) => ({
    step,
    label: SETUP_STEP_LABELS[step],
    text:
      missing.length === 0
        ? 'Already there.'
        : step === 'strategy_store' || step === 'exception_events'
          ? missing.some((m) => !m.includes('.'))
            ? 'To create.'
            : `To complete: ${missing.join(', ')}.`
          : `${plural(missing.length, 'property', 'properties')} to create or complete.`,
  }));

/** How many things setup still lacks on this portal. */
export const missingCount = (status: SetupStatus): number =>
  status.steps.reduce((n, s) => n + s.missing.length, 0);

/** While setup runs: "Step 2 of 4: Deal properties (group “Strategy Fit”)". */
export const setupProgressText = (step: SetupStep, stepsDone: number, stepsTotal: number) =>
  `Step ${Math.min(stepsDone + 1, stepsTotal)} of ${stepsTotal}: ${SETUP_STEP_LABELS[step]}`;

/** One step's outcome: how many things it created, completed and found as they were. */
export type SetupSummaryLine = {
  step: SetupStep;
  label: string;
  created: number;
  updated: number;
  found: number;
  /** Names of what it created or completed. */
  changed: string[];
};

const keyOf = (c: SetupChange): string => `${c.what}\u0000${c.objectType}\u0000${c.name}`;

/**
 * What setup did, per step, over every chunk: a thing created by one chunk and found by the next
 * (a step continued after its time budget) counts as created.
 */
export const setupSummary = (reports: readonly SetupStepReport[]): SetupSummaryLine[] => {
  const byStep = new Map<SetupStep, Map<string, SetupChange>>();
  for (const report of reports) {
    const changes = byStep.get(report.step) ?? new Map<string, SetupChange>();
    for (const change of report.changes) {
      const seen = changes.get(keyOf(change));
      if (seen === undefined || seen.status === 'unchanged') changes.set(keyOf(change), change);
    }
    byStep.set(report.step, changes);
  }
  return [...byStep].map(([step, changes]) => {
    const all = [...changes.values()];
    const count = (status: SetupChange['status']) => all.filter((c) => c.status === status).length;
    return {
      step,
      label: SETUP_STEP_LABELS[step],
      created: count('created'),
      updated: count('updated'),
      found: count('unchanged'),
      changed: all.filter((c) => c.status !== 'unchanged').map((c) => c.name),
    };
  });
};

/** The sentence under the table: "Created 37 and completed 0; 2 were there already." */
export const setupTotalText = (lines: readonly SetupSummaryLine[]): string => {
  const sum = (k: 'created' | 'updated' | 'found') => lines.reduce((n, l) => n + l[k], 0);
  const changed = sum('created') + sum('updated');
  return changed === 0
    ? `Nothing to change: all ${sum('found')} were there already.`
    : `Created ${sum('created')}, completed ${sum('updated')}; ${sum('found')} ${sum('found') === 1 ? 'was' : 'were'} there already.`;
};
