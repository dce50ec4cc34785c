import { describe, expect, it } from 'vitest';

import {
  COMPANY_DEFINITIONS,
  strategyOf,
  segment,
} from '../../../../../../test/support/core/fixtures.ts';
import type { ValueKind } from '../criteria/operators.ts';
import { OPERATORS } from '../criteria/operators.ts';
import type { PropertyDefinition } from '../facts/schema.ts';
import { checkStrategyProperties } from './check-strategy-properties.ts';
import { operatorsForProperty, propertyValueKind } from './operators-for-property.ts';

const definition = (type: string, fieldType: string, options?: string[]): PropertyDefinition => ({
  name: `a_${type}`,
  label: `A ${type}`,
  type,
  fieldType,
  ...(options === undefined ? {} : { options: options.map((o) => ({ label: o, value: o })) }),
});

const PROPERTIES = {
  text: definition('string', 'text'),
  number: definition('number', 'number'),
  date: definition('date', 'date'),
  datetime: definition('datetime', 'date'),
  yes_no: definition('bool', 'booleancheckbox', ['true', 'false']),
  select: definition('enumeration', 'select', ['A', 'B']),
  checkbox: definition('enumeration', 'checkbox', ['x', 'y']),
};

describe('operatorsForProperty: operators offered by property type (SCORING §2)', () => {
  it.each<[keyof typeof PROPERTIES, string[]]>([
    [
      'text',
      [
        'EQ',
        'NEQ',
        'IN',
        'NOT_IN',
        'HAS_PROPERTY',
        'NOT_HAS_PROPERTY',
        'CONTAINS_TOKEN',
        'NOT_CONTAINS_TOKEN',
      ],
    ],
    [
      'number',
      [
        'EQ',
        'NEQ',
        'IN',
        'NOT_IN',
        'GT',
        'GTE',
        'LT',
        'LTE',
        'BETWEEN',
        'HAS_PROPERTY',
        'NOT_HAS_PROPERTY',
      ],
    ],
    [
      'date',
      [
        'GT',
        'GTE',
        'LT',
        'LTE',
        'BETWEEN',
        'HAS_PROPERTY',
        'NOT_HAS_PROPERTY',
        'WITHIN_NEXT_DAYS',
        'WITHIN_LAST_DAYS',
      ],
    ],
    [
      'datetime',
      [
        'GT',
        'GTE',
        'LT',
        'LTE',
        'BETWEEN',
        'HAS_PROPERTY',
        'NOT_HAS_PROPERTY',
        'WITHIN_NEXT_DAYS',
        'WITHIN_LAST_DAYS',
      ],
    ],
    ['yes_no', ['EQ', 'NEQ', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY']],
    [
      'select',
      [
        'EQ',
        'NEQ',
        'IN',
        'NOT_IN',
        'HAS_PROPERTY',
        'NOT_HAS_PROPERTY',
        'CONTAINS_TOKEN',
        'NOT_CONTAINS_TOKEN',
      ],
    ],
  ])('a %s property is offered %j', (name, expected) => {
    expect(operatorsForProperty(PROPERTIES[name])).toEqual(expected);
  });

  const sample: Record<ValueKind, string | number | boolean> = {
    string: 'A',
    number: 5,
    boolean: true,
    date: '2026-01-01',
  };

  it('every operator offered passes the portal check with a value of the property’s kind', () => {
    for (const d of Object.values(PROPERTIES)) {
      const kind = propertyValueKind(d);
      const criteria = operatorsForProperty(d).map((operator) => {
        const spec = OPERATORS[operator];
        const value = spec.operands === 'days' ? 30 : sample[kind];
        const operands =
          spec.operands === 'none'
            ? {}
            : spec.operands === 'values'
              ? { values: [typeof value === 'boolean' ? 'A' : value] as (string | number)[] }
              : spec.operands === 'range'
                ? { value, highValue: kind === 'date' ? '2026-12-31' : 10 }
                : { value };
        return { property: d.name, operator, ...operands } as const;
      });
      const s = strategyOf([segment('seg', criteria)]);
      const defs = {
        ...COMPANY_DEFINITIONS,
        [d.name]: { ...d, options: [...(d.options ?? []), { label: 'A', value: 'A' }] },
      };
      const unreadable = checkStrategyProperties(s, { company: defs, deal: {} }).filter(
        (i) => i.code === 'property_unreadable',
      );
      expect(unreadable, d.name).toEqual([]);
    }
  });
});
