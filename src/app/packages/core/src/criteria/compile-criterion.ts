import type { Criterion } from '../strategy/strategy-schema.ts';
import { readDateMs } from '../values/read-value.ts';
import { OPERATORS } from './operators.ts';
import type { Comparand, OperatorSpec, ValueKind } from './operators.ts';

/** A criterion ready to evaluate: its operator row, its operands parsed once, where its value is. */
export type CompiledCriterion = {
  readonly criterion: Criterion;
  /** Index of its property among the properties the compiled strategy reads (`slots`). */
  readonly slot: number;
  readonly spec: OperatorSpec;
  readonly comparand: Comparand;
  /** What the property must be readable as (for data-quality findings); null when any text will do. */
  readonly reads: 'number' | 'date' | 'boolean' | null;
};

const operandKind = (spec: OperatorSpec, operand: unknown): ValueKind => {
  if (typeof operand === 'number') return 'number';
  if (typeof operand === 'boolean') return 'boolean';
  return spec.valueKinds.includes('string') ? 'string' : 'date';
};

const asNumber = (kind: ValueKind, operand: unknown): number => {
  if (typeof operand === 'number') return operand;
  if (kind === 'date' && typeof operand === 'string') return readDateMs(operand) ?? Number.NaN;
  return Number.NaN;
};

/** Compiles one criterion (SCORING §2–3): the evaluator then never looks at operator names. */
export const compileCriterion = (criterion: Criterion, slot: number): CompiledCriterion => {
  const spec = OPERATORS[criterion.operator];
  const values = criterion.values ?? [];
  const strings = values.flatMap((v) => (typeof v === 'string' ? [v.trim().toLowerCase()] : []));
  const numbers = values.flatMap((v) => (typeof v === 'number' ? [v] : []));
  const kind = spec.operands === 'days' ? 'number' : operandKind(spec, criterion.value);
  const comparand: Comparand = Object.freeze({
    kind,
    text: typeof criterion.value === 'string' ? criterion.value.trim().toLowerCase() : '',
    low: asNumber(kind, criterion.value),
    high: asNumber(kind, criterion.highValue),
    bool: criterion.value === true,
    strings: Object.freeze(strings),
    numbers: Object.freeze(numbers),
  });
  const reads = readsOf(spec, kind, numbers.length > 0);
  return Object.freeze({ criterion, slot, spec, comparand, reads });
};

const readsOf = (
  spec: OperatorSpec,
  kind: ValueKind,
  hasNumbers: boolean,
): CompiledCriterion['reads'] => {
  if (spec.operands === 'none') return null;
  if (spec.operands === 'days' || kind === 'date') return 'date';
  if (spec.operands === 'values') return hasNumbers ? 'number' : null;
  if (kind === 'number') return 'number';
  return kind === 'boolean' ? 'boolean' : null;
};
