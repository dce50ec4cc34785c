// Whether Publish is enabled, and if not, why: nothing invalid, unchanged or unsimulated is ever
// prepared (the functions check it again; a manager's approval in HubSpot publishes). Pure.
import type { EditorIssue } from '@strategy-fit/core';

export type PublishGate = { readonly enabled: boolean; readonly reason: string };

export type GateInput = {
  readonly currentVersion: number | null;
  /** Every issue of the draft now: the schema's, and the portal's of this exact draft. */
  readonly issues: readonly EditorIssue[];
  /** The draft differs from the published strategy. */
  readonly changed: boolean;
  /** A finished simulation of this exact draft. */
  readonly simulated: boolean;
};

const problems = (n: number): string => (n === 1 ? '1 problem' : `${n} problems`);

/** The first reason that forbids publishing, in the order a manager fixes them. */
export const publishGate = (g: GateInput): PublishGate => {
  if (g.issues.length > 0) {
    return {
      enabled: false,
      reason: `Fix the ${problems(g.issues.length)} marked in the strategy first: nothing invalid can be published.`,
    };
  }
  if (!g.changed) {
    return {
      enabled: false,
      reason: `Nothing to publish: this is the strategy of version ${g.currentVersion ?? '?'}.`,
    };
  }
  // The first version has nothing to be compared with: it is published without a simulation.
  if (!g.simulated && g.currentVersion !== null) {
    return {
      enabled: false,
      reason: 'Simulate first, to see which companies and how much open pipeline change tier.',
    };
  }
  return { enabled: true, reason: '' };
};

/** Whether Simulate may start, and if not, why: the same rules, up to the simulation itself. */
export const simulateGate = (g: Omit<GateInput, 'simulated'>): PublishGate =>
  g.currentVersion === null
    ? {
        enabled: false,
        reason: 'Nothing is published yet, so there is nothing to compare the first version with.',
      }
    : publishGate({ ...g, simulated: true });
