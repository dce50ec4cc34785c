import type { CompiledCriterion } from '../criteria/compile-criterion.ts';
import { criterionLabel, describeExpected, propertyLabel } from '../criteria/describe-criterion.ts';
import { evaluateCriterion, OUTCOMES, UNREADABLE } from '../criteria/evaluate-criterion.ts';
import type { OutcomeCode } from '../criteria/evaluate-criterion.ts';
import { truncate } from '../values/read-value.ts';
import type { RecordValues } from './record-values.ts';
import { actualOf } from './record-values.ts';
import type { CriterionResult, DataQualityFinding } from './schema.ts';

/**
 * Evaluates each criterion of a list once (SCORING §4): the outcome codes every figure and every
 * explanation of a record is then built from.
 */
export const judgeCriteria = (
  criteria: readonly CompiledCriterion[],
  v: RecordValues,
  nowMs: number,
): Uint8Array => {
  const codes = new Uint8Array(criteria.length);
  for (let k = 0; k < criteria.length; k++) {
    const c = criteria[k] as CompiledCriterion;
    codes[k] = evaluateCriterion(c, v.values[c.slot] ?? null, nowMs);
  }
  return codes;
};

/** The outcome code of the k-th criterion of a judged list. */
export const codeAt = (codes: Uint8Array, k: number): OutcomeCode => codes[k] as OutcomeCode;

/** The label of a criterion's property in reasons and findings (HubSpot label, else criterion label, else name). */
export const slotLabel = (c: CompiledCriterion, v: RecordValues): string =>
  propertyLabel(c.criterion, v.definitions[c.slot]);

/** The explanation of one judged list of criteria (SCORING §6.6), in document order. */
export const explainCriteria = (
  criteria: readonly CompiledCriterion[],
  codes: Uint8Array,
  v: RecordValues,
): CriterionResult[] => {
  const results = new Array<CriterionResult>(criteria.length);
  for (let k = 0; k < criteria.length; k++) {
    const c = criteria[k] as CompiledCriterion;
    const { criterion } = c;
    const definition = v.definitions[c.slot];
    results[k] = {
      property: criterion.property,
      object: criterion.object,
      label: criterionLabel(criterion, definition),
      operator: criterion.operator,
      expected: describeExpected(c, definition),
      actual: actualOf(v, c.slot),
      outcome: OUTCOMES[codeAt(codes, k)] ?? 'unknown',
      weight: criterion.weight,
      required: criterion.required,
    };
  }
  return results;
};

const KIND_WORDS = { number: 'a number', date: 'a date', boolean: 'true or false' } as const;

/** Why a value is unreadable, in words: "“12 people” is not a number". */
export const unreadableWords = (raw: string, expected: keyof typeof KIND_WORDS): string =>
  `“${truncate(raw, 40)}” is not ${KIND_WORDS[expected]}`;

/** The unreadable raw value of a judged criterion and what it should read as, or null. */
export const unreadableOf = (
  c: CompiledCriterion,
  code: OutcomeCode,
  v: RecordValues,
): { raw: string; expected: NonNullable<CompiledCriterion['reads']> } | null => {
  const value = v.values[c.slot];
  if (code !== UNREADABLE || value === null || value === undefined || c.reads === null) return null;
  return { raw: value.raw, expected: c.reads };
};

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

const sameFinding = (f: DataQualityFinding, g: DataQualityFinding): boolean =>
  g.object === f.object &&
  g.recordId === f.recordId &&
  g.property === f.property &&
  g.expected === f.expected;

/** Merges findings, keeping the first of each record, property and kind. */
export const mergeFindings = (...lists: readonly DataQualityFinding[][]): DataQualityFinding[] => {
  const out: DataQualityFinding[] = [];
  for (const f of lists.flat()) if (!out.some((g) => sameFinding(f, g))) out.push(f);
  return out;
};

/** Findings for every unreadable value among judged lists, once per record, property and kind. */
export const findingsOf = (
  judged: readonly { criteria: readonly CompiledCriterion[]; codes: Uint8Array }[],
  v: RecordValues,
): DataQualityFinding[] => {
  const found: DataQualityFinding[] = [];
  for (const { criteria, codes } of judged) {
    for (let k = codes.indexOf(UNREADABLE); k !== -1; k = codes.indexOf(UNREADABLE, k + 1)) {
      const c = criteria[k] as CompiledCriterion;
      const bad = unreadableOf(c, UNREADABLE, v);
      if (bad === null) continue;
      const { object, property } = c.criterion;
      const recordId = v.records[object]?.id ?? '';
      found.push(
        finding({ object, recordId, property, label: slotLabel(c, v) }, bad.raw, bad.expected),
      );
    }
  }
  return mergeFindings(found);
};
