import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import {
  criterionLabel,
  describeActual,
  describeExpected,
  propertyLabel,
} from '../criteria/describe-criterion.ts';
import { evaluateCriterion, OUTCOMES, UNREADABLE } from '../criteria/evaluate-criterion.ts';
import type { OutcomeCode } from '../criteria/evaluate-criterion.ts';
import type { PropertyDefinition, RecordFacts } from '../facts/schema.ts';
import type { Reading } from '../values/read-value.ts';
import { isMultiSelect, readPropertyValue, truncate } from '../values/read-value.ts';
import type { CriterionResult, DataQualityFinding } from './schema.ts';

/** A criterion evaluated for an explanation, with what the fast path does not keep. */
export type Explained = {
  readonly result: CriterionResult;
  readonly code: OutcomeCode;
  readonly value: Reading | null;
  /** The property's label (definition label, else criterion label, else name). */
  readonly propertyLabel: string;
  readonly compiled: CompiledCriterion;
};

/** Reads the properties of the records a criterion may look at, each normalised once per call. */
export type Reader = (c: CompiledCriterion) => {
  value: Reading | null;
  definition: PropertyDefinition | undefined;
  /** The value as explanations show it, computed once per property. */
  actual: string | null;
};

/** A reader over a company and, for deals, the deal: each property value is normalised once. */
export const createReader = (records: {
  company: RecordFacts | null;
  deal: RecordFacts | null;
}): Reader => {
  type Read = ReturnType<Reader>;
  const memo = { company: new Map<string, Read>(), deal: new Map<string, Read>() };
  return (c) => {
    const { property, object } = c.criterion;
    const known = memo[object].get(property);
    if (known) return known;
    const facts = records[object];
    const definition = facts?.definitions[property];
    const value = facts
      ? readPropertyValue(facts.properties[property], isMultiSelect(definition))
      : null;
    const read = { value, definition, actual: describeActual(value, definition) };
    memo[object].set(property, read);
    return read;
  };
};

/** Evaluates and explains one criterion (SCORING §6.6). */
export const explainCriterion = (c: CompiledCriterion, read: Reader, nowMs: number): Explained => {
  const { value, definition, actual } = read(c);
  const code = evaluateCriterion(c, value, nowMs);
  const { criterion } = c;
  return {
    code,
    value,
    compiled: c,
    propertyLabel: propertyLabel(criterion, definition),
    result: {
      property: criterion.property,
      object: criterion.object,
      label: criterionLabel(criterion, definition),
      operator: criterion.operator,
      expected: describeExpected(c, definition),
      actual,
      outcome: OUTCOMES[code] ?? 'unknown',
      weight: criterion.weight,
      required: criterion.required,
    },
  };
};

const KIND_WORDS = { number: 'a number', date: 'a date', boolean: 'true or false' } as const;

/** Why a value is unreadable, in words: "“12 people” is not a number". */
export const unreadableWords = (raw: string, expected: keyof typeof KIND_WORDS): string =>
  `“${truncate(raw, 40)}” is not ${KIND_WORDS[expected]}`;

/** A data-quality finding for an unreadable value (SCORING §4). */
export const finding = (
  where: {
    object: DataQualityFinding['object'];
    recordId: string;
    property: string;
    label: string;
  },
  raw: string,
  expected: DataQualityFinding['expected'],
): DataQualityFinding => ({
  ...where,
  value: truncate(raw),
  expected,
  message: `${where.label}: ${unreadableWords(raw, expected)}`,
});

/** Findings for every unreadable value among explained criteria, once per property and kind. */
export const findingsOf = (
  explained: readonly Explained[],
  recordIds: { company: string | null; deal: string | null },
): DataQualityFinding[] => {
  const out: DataQualityFinding[] = [];
  for (const e of explained) {
    const reads = e.compiled.reads;
    if (e.code !== UNREADABLE || e.value === null || reads === null) continue;
    const { object, property } = e.compiled.criterion;
    if (out.some((f) => f.object === object && f.property === property && f.expected === reads))
      continue;
    out.push(
      finding(
        { object, recordId: recordIds[object] ?? '', property, label: e.propertyLabel },
        e.value.raw,
        reads,
      ),
    );
  }
  return out;
};

/** Merges findings, keeping the first of each record, property and kind. */
export const mergeFindings = (...lists: readonly DataQualityFinding[][]): DataQualityFinding[] => {
  const out: DataQualityFinding[] = [];
  for (const f of lists.flat()) {
    if (
      !out.some(
        (g) =>
          g.object === f.object &&
          g.recordId === f.recordId &&
          g.property === f.property &&
          g.expected === f.expected,
      )
    )
      out.push(f);
  }
  return out;
};
