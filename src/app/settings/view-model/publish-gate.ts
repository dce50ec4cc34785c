// Whether Publish is enabled, and if not, why: nothing invalid, unchanged, unsimulated or by a
// non-manager is ever sent (the functions check all of it again). Pure.
import type { EditorIssue, EditorViewer } from '@strategy-fit/core';

export type PublishGate = { readonly enabled: boolean; readonly reason: string };

export type GateInput = {
  readonly viewer: EditorViewer;
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
  if (!g.viewer.isManager) {
    return { enabled: false, reason: g.viewer.reason ?? 'Only strategy managers may publish.' };
  }
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
  if (!g.simulated) {
    return {
      enabled: false,
      reason: 'Simulate first, to see which companies and how much open pipeline change tier.',
    };
  }
  return { enabled: true, reason: '' };
};

/** Whether Simulate may start, and if not, why: the same rules, up to the simulation itself. */
export const simulateGate = (g: Omit<GateInput, 'simulated'>): PublishGate =>
  publishGate({ ...g, simulated: true });
