// SCORING §14: which HubSpot property types each operator and operand suit. A criterion that
// breaks these rules can never match on any record (`country GTE 5`, `createdate EQ "2026-01-01"`),
// so validation against the portal refuses it instead of letting it put every company in needs_data.
import { OPERATORS } from '../criteria/operators.ts';
import type { OperatorSpec } from '../criteria/operators.ts';
import type { Operator } from '../enums.ts';
import type { PropertyDefinition } from '../facts/schema.ts';
import { isIsoDate } from '../values/read-value.ts';

/** What a criterion's operand asks of its property's HubSpot type. */
export type Need =
  /** GT…BETWEEN with a number: a `number` property. */
  | 'number'
  /** GT…BETWEEN with a date, WITHIN_*: a `date` or `datetime` property. */
  | 'date'
  /** CONTAINS_TOKEN / NOT_CONTAINS_TOKEN: a `string` or `enumeration` property. */
  | 'text'
  /** A true/false operand: a `bool` property, or an enumeration whose options are true and false. */
  | 'boolean'
  /** EQ…NOT_IN with a number: a number, text holding numbers, or an enumeration of numbers. */
  | 'number_value';

/** How an operator compares, from its row of the operator table (never from its name). */
type Comparison = 'presence' | 'days' | 'equality' | 'token' | 'ordered';

const comparisonOf = (spec: OperatorSpec): Comparison => {
  if (spec.operands === 'none') return 'presence';
  if (spec.operands === 'days') return 'days';
  if (!spec.valueKinds.includes('string')) return 'ordered';
  // EQ, NEQ, IN, NOT_IN compare per multi-select element; the token tests look at the whole text.
  return spec.perElement ? 'equality' : 'token';
};

/** Whether an operator compares values for equality (EQ, NEQ, IN, NOT_IN): enumeration options apply. */
export const comparesEquality = (operator: Operator): boolean =>
  comparisonOf(OPERATORS[operator]) === 'equality';

type Operand = string | number | boolean | undefined;

/** What the property must be for this operator and operand; null when any type will do. */
export const needOf = (operator: Operator, operand: Operand): Need | null => {
  const how = comparisonOf(OPERATORS[operator]);
  switch (how) {
    case 'presence':
      return null;
    case 'days':
      return 'date';
    case 'token':
      return 'text';
    case 'ordered':
      return typeof operand === 'number' ? 'number' : 'date';
    case 'equality':
      if (typeof operand === 'boolean') return 'boolean';
      return typeof operand === 'number' ? 'number_value' : null;
    default:
      return how satisfies never;
  }
};

const isNumeric = (text: string): boolean =>
  text.trim() !== '' && Number.isFinite(Number(text.trim()));

const optionValues = (d: PropertyDefinition): string[] =>
  (d.options ?? []).map((o) => o.value.trim().toLowerCase());

/** An enumeration whose options are exactly true and false (SCORING §14). */
const isTrueFalseEnumeration = (d: PropertyDefinition): boolean => {
  const values = optionValues(d);
  return (
    d.type === 'enumeration' &&
    values.length > 0 &&
    values.every((v) => v === 'true' || v === 'false')
  );
};

/** Whether a property of this definition can ever satisfy the need. */
export const suits = (d: PropertyDefinition, need: Need): boolean => {
  switch (need) {
    case 'number':
      return d.type === 'number';
    case 'date':
      return d.type === 'date' || d.type === 'datetime';
    case 'text':
      return d.type === 'string' || d.type === 'enumeration';
    case 'boolean':
      return d.type === 'bool' || isTrueFalseEnumeration(d);
    case 'number_value':
      // SCORING §3: a number compares with Number() of the value, so text holding numbers works.
      return (
        d.type === 'number' ||
        d.type === 'string' ||
        (d.type === 'enumeration' && optionValues(d).length > 0 && optionValues(d).every(isNumeric))
      );
    default:
      return need satisfies never;
  }
};

/**
 * SCORING §14: EQ, NEQ, IN or NOT_IN with a date on a `datetime` property can never match (the
 * property holds a moment, not a day); BETWEEN the day's start and end does what was meant.
 */
export const isDayOnDatetime = (
  d: PropertyDefinition,
  operator: Operator,
  operand: Operand,
): boolean =>
  d.type === 'datetime' &&
  comparesEquality(operator) &&
  typeof operand === 'string' &&
  isIsoDate(operand);
