// Whether Publish is enabled, and if not, why: nothing invalid, unchanged or unsimulated is ever
// prepared, nor anything whose focus-guard warnings (SCORING §13) the manager has not
// acknowledged (the functions check the rest again; a manager's approval in HubSpot publishes).
// Pure.
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
  /** The focus-guard warnings of that simulation (SCORING §13); 0 without a simulation. */
  readonly warnings?: number;
  /** The manager acknowledged those warnings for this exact draft. */
  readonly acknowledged?: boolean;
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
  if (!g.simulated) {
    return {
      enabled: false,
      reason:
        g.currentVersion === null
          ? 'Simulate first, to see how your companies fall into tiers and what the focus guard says.'
          : 'Simulate first, to see which companies and how much open pipeline change tier.',
    };
  }
  const warnings = g.warnings ?? 0;
  if (warnings > 0 && g.acknowledged !== true) {
    return {
      enabled: false,
      reason: `Read the ${warnings === 1 ? 'focus warning' : `${warnings} focus warnings`} of the simulation and acknowledge ${warnings === 1 ? 'it' : 'them'} first.`,
    };
  }
  return { enabled: true, reason: '' };
};

/**
 * Whether Simulate may start, and if not, why: the same rules, up to the simulation itself. The
 * first version simulates too: every company is scored for the first time.
 */
export const simulateGate = (
  g: Omit<GateInput, 'simulated' | 'warnings' | 'acknowledged'>,
): PublishGate => publishGate({ ...g, simulated: true });
