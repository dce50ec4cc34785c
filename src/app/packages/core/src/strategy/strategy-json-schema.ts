import { z } from 'zod';

import { OPERATORS } from '../criteria/operators.ts';
import type { ValueKind } from '../criteria/operators.ts';
import { Operator } from '../enums.ts';
import { DREAM_CRITERION_ID, SEGMENT_CRITERION_ID, StrategySchema } from './strategy-schema.ts';

/** The `$id` of the strategy's JSON Schema. */
export const STRATEGY_SCHEMA_ID = 'urn:strategy-fit:schema:strategy:1';

type JsonSchema = Record<string, unknown>;

const ISO_DATE =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?$';

const KIND_SCHEMAS: Record<ValueKind, JsonSchema> = {
  string: { type: 'string', minLength: 1 },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', pattern: ISO_DATE, description: 'YYYY-MM-DD or ISO date-time' },
};

const kinds = (list: readonly ValueKind[]): JsonSchema =>
  list.length === 1
    ? (KIND_SCHEMAS[list[0] ?? 'string'] ?? {})
    : { anyOf: list.map((k) => KIND_SCHEMAS[k]) };

/** SCORING §2 as JSON Schema: each operator requires exactly its operands, so editors flag mistakes. */
const operatorRules = (): JsonSchema[] =>
  Operator.options.map((operator) => {
    const spec = OPERATORS[operator];
    const operand =
      spec.operands === 'days'
        ? { type: 'number', minimum: 0, description: 'Number of days' }
        : kinds(spec.valueKinds);
    const properties: JsonSchema = { value: false, values: false, highValue: false };
    const required: string[] = [];
    if (spec.operands === 'values') {
      properties.values = { type: 'array', minItems: 1, items: operand };
      required.push('values');
    } else if (spec.operands !== 'none') {
      properties.value = operand;
      required.push('value');
      if (spec.operands === 'range') {
        properties.highValue = operand;
        required.push('highValue');
      }
    }
    return {
      if: { properties: { operator: { const: operator } }, required: ['operator'] },
      then: { properties, required },
    };
  });

/**
 * The JSON Schema of a strategy as people write it (zod 4 `toJSONSchema`, input side), for
 * `schema/strategy.schema.json` and editors. Cross-field rules an editor cannot check (unique
 * ids, stretch < fit, reversed ranges) are enforced by `parseStrategy`.
 */
export const strategyJsonSchema = (): JsonSchema => {
  const rules = operatorRules();
  const generated = z.toJSONSchema(StrategySchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: ({ jsonSchema }) => {
      const js = jsonSchema as JsonSchema;
      if (js.type === 'number' && js.multipleOf === 1) {
        js.type = 'integer';
        delete js.multipleOf;
      }
    },
  }) as JsonSchema;
  const { Strategy: root, ...defs } = (generated as { $defs: Record<string, JsonSchema> }).$defs;
  for (const id of [SEGMENT_CRITERION_ID, DREAM_CRITERION_ID]) {
    const def = defs[id];
    if (def) def.allOf = rules;
  }
  // SCORING §14: segments and exclusions read the company (parseStrategy refuses "deal" there).
  const segmentCriterion = defs[SEGMENT_CRITERION_ID]?.properties as JsonSchema | undefined;
  if (segmentCriterion !== undefined) {
    segmentCriterion.object = {
      const: 'company',
      default: 'company',
      description:
        'Segments and exclusions judge the company; deal properties belong in dreamCustomer or dealChecks',
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: STRATEGY_SCHEMA_ID,
    ...root,
    $defs: defs,
  };
};
