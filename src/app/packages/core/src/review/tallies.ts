// Plain-JSON tallies for the review parts of SCORING §13 and §15: each part keeps a state made of
// numbers and string-keyed records, so two states (two chunks of a portal) merge by adding.
import type { AmountTally } from './cents.ts';
import { createAmountTally } from './cents.ts';
import { compareText } from './compare.ts';
import type { WinRecord } from './schema.ts';

/** Closed and won deals of one group. */
export type WinTally = { closed: number; won: number };

export const createWinTally = (): WinTally => ({ closed: 0, won: 0 });

export const tallyWin = (tally: WinTally, isWon: boolean): void => {
  tally.closed += 1;
  if (isWon) tally.won += 1;
};

export const mergeWinTallies = (a: WinTally, b: WinTally): WinTally => ({
  closed: a.closed + b.closed,
  won: a.won + b.won,
});

/** Won / closed, null without closed deals. */
export const winRecordOfTally = (t: WinTally): WinRecord => ({
  closed: t.closed,
  won: t.won,
  winRate: t.closed === 0 ? null : t.won / t.closed,
});

export const mergeAmountTallies = (a: AmountTally, b: AmountTally): AmountTally => ({
  count: a.count + b.count,
  cents: a.cents + b.cents,
  withoutAmount: a.withoutAmount + b.withoutAmount,
});

/** Tallies by a string key (a JSON-encoded group key). */
export type Keyed<T> = Record<string, T>;

/** The tally of `key`, created empty on first use. */
export const tallyAt = <T>(record: Keyed<T>, key: string, create: () => T): T => {
  let t = record[key];
  if (t === undefined) {
    t = create();
    record[key] = t;
  }
  return t;
};

/** Merges two keyed records, tally by tally; neither input changes. */
export const mergeKeyed = <T>(a: Keyed<T>, b: Keyed<T>, merge: (x: T, y: T) => T): Keyed<T> => {
  const out: Keyed<T> = { ...a };
  for (const [key, t] of Object.entries(b)) {
    const mine = out[key];
    out[key] = mine === undefined ? t : merge(mine, t);
  }
  return out;
};

export const mergeKeyedAmounts = (a: Keyed<AmountTally>, b: Keyed<AmountTally>) =>
  mergeKeyed(a, b, mergeAmountTallies);

export const mergeKeyedWins = (a: Keyed<WinTally>, b: Keyed<WinTally>) =>
  mergeKeyed(a, b, mergeWinTallies);

/** Amount groups largest amount first, then most deals, then key in code-unit order. */
export const sortedAmounts = (record: Keyed<AmountTally>): [string, AmountTally][] =>
  Object.entries(record).sort(
    ([ka, a], [kb, b]) => b.cents - a.cents || b.count - a.count || compareText(ka, kb),
  );

export { createAmountTally };
