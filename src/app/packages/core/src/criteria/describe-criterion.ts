import type { PropertyDefinition } from '../facts/schema.ts';
import type { Criterion } from '../strategy/strategy-schema.ts';
import type { Reading } from '../values/read-value.ts';
import { truncate } from '../values/read-value.ts';
import { formatNumber } from '../format.ts';
import type { CompiledCriterion } from './compile-criterion.ts';

/** The label people see for a property: its HubSpot label, else the criterion label, else its name. */
export const propertyLabel = (
  criterion: Criterion,
  definition: PropertyDefinition | undefined,
): string => definition?.label ?? criterion.label ?? criterion.property;

/** The label of an explained criterion: the criterion's own label, else the property's. */
export const criterionLabel = (
  criterion: Criterion,
  definition: PropertyDefinition | undefined,
): string => criterion.label ?? definition?.label ?? criterion.property;

// Option labels by lower-cased value, built once per definition object.
const optionTables = new WeakMap<PropertyDefinition, Map<string, string>>();

const findOption = (
  value: string,
  definition: PropertyDefinition | undefined,
): string | undefined => {
  if (definition?.options === undefined) return undefined;
  let table = optionTables.get(definition);
  if (table === undefined) {
    table = new Map();
    for (const o of definition.options) {
      const key = o.value.trim().toLowerCase();
      if (!table.has(key)) table.set(key, o.label);
    }
    optionTables.set(definition, table);
  }
  return table.get(value.trim().toLowerCase());
};

const optionLabel = (value: string, definition: PropertyDefinition | undefined): string =>
  findOption(value, definition) ?? value;

const formatOperand = (
  v: string | number | boolean,
  definition: PropertyDefinition | undefined,
): string => {
  if (typeof v === 'number') return formatNumber(v, Infinity);
  if (typeof v === 'boolean') return findOption(String(v), definition) ?? (v ? 'Yes' : 'No');
  return optionLabel(v, definition);
};

// The expected wording of a criterion depends only on it and its property's definition. A memo
// outside the compiled strategy (which stays immutable): keys are criteria, values never change.
const expectedMemo = new WeakMap<
  CompiledCriterion,
  { definition: PropertyDefinition | undefined; text: string }
>();

/** Human wording of what a criterion wants: "one of Computer Software, Financial Services". */
export const describeExpected = (
  c: CompiledCriterion,
  definition: PropertyDefinition | undefined,
): string => {
  const memo = expectedMemo.get(c);
  if (memo !== undefined && memo.definition === definition) return memo.text;
  const text = c.spec.describe(describeOperands(c, definition));
  expectedMemo.set(c, { definition, text });
  return text;
};

/** What a segment demands when this criterion rules a company out: "need Machinery" (SCORING §14). */
export const describeNeed = (c: CompiledCriterion, definition: PropertyDefinition | undefined) =>
  c.spec.need(describeOperands(c, definition));

/** The operands as people read them: option labels, thousands separators, quoted text. */
const describeOperands = (
  c: CompiledCriterion,
  definition: PropertyDefinition | undefined,
): string => {
  const { criterion, spec } = c;
  if (spec.operands === 'values')
    return (criterion.values ?? []).map((v) => formatOperand(v, definition)).join(', ');
  if (spec.operands === 'range')
    return `${formatOperand(criterion.value ?? '', definition)} and ${formatOperand(criterion.highValue ?? '', definition)}`;
  if (spec.operands === 'value' && spec.valueKinds.length === 1 && spec.valueKinds[0] === 'string')
    return `“${String(criterion.value ?? '')}”`;
  return spec.operands === 'none' ? '' : formatOperand(criterion.value ?? '', definition);
};

/**
 * The value as people see it: option labels where the definition has them, multi-select elements
 * joined with `separator`, truncated; null when missing.
 */
export const describeActual = (
  value: Reading | null,
  definition: PropertyDefinition | undefined,
  separator = '; ',
): string | null => {
  if (value === null) return null;
  // A multi-select value without elements (";") is shown as written.
  const parts =
    value.parts === null || value.parts.length === 0 ? [value.raw] : value.parts.map((p) => p.raw);
  const hasOptions = definition?.options !== undefined && definition.options.length > 0;
  const shown = hasOptions ? parts.map((p) => optionLabel(p, definition)) : parts;
  return truncate(shown.join(separator));
};
