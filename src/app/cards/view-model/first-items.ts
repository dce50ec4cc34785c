/** The first `limit` items of a list the sidebar shortens, and what it says about the rest. */
export type FirstItems<T> = {
  readonly shown: readonly T[];
  /** "and 2 more on the record tab"; null when every item is shown. */
  readonly more: string | null;
};

/** Every item when `limit` is undefined; else the first `limit`, and a line about the rest. */
export const firstItems = <T>(items: readonly T[], limit?: number): FirstItems<T> => {
  const shown = limit === undefined ? items : items.slice(0, limit);
  const hidden = items.length - shown.length;
  return { shown, more: hidden > 0 ? `and ${hidden} more on the record tab` : null };
};
