import type { Strategy } from './strategy-schema.ts';

/** A JSON value with its object keys sorted, `undefined` members dropped and `$schema` left out. */
const canonical = (value: unknown, top: boolean): unknown => {
  if (Array.isArray(value)) return value.map((v) => canonical(v, false));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .filter(([key, v]) => v !== undefined && !(top && key === '$schema'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, v]) => [key, canonical(v, false)]));
};

/**
 * SCORING §14: whether two parsed strategies are the same document after defaults, ignoring key
 * order (and the editor hint `$schema`); lists keep their order, since order decides ties. A
 * publish of the same strategy as the active version creates no version ("nothing to publish").
 *
 * @example
 * sameStrategy(parseStrategy(a).value, parseStrategy(b).value); // true when only key order differs
 */
export const sameStrategy = (a: Strategy, b: Strategy): boolean =>
  JSON.stringify(canonical(a, true)) === JSON.stringify(canonical(b, true));
