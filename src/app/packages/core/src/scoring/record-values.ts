import { describeActual } from '../criteria/describe-criterion.ts';
import type { PropertyDefinition, RecordFacts } from '../facts/schema.ts';
import type { Reading } from '../values/read-value.ts';
import { isMultiSelect, readPropertyValue } from '../values/read-value.ts';
import type { CompiledStrategy } from './compile-strategy.ts';

/** The records one scoring looks at: a company, and for a deal the deal (SCORING §7). */
export type ScoredRecords = {
  readonly company: RecordFacts | null;
  readonly deal: RecordFacts | null;
};

/**
 * The values of one scoring, per slot of the compiled strategy: each property read once
 * (SCORING §3), whatever number of criteria compare it. Built per call, never kept.
 */
export type RecordValues = {
  readonly records: ScoredRecords;
  /** Per slot: the reading, null when the property is missing (or its record is absent). */
  readonly values: readonly (Reading | null)[];
  readonly definitions: readonly (PropertyDefinition | undefined)[];
  /** Per slot, filled on first use: the value as explanations show it. */
  readonly actuals: (string | null | undefined)[];
};

/** Reads every slot of `compiled` from the records (a slot of an absent record is missing). */
export const readRecordValues = (
  compiled: CompiledStrategy,
  records: ScoredRecords,
): RecordValues => {
  const n = compiled.slots.length;
  const values = new Array<Reading | null>(n);
  const definitions = new Array<PropertyDefinition | undefined>(n);
  for (let i = 0; i < n; i++) {
    const { object, property } = compiled.slots[i] as (typeof compiled.slots)[number];
    const facts = records[object];
    const definition = facts?.definitions[property];
    definitions[i] = definition;
    values[i] = facts
      ? readPropertyValue(facts.properties[property], isMultiSelect(definition))
      : null;
  }
  return { records, values, definitions, actuals: new Array<string | null | undefined>(n) };
};

/** The value of a slot as explanations show it (option labels, truncated), computed once. */
export const actualOf = (v: RecordValues, slot: number): string | null => {
  const known = v.actuals[slot];
  if (known !== undefined) return known;
  const actual = describeActual(v.values[slot] ?? null, v.definitions[slot]);
  v.actuals[slot] = actual;
  return actual;
};
