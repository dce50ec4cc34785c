import type { EditorIssue } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { publishGate, simulateGate } from './publish-gate.ts';

const problem: EditorIssue = {
  source: 'portal',
  code: 'property_unknown',
  path: 'x',
  message: 'm',
};
const base = { currentVersion: 3, issues: [], changed: true, simulated: true };

describe('Publish is enabled only for a valid, changed, simulated draft whose focus warnings were acknowledged (a manager approves it in HubSpot)', () => {
  it('enabled', () => {
    expect(publishGate(base)).toEqual({ enabled: true, reason: '' });
  });

  it.each([
    [
      { issues: [problem, problem] },
      'Fix the 2 problems marked in the strategy first: nothing invalid can be published.',
    ],
    [{ changed: false }, 'Nothing to publish: this is the strategy of version 3.'],
    [
      { simulated: false },
      'Simulate first, to see which companies and how much open pipeline change tier.',
    ],
    [{ warnings: 2 }, 'Read the 2 focus warnings of the simulation and acknowledge them first.'],
    [
      { warnings: 1, acknowledged: false },
      'Read the focus warning of the simulation and acknowledge it first.',
    ],
  ])('%j → disabled: %s', (change, reason) => {
    expect(publishGate({ ...base, ...change })).toEqual({ enabled: false, reason });
  });

  it('the editor asks the manager to acknowledge the focus-guard warnings before it prepares a version (SCORING §13)', () => {
    expect(publishGate({ ...base, warnings: 3, acknowledged: true })).toEqual({
      enabled: true,
      reason: '',
    });
  });

  it('the first version is simulated too (every company scored for the first time), then prepared', () => {
    const first = { ...base, currentVersion: null, simulated: false };
    expect(simulateGate(first)).toEqual({ enabled: true, reason: '' });
    expect(publishGate(first)).toEqual({
      enabled: false,
      reason:
        'Simulate first, to see how your companies fall into tiers and what the focus guard says.',
    });
    expect(publishGate({ ...first, simulated: true })).toEqual({ enabled: true, reason: '' });
  });
});
