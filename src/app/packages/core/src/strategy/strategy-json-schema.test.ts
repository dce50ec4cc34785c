import { describe, expect, it } from 'vitest';

import committed from '../../../../../../schema/strategy.schema.json' with { type: 'json' };
import { STRATEGY_SCHEMA_ID, strategyJsonSchema } from './strategy-json-schema.ts';

type Node = Record<string, unknown>;
const at = (node: unknown, ...keys: string[]): Node =>
  keys.reduce<Node>((n, k) => (n[k] ?? {}) as Node, node as Node);

describe('the JSON Schema of the strategy', () => {
  it('the committed schema/strategy.schema.json is up to date (npm run schema writes it)', () => {
    expect(committed).toEqual(strategyJsonSchema());
  });

  it('has an $id, a title and descriptions so editors show help', () => {
    const schema = strategyJsonSchema();
    expect(schema.$id).toBe(STRATEGY_SCHEMA_ID);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Strategy Fit strategy');
    expect(at(schema, 'properties', 'segments').description).toBe('1..50 segments, ids unique');
  });

  it('describes the input side: defaults are shown, optional fields are not required', () => {
    const criterion = at(strategyJsonSchema(), '$defs', 'SegmentCriterion');
    expect(at(criterion, 'properties', 'weight')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 10,
      default: 1,
    });
    // SCORING §14: editors flag "object": "deal" in segments and exclusions too.
    expect(at(criterion, 'properties', 'object')).toMatchObject({
      const: 'company',
      default: 'company',
    });
    expect(
      at(strategyJsonSchema(), '$defs', 'DreamCriterion', 'properties', 'object'),
    ).toMatchObject({ default: 'deal' });
    expect(criterion.required).toEqual(['property', 'operator']);
    expect(criterion.additionalProperties).toBe(false);
  });

  it('tells editors which operands each operator needs', () => {
    const rules = at(strategyJsonSchema(), '$defs', 'SegmentCriterion').allOf as Node[];
    const rule = (operator: string) =>
      rules.find((r) => at(r, 'if', 'properties', 'operator').const === operator);
    expect(rule('IN')?.then).toEqual({
      properties: {
        value: false,
        highValue: false,
        values: {
          type: 'array',
          minItems: 1,
          items: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }] },
        },
      },
      required: ['values'],
    });
    expect(at(rule('HAS_PROPERTY'), 'then')).toEqual({
      properties: { value: false, values: false, highValue: false },
      required: [],
    });
    expect(rules).toHaveLength(15);
  });
});
