import { describe, expect, it } from 'vitest';

import { firstItems } from './first-items.ts';

describe('firstItems', () => {
  it('every item without a limit', () => {
    expect(firstItems(['a', 'b'])).toEqual({ shown: ['a', 'b'], more: null });
  });

  it('the first items, and how many more the record tab has', () => {
    expect(firstItems(['a', 'b', 'c', 'd', 'e'], 3)).toEqual({
      shown: ['a', 'b', 'c'],
      more: 'and 2 more on the record tab',
    });
    expect(firstItems(['a', 'b', 'c'], 3)).toEqual({ shown: ['a', 'b', 'c'], more: null });
  });
});
