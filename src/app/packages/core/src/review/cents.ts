import { z } from 'zod';

import type { AmountTotal } from './schema.ts';

/** Amounts are summed in whole cents (integers), so a sum never depends on the order of addition. */
export const toCents = (amount: number): number => Math.round(amount * 100);

/** Back from whole cents to the portal currency. */
export const fromCents = (cents: number): number => cents / 100;

/** A deal's own amount in a row, as JSON would carry it (-0 is 0): a part crosses as JSON. */
export const rowAmount = (amount: number | null): number | null => (amount === 0 ? 0 : amount);

/** A running count and amount of deals; `cents` is exact below 2^53 cents (about 90 trillion). */
export const AmountTally = z.strictObject({
  count: z.number().int().min(0),
  cents: z.number().int().describe('Sum of the known amounts in whole cents'),
  withoutAmount: z.number().int().min(0),
});
export type AmountTally = z.output<typeof AmountTally>;

export const createAmountTally = (): AmountTally => ({ count: 0, cents: 0, withoutAmount: 0 });

/** Counts one deal; an unknown amount counts the deal but adds nothing. */
export const tallyAmount = (tally: AmountTally, amount: number | null): void => {
  tally.count += 1;
  if (amount === null) tally.withoutAmount += 1;
  else tally.cents += toCents(amount);
};

/** The tally of two disjoint sets of deals. */
export const addTallies = (a: AmountTally, b: AmountTally): AmountTally => ({
  count: a.count + b.count,
  cents: a.cents + b.cents,
  withoutAmount: a.withoutAmount + b.withoutAmount,
});

export const amountTotalOf = (tally: AmountTally): AmountTotal => ({
  count: tally.count,
  amount: fromCents(tally.cents),
  withoutAmount: tally.withoutAmount,
});

/** Two records of parts merged key by key; `both` combines the values a key has in each. */
export const mergeRecords = <T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  both: (x: T, y: T) => T,
): Record<string, T> => {
  const merged: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = merged[key];
    merged[key] = mine === undefined ? value : both(mine, value);
  }
  return merged;
};
