import type { Strategy } from '../strategy/strategy-schema.ts';
import { compareText } from './compare.ts';

/**
 * Segments as every review figure lists them: the strategy's in document order, then other ids
 * seen (an older version's, in code-unit order), then no segment (null).
 */
export const segmentOrder = (
  strategy: Strategy,
  seen: Iterable<string | null>,
): (string | null)[] => {
  const known = strategy.segments.map((s) => s.id);
  const others = [...new Set(seen)]
    .filter((id): id is string => id !== null && !known.includes(id))
    .sort(compareText);
  return [...known, ...others, null];
};

/** A segment's name in the strategy; null when unknown. */
export const segmentNameOf = (strategy: Strategy, id: string | null): string | null =>
  strategy.segments.find((s) => s.id === id)?.name ?? null;
