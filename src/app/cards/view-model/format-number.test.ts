import { describe, expect, it } from 'vitest';

import { formatNumber } from './format-number.ts';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [35, '35'],
    [12.5, '12.5'],
    [33.333, '33.33'],
    [50_000, '50,000'],
    [1_234_567.891, '1,234,567.89'],
    [-2500, '-2,500'],
  ])('%d reads %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});
