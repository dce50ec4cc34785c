/** The first `limit` items in `compare` order, kept in bounded memory, and how many were left out. */
export type TopList<T> = {
  add: (item: T) => void;
  finish: () => { rows: T[]; omitted: number };
};

/** Keeps the first `limit` items of a stream in `compare` order (a total order), in O(limit) memory. */
export const createTopList = <T>(limit: number, compare: (a: T, b: T) => number): TopList<T> => {
  const items: T[] = [];
  let seen = 0;
  const trimAt = 2 * limit + 64;
  return {
    add: (item) => {
      seen += 1;
      items.push(item);
      if (items.length >= trimAt) {
        items.sort(compare);
        items.length = limit;
      }
    },
    finish: () => {
      const rows = [...items].sort(compare).slice(0, limit);
      return { rows, omitted: seen - rows.length };
    },
  };
};
