import { describe, expect, it } from 'vitest';

import {
  compiledWith,
  company,
  DAY_MS,
  NOW_MS,
} from '../../../../../../test/support/core/fixtures.ts';
import { Operator } from '../enums.ts';
import type { Outcome } from '../enums.ts';
import { scoreCompany } from '../scoring/score-company.ts';
import type { CriterionInput } from '../strategy/strategy-schema.ts';
import { OPERATORS } from './operators.ts';

const outcomeOf = (criterion: CriterionInput, value: string | null): Outcome | undefined =>
  scoreCompany(
    compiledWith([criterion]),
    company(value === null ? {} : { [criterion.property]: value }),
  ).segments[0]?.criteria[0]?.outcome;

const day = (offsetDays: number): string => new Date(NOW_MS + offsetDays * DAY_MS).toISOString();

/** SCORING §2: operator × value kind. Columns: operator, operands, property, value, outcome. */
const MATRIX: [Operator, Partial<CriterionInput>, string, string | null, Outcome][] = [
  ['EQ', { value: 'Germany' }, 'country', 'germany', 'match'],
  ['EQ', { value: 'Germany' }, 'country', 'France', 'miss'],
  ['EQ', { value: 250 }, 'numberofemployees', '250.0', 'match'],
  ['EQ', { value: 250 }, 'numberofemployees', '251', 'miss'],
  ['EQ', { value: 250 }, 'numberofemployees', 'lots', 'unknown'],
  ['EQ', { value: true }, 'is_public', 'True', 'match'],
  ['EQ', { value: false }, 'is_public', 'true', 'miss'],
  ['EQ', { value: '2025-01-01' }, 'country', '2025-01-01', 'match'],
  ['NEQ', { value: 'Germany' }, 'country', 'France', 'match'],
  ['NEQ', { value: 'Germany' }, 'country', ' GERMANY', 'miss'],
  ['NEQ', { value: 250 }, 'numberofemployees', 'lots', 'unknown'],
  ['IN', { values: ['Germany', 'France'] }, 'country', 'france', 'match'],
  ['IN', { values: ['Germany', 'France'] }, 'country', 'Spain', 'miss'],
  ['IN', { values: [10, 20] }, 'numberofemployees', '20', 'match'],
  ['IN', { values: [10, 20] }, 'numberofemployees', '30', 'miss'],
  ['IN', { values: [10, 20] }, 'numberofemployees', 'ten', 'unknown'],
  ['IN', { values: ['ten', 10] }, 'numberofemployees', 'TEN', 'match'],
  ['NOT_IN', { values: ['Germany', 'France'] }, 'country', 'Spain', 'match'],
  ['NOT_IN', { values: ['Germany', 'France'] }, 'country', 'Germany', 'miss'],
  ['NOT_IN', { values: [10, 20] }, 'numberofemployees', 'ten', 'unknown'],
  ['GT', { value: 100 }, 'numberofemployees', '101', 'match'],
  ['GT', { value: 100 }, 'numberofemployees', '100', 'miss'],
  ['GT', { value: '2025-01-01' }, 'createdate', '2025-01-01T00:00:01Z', 'match'],
  ['GT', { value: '2025-01-01' }, 'createdate', '2025-01-01', 'miss'],
  ['GT', { value: '2025-01-01' }, 'createdate', 'soon', 'unknown'],
  ['GTE', { value: 100 }, 'numberofemployees', '100', 'match'],
  ['GTE', { value: 100 }, 'numberofemployees', '99.9', 'miss'],
  ['GTE', { value: '2025-01-01' }, 'createdate', '2025-01-01', 'match'],
  ['LT', { value: 100 }, 'numberofemployees', '99', 'match'],
  ['LT', { value: 100 }, 'numberofemployees', '100', 'miss'],
  ['LT', { value: '2025-01-01T12:00:00Z' }, 'createdate', '2025-01-01', 'match'],
  ['LTE', { value: 100 }, 'numberofemployees', '100', 'match'],
  ['LTE', { value: 100 }, 'numberofemployees', '1e3', 'miss'],
  ['LTE', { value: '2025-01-01' }, 'createdate', '1735689600000', 'match'],
  ['BETWEEN', { value: 50, highValue: 500 }, 'numberofemployees', '50', 'match'],
  ['BETWEEN', { value: 50, highValue: 500 }, 'numberofemployees', '500', 'match'],
  ['BETWEEN', { value: 50, highValue: 500 }, 'numberofemployees', '501', 'miss'],
  ['BETWEEN', { value: 50, highValue: 500 }, 'numberofemployees', 'n/a', 'unknown'],
  [
    'BETWEEN',
    { value: '2025-01-01', highValue: '2025-12-31' },
    'createdate',
    '2025-06-01',
    'match',
  ],
  ['BETWEEN', { value: '2025-01-01', highValue: '2025-12-31' }, 'createdate', '2026-01-01', 'miss'],
  ['HAS_PROPERTY', {}, 'country', 'Germany', 'match'],
  ['HAS_PROPERTY', {}, 'country', null, 'miss'],
  ['HAS_PROPERTY', {}, 'numberofemployees', 'lots', 'match'],
  ['NOT_HAS_PROPERTY', {}, 'country', null, 'match'],
  ['NOT_HAS_PROPERTY', {}, 'country', '  ', 'match'],
  ['NOT_HAS_PROPERTY', {}, 'country', 'Germany', 'miss'],
  ['CONTAINS_TOKEN', { value: 'SOFT' }, 'industry', 'COMPUTER_SOFTWARE', 'match'],
  ['CONTAINS_TOKEN', { value: 'soft' }, 'industry', 'TOBACCO', 'miss'],
  ['NOT_CONTAINS_TOKEN', { value: 'soft' }, 'industry', 'TOBACCO', 'match'],
  ['NOT_CONTAINS_TOKEN', { value: 'soft' }, 'industry', 'computer_software', 'miss'],
  ['WITHIN_NEXT_DAYS', { value: 30 }, 'createdate', day(0), 'match'],
  ['WITHIN_NEXT_DAYS', { value: 30 }, 'createdate', day(30), 'match'],
  ['WITHIN_NEXT_DAYS', { value: 30 }, 'createdate', day(31), 'miss'],
  ['WITHIN_NEXT_DAYS', { value: 30 }, 'createdate', day(-1), 'miss'],
  ['WITHIN_NEXT_DAYS', { value: 30 }, 'createdate', 'next week', 'unknown'],
  ['WITHIN_LAST_DAYS', { value: 30 }, 'createdate', day(-30), 'match'],
  ['WITHIN_LAST_DAYS', { value: 30 }, 'createdate', day(-31), 'miss'],
  ['WITHIN_LAST_DAYS', { value: 30 }, 'createdate', day(1), 'miss'],
  ['WITHIN_LAST_DAYS', { value: 0.5 }, 'createdate', String(NOW_MS - DAY_MS / 2), 'match'],
];

