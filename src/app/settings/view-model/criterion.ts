// One criterion in the editor: which operators its property offers (the core's operator table),
// which inputs its operands need (option pickers, numbers, dates, lists, ranges, days), and what
// changing the property, operator or operands does to it. Pure.
import { OPERATORS, Operator, operatorsForProperty, propertyValueKind } from '@strategy-fit/core';
import type { CriterionInput, EditorProperty } from '@strategy-fit/core';

import { compact } from './draft.ts';

/** The inputs a criterion's operands need. */
export type OperandInput =
  | { readonly kind: 'none' }
  | { readonly kind: 'option'; readonly options: readonly Choice[] }
  | { readonly kind: 'options'; readonly options: readonly Choice[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'number' }
  | { readonly kind: 'numbers' }
  | { readonly kind: 'number_range' }
  | { readonly kind: 'date' }
  | { readonly kind: 'date_range' }
  | { readonly kind: 'days' }
  | { readonly kind: 'text' }
  | { readonly kind: 'texts' };

export type Choice = { readonly label: string; readonly value: string };

/** Words for the operators, as a sales manager reads them (the JSON keeps HubSpot's names). */
export const OPERATOR_WORDS: Readonly<Record<Operator, string>> = {
  EQ: 'is',
  NEQ: 'is not',
  IN: 'is any of',
  NOT_IN: 'is none of',
  GT: 'is more than',
  GTE: 'is at least',
  LT: 'is less than',
  LTE: 'is at most',
  BETWEEN: 'is between',
  HAS_PROPERTY: 'is known',
  NOT_HAS_PROPERTY: 'is unknown',
  CONTAINS_TOKEN: 'contains',
  NOT_CONTAINS_TOKEN: 'does not contain',
  WITHIN_NEXT_DAYS: 'is within the next … days',
  WITHIN_LAST_DAYS: 'was within the last … days',
};

const TOKEN_OPERATORS: readonly Operator[] = ['CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'];

/** The operators offered for a property: by its type; every operator while none is chosen. */
export const offeredOperators = (property: EditorProperty | undefined): Operator[] =>
  property === undefined ? [...Operator.options] : operatorsForProperty(property);

const optionsOf = (property: EditorProperty, wanted: readonly unknown[]): Choice[] => {
  const options: Choice[] = (property.options ?? []).map((o) => ({
    label: o.label,
    value: o.value,
  }));
  // A value that is not an option stays visible, so it can be seen and removed.
  for (const v of wanted) {
    if (typeof v === 'string' && !options.some((o) => o.value === v)) {
      options.push({ label: `${v} (not an option)`, value: v });
    }
  }
  return options;
};

/** The inputs of a criterion's operands, from its operator and its property's type. */
export const operandInput = (
  criterion: CriterionInput,
  property: EditorProperty | undefined,
): OperandInput => {
  const operands = OPERATORS[criterion.operator].operands;
  if (operands === 'none') return { kind: 'none' };
  if (operands === 'days') return { kind: 'days' };
  const kind =
    property === undefined
      ? typeof (criterion.value ?? criterion.values?.[0]) === 'number'
        ? 'number'
        : 'string'
      : propertyValueKind(property);
  const hasOptions =
    property !== undefined &&
    (property.options?.length ?? 0) > 0 &&
    !TOKEN_OPERATORS.includes(criterion.operator);
  if (operands === 'range') return { kind: kind === 'date' ? 'date_range' : 'number_range' };
  if (operands === 'values') {
    if (hasOptions)
      return { kind: 'options', options: optionsOf(property, criterion.values ?? []) };
    return { kind: kind === 'number' ? 'numbers' : 'texts' };
  }
  if (kind === 'boolean') return { kind: 'boolean' };
  if (hasOptions) return { kind: 'option', options: optionsOf(property, [criterion.value]) };
  if (kind === 'number') return { kind: 'number' };
  if (kind === 'date') return { kind: 'date' };
  return { kind: 'text' };
};

const withoutOperands = (c: CriterionInput): CriterionInput => {
  const next = { ...c };
  delete next.value;
  delete next.values;
  delete next.highValue;
  return next;
};

/** A new property: the operator stays if the property offers it, the operands start empty. */
export const changeProperty = (
  criterion: CriterionInput,
  name: string,
  property: EditorProperty | undefined,
): CriterionInput => {
  const offered = offeredOperators(property);
  const operator = offered.includes(criterion.operator)
    ? criterion.operator
    : (offered.find((o) => o === 'IN' || o === 'EQ') ?? 'HAS_PROPERTY');
  return { ...withoutOperands(criterion), property: name, operator };
};

/** Another object: the property is chosen again (the other object has other properties). */
export const changeObject = (
  criterion: CriterionInput,
  object: 'company' | 'deal',
): CriterionInput => ({ ...withoutOperands(criterion), object, property: '' });

/** A new operator: operands it still uses are kept (one value ⇄ a list of one), others dropped. */
export const changeOperator = (criterion: CriterionInput, operator: Operator): CriterionInput => {
  const to = OPERATORS[operator].operands;
  const from = OPERATORS[criterion.operator].operands;
  const single = criterion.value ?? criterion.values?.[0];
  const base = { ...withoutOperands(criterion), operator };
  if (to === 'none' || from === 'none') return base;
  if (to === 'days' || from === 'days') {
    return to === 'days' && from === 'days' ? { ...base, value: criterion.value } : base;
  }
  if (to === 'values') {
    return single === undefined || typeof single === 'boolean'
      ? base
      : { ...base, values: [single] };
  }
  if (to === 'range') {
    return compact({ ...base, value: single, highValue: criterion.highValue });
  }
  return compact({ ...base, value: single });
};

/** New operands from an input: only the keys given change; `undefined` removes one. */
export const setOperands = (
  criterion: CriterionInput,
  operands: Partial<Pick<CriterionInput, 'value' | 'values' | 'highValue'>>,
): CriterionInput => compact({ ...criterion, ...operands });

/** `YYYY-MM-DD` (or the date part of an ISO date-time) as HubSpot's DateInput value (month from 0). */
export const toDateValue = (
  text: unknown,
): { year: number; month: number; date: number } | undefined => {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m === null) return undefined;
  return { year: Number(m[1]), month: Number(m[2]) - 1, date: Number(m[3]) };
};

/** HubSpot's DateInput value as `YYYY-MM-DD`; nothing when cleared. */
export const fromDateValue = (
  value: { year: number; month: number; date: number } | null | undefined,
): string | undefined => {
  if (value === null || value === undefined) return undefined;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(value.year, 4)}-${pad(value.month + 1, 2)}-${pad(value.date, 2)}`;
};

/** A list typed as text: comma-separated, trimmed, empty items dropped; numbers where asked. */
export const parseList = (text: string, numbers: boolean): (string | number)[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      if (!numbers) return s;
      const n = Number(s);
      return Number.isFinite(n) ? n : s;
    });

/** A list as the text input shows it. */
export const formatList = (values: readonly (string | number)[] | undefined): string =>
  (values ?? []).join(', ');

/** A number input's value for the draft: nothing when cleared or not a number. */
export const numberOrNothing = (n: number | null | undefined): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) ? n : undefined;
