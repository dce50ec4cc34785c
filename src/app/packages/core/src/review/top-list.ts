import { z } from 'zod';

/** The first rows of a stream in a total order, and how many rows the stream had. */
export const topListOf = <T extends z.ZodType>(row: T) =>
  z.strictObject({ rows: z.array(row), seen: z.number().int().min(0) });
export type TopList<T> = { rows: T[]; seen: number };

export const createTopList = <T>(): TopList<T> => ({ rows: [], seen: 0 });

/** Adds a row, keeping at most `limit` in `compare` order (trimmed in bursts: O(limit) memory). */
export const addToTopList = <T>(
  list: TopList<T>,
  item: T,
  limit: number,
  compare: (a: T, b: T) => number,
): void => {
  list.seen += 1;
  list.rows.push(item);
  if (list.rows.length >= 2 * limit + 64) {
    list.rows.sort(compare);
    list.rows.length = limit;
  }
};

/** The first `limit` rows of both lists: exact, since each keeps its own first `limit`. */
export const mergeTopLists = <T>(
  a: TopList<T>,
  b: TopList<T>,
  limit: number,
  compare: (x: T, y: T) => number,
): TopList<T> => ({
  rows: [...a.rows, ...b.rows].sort(compare).slice(0, limit),
  seen: a.seen + b.seen,
});

/** The first `limit` rows and how many were left out. */
export const finishTopList = <T>(
  list: TopList<T>,
  limit: number,
  compare: (a: T, b: T) => number,
): { rows: T[]; omitted: number } => {
  const rows = [...list.rows].sort(compare).slice(0, limit);
  return { rows, omitted: list.seen - rows.length };
};
