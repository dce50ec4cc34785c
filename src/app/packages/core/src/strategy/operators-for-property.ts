import { OPERATORS } from '../criteria/operators.ts';
import type { ValueKind } from '../criteria/operators.ts';
import { Operator } from '../enums.ts';
import type { PropertyDefinition } from '../facts/schema.ts';

/** The kind of value a criterion compares a property with, by the property's HubSpot type. */
export const propertyValueKind = (definition: Pick<PropertyDefinition, 'type'>): ValueKind => {
  switch (definition.type) {
    case 'number':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    case 'bool':
      return 'boolean';
    default:
      return 'string';
  }
};

/**
 * The operators that fit a property, from the operator table (SCORING §2): those without operands,
 * WITHIN_* on dates, and every other operator whose operands may be of the property's value kind
 * (so dates get GT…BETWEEN, not EQ; yes/no properties get EQ and NEQ; text gets the token tests).
 *
 * @example
 * operatorsForProperty({ type: 'bool' }); // ['EQ', 'NEQ', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY']
 */
export const operatorsForProperty = (definition: Pick<PropertyDefinition, 'type'>): Operator[] => {
  const kind = propertyValueKind(definition);
  return Operator.options.filter((operator) => {
    const spec = OPERATORS[operator];
    switch (spec.operands) {
      case 'none':
        return true;
      case 'days':
        return kind === 'date';
      case 'value':
      case 'values':
      case 'range':
        return spec.valueKinds.includes(kind);
      default:
        return spec.operands satisfies never;
    }
  });
};
