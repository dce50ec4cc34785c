import { describe, expect, it } from 'vitest';

import { Tier } from './enums.ts';
import { formatAmount, formatDay, formatNumber, plural, TIER_TONE, tierWord } from './format.ts';

describe('numbers for people, the same on every machine', () => {
  it.each([
    [0, '0'],
    [35, '35'],
    [12.5, '12.5'],
    [33.333, '33.33'],
    [0.005, '0.01'],
    [-0.004, '0'],
    [50_000, '50,000'],
    [1_234_567.891, '1,234,567.89'],
    [-2500, '-2,500'],
    [Number.NaN, 'NaN'],
  ])('formatNumber(%d) reads %s (at most 2 decimals)', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it('keeps every decimal when asked (criterion operands), or rounds to fewer', () => {
    expect(formatNumber(0.125, Infinity)).toBe('0.125');
    expect(formatNumber(10_000.125, Infinity)).toBe('10,000.125');
    expect(formatNumber(12.25, 1)).toBe('12.3');
    expect(formatNumber(-12.25, 1)).toBe('-12.3');
  });

  it.each([
    [1_234_567.8, '1,234,568'],
    [0.4, '0'],
    [-1_500.5, '-1,501'],
    [65_536, '65,536'],
  ])('formatAmount(%d) reads %s: whole units', (n, text) => {
    expect(formatAmount(n)).toBe(text);
  });

  it('plural, days and tiers', () => {
    expect([plural(1, 'company', 'companies'), plural(2500, 'deal')]).toEqual([
      '1 company',
      '2,500 deals',
    ]);
    expect(formatDay(Date.UTC(2026, 10, 27, 23, 59))).toBe('2026-11-27');
    expect([tierWord('needs_data'), tierWord(null)]).toEqual(['Needs data', 'Not scored']);
  });

  it('every tier has one colour family: good is green, off strategy is red', () => {
    expect(Object.keys(TIER_TONE)).toEqual(Tier.options);
    expect(TIER_TONE).toMatchInlineSnapshot(`
      {
        "dream": "success",
        "fit": "success",
        "needs_data": "warning",
        "off_strategy": "error",
        "refused": "error",
        "stretch": "info",
      }
    `);
  });
});