describe('SCORING §2 operators', () => {
  it.each(MATRIX)('%s %j on %s = %j is %s', (operator, operands, property, value, expected) => {
    expect(outcomeOf({ property, operator, ...operands } as CriterionInput, value)).toBe(expected);
  });

  it('the matrix covers every operator', () => {
    expect(new Set(MATRIX.map((row) => row[0]))).toEqual(new Set(Operator.options));
  });

  it('operators are a table: what each needs, how it compares, whether it can be unknown', () => {
    const table = Object.fromEntries(
      Object.entries(OPERATORS).map(([name, o]) => [
        name,
        `${o.operands} ${o.valueKinds.join('|') || '-'}${o.canBeUnknown ? '' : ' never-unknown'}${o.negated ? ' negated' : ''}${o.perElement ? ' per-element' : ''}`,
      ]),
    );
    expect(table).toMatchInlineSnapshot(`
      {
        "BETWEEN": "range number|date",
        "CONTAINS_TOKEN": "value string",
        "EQ": "value string|number|boolean per-element",
        "GT": "value number|date",
        "GTE": "value number|date",
        "HAS_PROPERTY": "none - never-unknown",
        "IN": "values string|number per-element",
        "LT": "value number|date",
        "LTE": "value number|date",
        "NEQ": "value string|number|boolean negated per-element",
        "NOT_CONTAINS_TOKEN": "value string negated",
        "NOT_HAS_PROPERTY": "none - never-unknown negated",
        "NOT_IN": "values string|number negated per-element",
        "WITHIN_LAST_DAYS": "days number",
        "WITHIN_NEXT_DAYS": "days number",
      }
    `);
  });
});

describe('SCORING §4 one criterion → match | miss | unknown', () => {
  it.each(['HAS_PROPERTY', 'NOT_HAS_PROPERTY'] as const)('%s is never unknown', (operator) => {
    for (const value of [null, '', ' ', 'x', 'not a number', '2025-13-45']) {
      expect(outcomeOf({ property: 'numberofemployees', operator }, value)).not.toBe('unknown');
    }
  });

  /** Operands that fit an operator (SCORING §2). */
  const operandsFor = (operator: Operator): Partial<CriterionInput> => {
    const spec = OPERATORS[operator];
    if (spec.operands === 'values') return { values: ['x'] };
    if (spec.operands === 'range') return { value: 1, highValue: 2 };
    if (spec.operands === 'days') return { value: 7 };
    if (spec.operands === 'none') return {};
    return { value: spec.valueKinds.includes('string') ? 'x' : 1 };
  };

  it.each(Operator.options.filter((o) => OPERATORS[o].canBeUnknown))(
    'every other operator on a missing value is unknown: %s',
    (operator) => {
      const criterion = {
        property: 'country',
        operator,
        ...operandsFor(operator),
      } as CriterionInput;
      expect(outcomeOf(criterion, null)).toBe('unknown');
    },
  );

  it('NEQ on a missing value is unknown (absence of data is not evidence)', () => {
    expect(outcomeOf({ property: 'country', operator: 'NEQ', value: 'Germany' }, null)).toBe(
      'unknown',
    );
  });

  it('NOT_IN on a missing value is unknown', () => {
    expect(outcomeOf({ property: 'country', operator: 'NOT_IN', values: ['Germany'] }, '')).toBe(
      'unknown',
    );
  });

  it('NOT_CONTAINS_TOKEN on a missing value is unknown', () => {
    expect(
      outcomeOf({ property: 'country', operator: 'NOT_CONTAINS_TOKEN', value: 'x' }, ' '),
    ).toBe('unknown');
  });

  it('an unparseable value is unknown, and reported as a data-quality issue naming the property', () => {
    const score = scoreCompany(
      compiledWith([{ property: 'numberofemployees', operator: 'GTE', value: 50 }]),
      company({ numberofemployees: 'about 800' }),
    );
    expect(score.segments[0]?.criteria[0]?.outcome).toBe('unknown');
    expect(score.dataQuality).toEqual([
      {
        object: 'company',
        recordId: '101',
        property: 'numberofemployees',
        label: 'Number of Employees',
        value: 'about 800',
        expected: 'number',
        message: 'Number of Employees: “about 800” is not a number',
      },
    ]);
  });
});
