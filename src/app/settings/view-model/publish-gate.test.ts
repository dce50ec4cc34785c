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

describe('Publish is enabled only for a valid, changed, simulated draft (a manager approves it in HubSpot)', () => {
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
  ])('%j → disabled: %s', (change, reason) => {
    expect(publishGate({ ...base, ...change })).toEqual({ enabled: false, reason });
  });

  it('the first version needs no simulation, and cannot have one', () => {
    const first = { ...base, currentVersion: null, simulated: false };
    expect(publishGate(first)).toEqual({ enabled: true, reason: '' });
    expect(simulateGate(first).enabled).toBe(false);
  });
});
