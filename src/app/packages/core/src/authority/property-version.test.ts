import { describe, expect, it } from 'vitest';

import { isAppWritten, verifiedEdit } from './property-version.ts';
import type { PropertyVersion } from './property-version.ts';

const ui = (value: string, atMs: number, userId = '9100001'): PropertyVersion => ({
  value,
  atMs,
  sourceType: 'CRM_UI',
  sourceId: `userId:${userId}`,
  userId,
});
const app = (value: string, atMs: number): PropertyVersion => ({
  value,
  atMs,
  sourceType: 'INTEGRATION',
  sourceId: '2900001',
  userId: null,
});

describe('what HubSpot vouches for: the latest version of a property', () => {
  it('an edit in HubSpot’s UI names the signed-in user', () => {
    expect(verifiedEdit([ui('approve', 20), app('', 10)])).toEqual({
      userId: '9100001',
      value: 'approve',
      atMs: 20,
    });
  });

  it('an app’s write, an import, a workflow or an older edit vouches for nobody', () => {
    expect(verifiedEdit([app('approve', 30), ui('approve', 20)])).toBeNull();
    expect(verifiedEdit([{ ...ui('approve', 20), sourceType: 'IMPORT' }])).toBeNull();
    expect(verifiedEdit([{ ...ui('approve', 20), sourceType: 'AUTOMATION_PLATFORM' }])).toBeNull();
    expect(verifiedEdit([{ ...ui('approve', 20), userId: null }])).toBeNull();
    expect(verifiedEdit([ui('approve', 20)], 20)).toBeNull();
    expect(verifiedEdit([])).toBeNull();
  });

  it('the order HubSpot lists versions in is not relied on', () => {
    expect(verifiedEdit([app('', 10), ui('reject', 20)])?.value).toBe('reject');
  });

  it('a value is the app’s own only when its latest version is a write with the app’s token', () => {
    expect(isAppWritten([app('approved', 30), ui('approved', 20)])).toBe(true);
    expect(isAppWritten([ui('approved', 40), app('requested', 30)])).toBe(false);
    expect(isAppWritten([])).toBe(false);
  });
});
