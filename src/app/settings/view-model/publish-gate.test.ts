import type { EditorIssue, EditorViewer } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { publishGate } from './publish-gate.ts';

const manager: EditorViewer = {
  userId: '1',
  confirmed: true,
  name: 'M',
  isManager: true,
  reason: null,
};
const problem: EditorIssue = {
  source: 'portal',
  code: 'property_unknown',
  path: 'x',
  message: 'm',
};
const base = { viewer: manager, currentVersion: 3, issues: [], changed: true, simulated: true };

describe('Publish is enabled only for a valid, changed, simulated draft of a manager', () => {
  it('enabled', () => {
    expect(publishGate(base)).toEqual({ enabled: true, reason: '' });
  });

  it.each([
    [{ viewer: { ...manager, isManager: false, reason: 'Not a manager.' } }, 'Not a manager.'],
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
});
