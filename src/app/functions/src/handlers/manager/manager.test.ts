// The pieces of the manager functions that need no sandbox: the rescore and review cursors.
import { describe, expect, it } from 'vitest';

import { decodeRescoreCursor, encodeRescoreCursor } from './rescore-cursor.ts';
import { decodeReviewCursor, encodeReviewCursor } from './review-cursor.ts';

describe('the rescore cursor', () => {
  it('round-trips version, phase and the search cursor, and refuses anything else', () => {
    for (const position of [
      { version: 3, phase: 'companies', search: null },
      { version: 12, phase: 'deals', search: '4512:800' },
    ] as const) {
      expect(decodeRescoreCursor(encodeRescoreCursor(position))).toEqual(position);
    }
    expect(encodeRescoreCursor({ version: 3, phase: 'deals', search: '4512:800' })).toBe(
      '3.d.4512:800',
    );
    for (const bad of ['', '3', '0.c.', '3.x.', '3.c.abc', '3.c.1:2;DROP']) {
      expect(decodeRescoreCursor(bad)).toBeNull();
    }
  });
});

describe('the review cursor', () => {
  it('round-trips version, "now", phase and page, and refuses anything else', () => {
    for (const position of [
      { version: 3, nowMs: 1_798_000_000_000, phase: 'companies', page: null },
      { version: 12, nowMs: 1, phase: 'deals', page: '4512' },
      { version: 2, nowMs: 1_798_000_000_000, phase: 'exceptions', page: '4512:800' },
    ] as const) {
      expect(decodeReviewCursor(encodeReviewCursor(position))).toEqual(position);
    }
    expect(encodeReviewCursor({ version: 3, nowMs: 7, phase: 'deals', page: '4512' })).toBe(
      '3.7.d.4512',
    );
    for (const bad of ['', '3.7', '0.7.c.', '3.7.x.', '3..c.', '3.7.c.abc', '3.7.c.1:2;DROP']) {
      expect(decodeReviewCursor(bad)).toBeNull();
    }
  });
});
