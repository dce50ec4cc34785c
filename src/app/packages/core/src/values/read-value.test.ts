import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  compiledWith,
  company,
  COMPANY_DEFINITIONS,
  NOW_MS,
} from '../../../../../../test/support/core/fixtures.ts';
import type { CriterionInput } from '../strategy/strategy-schema.ts';
import { scoreCompany } from '../scoring/score-company.ts';
import {
  isMissing,
  isMultiSelect,
  readBoolean,
  readDateMs,
  readNumber,
  readPropertyValue,
  splitMultiSelect,
} from './read-value.ts';

/** The outcome of one criterion on one property value, through the public scoring path. */
const outcome = (
  criterion: CriterionInput,
  value: string | null | undefined,
  definitions = COMPANY_DEFINITIONS,
) => {
  const score = scoreCompany(
    compiledWith([criterion]),
    company(value === undefined ? {} : { [criterion.property]: value }, definitions),
  );
  return score.segments[0]?.criteria[0]?.outcome;
};

describe('SCORING §3 reading HubSpot values', () => {
  it.each([null, undefined, '', '   ', '\t\n'])('missing: %j is a missing value', (raw) => {
    expect(isMissing(raw)).toBe(true);
    expect(readPropertyValue(raw, false)).toBeNull();
    expect(outcome({ property: 'country', operator: 'EQ', value: 'Germany' }, raw)).toBe('unknown');
  });

  it('strings compare trimmed and case-insensitively', () => {
    const criterion = { property: 'country', operator: 'EQ', value: 'Germany' } as const;
    expect(outcome(criterion, '  GERMANY ')).toBe('match');
    expect(outcome(criterion, 'germany')).toBe('match');
    expect(outcome(criterion, 'Germany!')).toBe('miss');
  });

  it.each([
    [' 1e3 ', 1000],
    ['0x10', 16],
    ['-12.5', -12.5],
    ['+7', 7],
    ['1,200', null],
    ['12 people', null],
    ['Infinity', null],
    ['NaN', null],
  ])('a number criterion reads %j with the rules of Number() after trimming → %j', (raw, n) => {
    expect(readNumber(raw)).toBe(n);
    const criterion = { property: 'numberofemployees', operator: 'GTE', value: 0 } as const;
    expect(outcome(criterion, raw)).toBe(n === null ? 'unknown' : n >= 0 ? 'match' : 'miss');
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    [' False ', false],
    ['yes', null],
    ['1', null],
  ])('a boolean criterion compares %j with "true" / "false" (case-insensitive) → %j', (raw, b) => {
    expect(readBoolean(raw)).toBe(b);
    expect(outcome({ property: 'is_public', operator: 'EQ', value: true }, raw)).toBe(
      b === null ? 'unknown' : b ? 'match' : 'miss',
    );
  });

  it.each([
    ['2025-03-01', Date.UTC(2025, 2, 1)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2025-03-01T10:20:30Z', Date.UTC(2025, 2, 1, 10, 20, 30)],
    ['2025-03-01T10:20:30.123Z', Date.UTC(2025, 2, 1, 10, 20, 30, 123)],
    ['2025-03-01T10:20:30.1234567Z', Date.UTC(2025, 2, 1, 10, 20, 30, 123)],
    ['2025-03-01T10:20Z', Date.UTC(2025, 2, 1, 10, 20)],
    ['2025-03-01T10:20:30+02:00', Date.UTC(2025, 2, 1, 8, 20, 30)],
    ['2025-03-01T10:20:30-0530', Date.UTC(2025, 2, 1, 15, 50, 30)],
    ['2025-03-01T10:20:30', Date.UTC(2025, 2, 1, 10, 20, 30)],
    ['1740787200000', Date.UTC(2025, 2, 1)],
    ['0', 0],
  ])('dates: %j is read as YYYY-MM-DD, an ISO date-time or epoch milliseconds', (raw, ms) => {
    expect(readDateMs(raw)).toBe(ms);
  });

  it('epoch-millisecond dates: a value of all digits is epoch milliseconds', () => {
    const criterion = { property: 'createdate', operator: 'GTE', value: '2025-01-01' } as const;
    expect(outcome(criterion, String(Date.UTC(2025, 5, 1)))).toBe('match');
    expect(outcome(criterion, String(Date.UTC(2024, 5, 1)))).toBe('miss');
  });

  it.each([
    '01/02/2024',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-1-5',
    '2024-01-01T25:00Z',
    '2024-01-01T10:00:00.Z',
    '2024-01-01T10:00:00+5',
    'yesterday',
    '-1000',
    '1.5e12',
    '99999999999999999',
  ])('dates: anything else (%j) is unparseable', (raw) => {
    expect(readDateMs(raw)).toBeNull();
    const criterion = { property: 'createdate', operator: 'GTE', value: '2025-01-01' } as const;
    expect(outcome(criterion, raw)).toBe('unknown');
  });

  it('a date-time without an offset is UTC (the same on every machine)', () => {
    expect(readDateMs('2025-03-01T00:00:00')).toBe(readDateMs('2025-03-01T00:00:00Z'));
  });

  it('dates agree with JavaScript Date for every instant of years 0001..9999', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString();
          expect(readDateMs(iso)).toBe(d.getTime());
          expect(readDateMs(iso.slice(0, 10))).toBe(
            Math.floor(d.getTime() / 86_400_000) * 86_400_000,
          );
        },
      ),
    );
  });

  it('multi-select is split only for checkbox enumerations', () => {
    expect(isMultiSelect(COMPANY_DEFINITIONS.web_technologies)).toBe(true);
    expect(isMultiSelect(COMPANY_DEFINITIONS.industry)).toBe(false);
    expect(isMultiSelect(undefined)).toBe(false);
    const criterion = { property: 'web_technologies', operator: 'EQ', value: 'hubspot' } as const;
    expect(outcome(criterion, 'salesforce;hubspot')).toBe('match');
    const select = {
      web_technologies: {
        name: 'web_technologies',
        label: 'Tech',
        type: 'enumeration',
        fieldType: 'select',
      },
    };
    expect(outcome(criterion, 'salesforce;hubspot', select)).toBe('miss');
    expect(outcome(criterion, 'salesforce;hubspot', {})).toBe('miss');
  });

  it('multi-select: the value is split on ";" into a set of trimmed elements', () => {
    expect(splitMultiSelect('a; b;;a ; c')).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['EQ', { value: 'hubspot' }, 'match'],
    ['EQ', { value: 'marketo' }, 'miss'],
    ['IN', { values: ['marketo', 'HubSpot'] }, 'match'],
    ['IN', { values: ['marketo'] }, 'miss'],
    ['NEQ', { value: 'hubspot' }, 'miss'],
    ['NEQ', { value: 'marketo' }, 'match'],
    ['NOT_IN', { values: ['marketo', 'hubspot'] }, 'miss'],
    ['NOT_IN', { values: ['marketo'] }, 'match'],
  ] as const)(
    'multi-select: %s %j on "salesforce;hubspot" is %s (EQ/IN: any element; NEQ/NOT_IN: no element)',
    (operator, operands, expected) => {
      expect(
        outcome(
          { property: 'web_technologies', operator, ...operands } as CriterionInput,
          'salesforce;hubspot',
        ),
      ).toBe(expected);
    },
  );

  it('"now" is an input of scoring: WITHIN_LAST_DAYS follows nowMs, not the clock', () => {
    const compiled = compiledWith([
      { property: 'createdate', operator: 'WITHIN_LAST_DAYS', value: 30 },
    ]);
    const facts = company({ createdate: '2026-01-01' });
    expect(scoreCompany(compiled, facts).segments[0]?.criteria[0]?.outcome).toBe('match');
    const later = { ...facts, nowMs: NOW_MS + 60 * 86_400_000 };
    expect(scoreCompany(compiled, later).segments[0]?.criteria[0]?.outcome).toBe('miss');
  });
});
