import type { AmountTotal } from './schema.ts';

/** Amounts are summed in whole cents (integers), so a sum never depends on the order of addition. */
export const toCents = (amount: number): number => Math.round(amount * 100);

/** Back from whole cents to the portal currency. */
export const fromCents = (cents: number): number => cents / 100;

/** A running count and amount of deals; `cents` is exact below 2^53 cents (about 90 trillion). */
export type AmountTally = { count: number; cents: number; withoutAmount: number };

export const createAmountTally = (): AmountTally => ({ count: 0, cents: 0, withoutAmount: 0 });

/** Counts one deal; an unknown amount counts the deal but adds nothing. */
export const tallyAmount = (tally: AmountTally, amount: number | null): void => {
  tally.count += 1;
  if (amount === null) tally.withoutAmount += 1;
  else tally.cents += toCents(amount);
};

export const amountTotalOf = (tally: AmountTally): AmountTotal => ({
  count: tally.count,
  amount: fromCents(tally.cents),
  withoutAmount: tally.withoutAmount,
});
