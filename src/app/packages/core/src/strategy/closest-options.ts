// The options closest to a value that is not an option (issue 13): "Mechanical Engineering" →
// MECHANICAL_OR_INDUSTRIAL_ENGINEERING. A small documented rule instead of a library: both sides
// are normalised (lower case, `&` as "and", underscores and hyphens as spaces, one space between
// words), then ranked by how many words they share (Dice's coefficient over words: 2·shared ÷
// (words of one + words of the other)), against the option's value and its label, whichever is
// closer. Options sharing no word are never offered.
import type { PropertyDefinition } from '../facts/schema.ts';

/** How many options are offered at most. */
export const CLOSEST_OPTIONS = 3;

/** `Mechanical_or-Industrial  &  Engineering` → `mechanical or industrial and engineering`. */
export const normaliseWords = (text: string): string =>
  text.toLowerCase().replaceAll('&', ' and ').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();

const words = (text: string): Set<string> =>
  new Set(
    normaliseWords(text)
      .split(' ')
      .filter((w) => w !== ''),
  );

/** Dice's coefficient over words, 0..1. */
const dice = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return (2 * shared) / (a.size + b.size);
};

/**
 * The option values closest to `value`, the closest first (ties in the options' order); none when
 * no option shares a word with it.
 *
 * @example
 * closestOptions('Mechanical Engineering', industry) // ['MECHANICAL_OR_INDUSTRIAL_ENGINEERING', …]
 */
export const closestOptions = (value: string, definition: PropertyDefinition): string[] => {
  const wanted = words(value);
  return (definition.options ?? [])
    .map((o, i) => ({
      value: o.value,
      i,
      score: Math.max(dice(wanted, words(o.value)), dice(wanted, words(o.label))),
    }))
    .filter((o) => o.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, CLOSEST_OPTIONS)
    .map((o) => o.value);
};
