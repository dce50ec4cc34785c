// Tallies for the review parts of SCORING §12, §13 and §15: like every part of the review
// (create-review-accumulator.ts), each is plain JSON declared by a zod schema, so two parts (two
// chunks of a portal) merge by adding.
import { z } from 'zod';

import { addTallies, mergeRecords } from './cents.ts';
import type { AmountTally } from './cents.ts';
import { compareText } from './compare.ts';
import type { WinRecord } from './schema.ts';

/** Closed and won deals of one group. */
export const WinTally = z.strictObject({
  closed: z.number().int().min(0),
  won: z.number().int().min(0),
});
export type WinTally = z.output<typeof WinTally>;

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

/** Tallies by a string key (a JSON-encoded group key). */
export const keyed = <T extends z.ZodType>(value: T) => z.record(z.string(), value);
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

export const mergeKeyedAmounts = (a: Keyed<AmountTally>, b: Keyed<AmountTally>) =>
  mergeRecords(a, b, addTallies);

export const mergeKeyedWins = (a: Keyed<WinTally>, b: Keyed<WinTally>) =>
  mergeRecords(a, b, mergeWinTallies);

/** Amount groups largest amount first, then most deals, then key in code-unit order. */
export const sortedAmounts = (record: Keyed<AmountTally>): [string, AmountTally][] =>
  Object.entries(record).sort(
    ([ka, a], [kb, b]) => b.cents - a.cents || b.count - a.count || compareText(ka, kb),
  );
