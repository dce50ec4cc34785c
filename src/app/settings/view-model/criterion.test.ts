import type { CriterionInput, EditorProperty } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import {
  changeObject,
  changeOperator,
  changeProperty,
  fromDateValue,
  operandInput,
  parseList,
  toDateValue,
} from './criterion.ts';

const property = (type: string, fieldType: string, options?: string[]): EditorProperty => ({
  name: `p_${type}`,
  label: `P ${type}`,
  type,
  fieldType,
  ...(options === undefined
    ? {}
    : { options: options.map((o) => ({ label: o.toLowerCase(), value: o })) }),
});
const select = property('enumeration', 'select', ['A', 'B']);
const number = property('number', 'number');
const date = property('date', 'date');
const yesNo = property('bool', 'booleancheckbox', ['true', 'false']);
const text = property('string', 'text');

const c = (
  operator: CriterionInput['operator'],
  extra: Partial<CriterionInput> = {},
): CriterionInput => ({
  property: 'p',
  operator,
  ...extra,
});

describe('operand inputs by operator and property type', () => {
  it.each<[string, CriterionInput, EditorProperty | undefined, string]>([
    ['EQ on an enumeration', c('EQ'), select, 'option'],
    ['IN on an enumeration', c('IN'), select, 'options'],
    ['CONTAINS_TOKEN on an enumeration', c('CONTAINS_TOKEN'), select, 'text'],
    ['EQ on yes/no', c('EQ'), yesNo, 'boolean'],
    ['GTE on a number', c('GTE'), number, 'number'],
    ['IN on a number', c('IN'), number, 'numbers'],
    ['BETWEEN on a number', c('BETWEEN'), number, 'number_range'],
    ['GT on a date', c('GT'), date, 'date'],
    ['BETWEEN on a date', c('BETWEEN'), date, 'date_range'],
    ['WITHIN_NEXT_DAYS', c('WITHIN_NEXT_DAYS'), date, 'days'],
    ['IN on text', c('IN'), text, 'texts'],
    ['HAS_PROPERTY', c('HAS_PROPERTY'), text, 'none'],
    ['EQ on an unknown property with a number', c('EQ', { value: 5 }), undefined, 'number'],
  ])('%s → %s', (_name, criterion, p, kind) => {
    expect(operandInput(criterion, p).kind).toBe(kind);
  });

  it('a value that is not an option stays visible, marked', () => {
    const input = operandInput(c('IN', { values: ['A', 'Z'] }), select);
    expect(input.kind === 'options' && input.options).toEqual([
      { label: 'a', value: 'A' },
      { label: 'b', value: 'B' },
      { label: 'Z (not an option)', value: 'Z' },
    ]);
  });
});

describe('changing a criterion', () => {
  it('a new property keeps an operator it offers, else picks IN or EQ; operands start empty', () => {
    expect(changeProperty(c('IN', { values: ['A'] }), 'p_enumeration', select)).toEqual(
      c('IN', { property: 'p_enumeration' }),
    );
    expect(changeProperty(c('CONTAINS_TOKEN', { value: 'x' }), 'p_bool', yesNo)).toEqual(
      c('EQ', { property: 'p_bool' }),
    );
  });

  it('a new operator keeps the operand it still uses: one value ⇄ a list of one', () => {
    expect(changeOperator(c('EQ', { value: 'A' }), 'IN')).toEqual(c('IN', { values: ['A'] }));
    expect(changeOperator(c('IN', { values: ['A', 'B'] }), 'NEQ')).toEqual(
      c('NEQ', { value: 'A' }),
    );
    expect(changeOperator(c('BETWEEN', { value: 1, highValue: 9 }), 'GTE')).toEqual(
      c('GTE', { value: 1 }),
    );
    expect(changeOperator(c('GTE', { value: 5 }), 'WITHIN_LAST_DAYS')).toEqual(
      c('WITHIN_LAST_DAYS'),
    );
    expect(changeOperator(c('EQ', { value: 'A' }), 'HAS_PROPERTY')).toEqual(c('HAS_PROPERTY'));
  });

  it('another object asks for the property again', () => {
    expect(changeObject(c('EQ', { value: 'A' }), 'deal')).toEqual({
      property: '',
      operator: 'EQ',
      object: 'deal',
    });
  });
});

describe('input values', () => {
  it('dates: YYYY-MM-DD ⇄ HubSpot’s DateInput (months from 0)', () => {
    expect(toDateValue('2026-03-09')).toEqual({ year: 2026, month: 2, date: 9 });
    expect(toDateValue('2026-03-09T10:00:00Z')).toEqual({ year: 2026, month: 2, date: 9 });
    expect(toDateValue(5)).toBeUndefined();
    expect(fromDateValue({ year: 2026, month: 2, date: 9 })).toBe('2026-03-09');
    expect(fromDateValue(null)).toBeUndefined();
  });

  it('lists: comma-separated, trimmed, numbers where asked', () => {
    expect(parseList(' a, b ,, c', false)).toEqual(['a', 'b', 'c']);
    expect(parseList('10, 2.5, x', true)).toEqual([10, 2.5, 'x']);
  });
});
