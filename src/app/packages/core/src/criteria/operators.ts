import type { Operator } from '../enums.ts';
import type { Reading } from '../values/read-value.ts';
import { DAY_MS, readBoolean } from '../values/read-value.ts';

/** What an operator needs besides the property (SCORING §2). */
export type Operands = 'value' | 'values' | 'range' | 'days' | 'none';

/** How a criterion's `value` (or each of its `values`, or both ends of a range) may be written. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'date';

/** A criterion's operands, compiled once: numbers parsed, strings lower-cased (SCORING §3). */
export type Comparand = {
  /** The kind of `value` / range ends; `values` may mix strings and numbers. */
  readonly kind: ValueKind;
  /** `value` lower-cased, for string comparisons. */
  readonly text: string;
  /** `value` as a number, epoch ms (dates) or days; the low end of a range. */
  readonly low: number;
  /** The high end of a range (BETWEEN), as a number or epoch ms. */
  readonly high: number;
  readonly bool: boolean;
  /** The string members of `values`, lower-cased. */
  readonly strings: readonly string[];
  /** The number members of `values`. */
  readonly numbers: readonly number[];
};

/** true = satisfied, false = not satisfied, null = the value cannot be read as the comparison needs. */
type Test = (c: Comparand, v: Reading, nowMs: number) => boolean | null;

/** One row of the operator table (STYLE §22). */
export type OperatorSpec = {
  readonly operands: Operands;
  /** Kinds accepted for the operands. */
  readonly valueKinds: readonly ValueKind[];
  /** False only for HAS_PROPERTY / NOT_HAS_PROPERTY (SCORING §4). */
  readonly canBeUnknown: boolean;
  /** The operator matches when `test` is NOT satisfied (NEQ, NOT_IN, …). */
  readonly negated: boolean;
  /** On a multi-select value, `test` runs per element and any satisfied element counts (SCORING §3). */
  readonly perElement: boolean;
  readonly test: Test;
  /** Human wording of the expectation, from the formatted operands. */
  readonly describe: (operands: string) => string;
  /**
   * What a segment demands when this criterion rules a company out, after "the <segment>"
   * (SCORING §14): "need Machinery", "rule out Retail".
   */
  readonly need: (operands: string) => string;
};

/** Reads a value as the comparand's kind: a number, epoch ms or null when unparseable. */
const readOrdered = (c: Comparand, v: Reading): number | null =>
  c.kind === 'date' ? v.dateMs : v.number;

const equals: Test = (c, v) => {
  if (c.kind === 'string') return v.text === c.text;
  if (c.kind === 'boolean') {
    const b = readBoolean(v.text);
    return b === null ? null : b === c.bool;
  }
  const n = v.number;
  return n === null ? null : n === c.low;
};

const equalsOneOf: Test = (c, v) => {
  if (c.strings.includes(v.text)) return true;
  if (c.numbers.length === 0) return false;
  const n = v.number;
  if (n !== null) return c.numbers.includes(n);
  // The value is not a number, so the number members cannot be compared: unparseable.
  return null;
};

const ordered =
  (holds: (x: number, v: number) => boolean): Test =>
  (c, v) => {
    const x = readOrdered(c, v);
    return x === null ? null : holds(x, c.low);
  };

const between: Test = (c, v) => {
  const x = readOrdered(c, v);
  return x === null ? null : c.low <= x && x <= c.high;
};

const present: Test = () => true;

const contains: Test = (c, v) => v.text.includes(c.text);

const withinDays =
  (direction: 1 | -1): Test =>
  (c, v, nowMs) => {
    const at = v.dateMs;
    if (at === null) return null;
    const edge = nowMs + direction * c.low * DAY_MS;
    return direction === 1 ? nowMs <= at && at <= edge : edge <= at && at <= nowMs;
  };

const days = (n: string): string => `${n} ${n === '1' ? 'day' : 'days'}`;

const row = (
  spec: Pick<OperatorSpec, 'operands' | 'valueKinds' | 'test' | 'describe' | 'need'> &
    Partial<OperatorSpec>,
): OperatorSpec =>
  Object.freeze({
    canBeUnknown: true,
    negated: false,
    perElement: false,
    ...spec,
    valueKinds: Object.freeze([...spec.valueKinds]),
  });

const ORDERED_KINDS: readonly ValueKind[] = ['number', 'date'];

/** The operator table: everything the schema, the evaluator and the explanations need to know. */
export const OPERATORS: Readonly<Record<Operator, OperatorSpec>> = Object.freeze({
  EQ: row({
    operands: 'value',
    valueKinds: ['string', 'number', 'boolean'],
    perElement: true,
    test: equals,
    describe: (v) => v,
    need: (v) => `need ${v}`,
  }),
  NEQ: row({
    operands: 'value',
    valueKinds: ['string', 'number', 'boolean'],
    perElement: true,
    negated: true,
    test: equals,
    describe: (v) => `not ${v}`,
    need: (v) => `rule out ${v}`,
  }),
  IN: row({
    operands: 'values',
    valueKinds: ['string', 'number'],
    perElement: true,
    test: equalsOneOf,
    describe: (v) => `one of ${v}`,
    need: (v) => `need one of ${v}`,
  }),
  NOT_IN: row({
    operands: 'values',
    valueKinds: ['string', 'number'],
    perElement: true,
    negated: true,
    test: equalsOneOf,
    describe: (v) => `none of ${v}`,
    need: (v) => `rule out ${v}`,
  }),
  GT: row({
    operands: 'value',
    valueKinds: ORDERED_KINDS,
    test: ordered((x, v) => x > v),
    describe: (v) => `more than ${v}`,
    need: (v) => `need more than ${v}`,
  }),
  GTE: row({
    operands: 'value',
    valueKinds: ORDERED_KINDS,
    test: ordered((x, v) => x >= v),
    describe: (v) => `at least ${v}`,
    need: (v) => `need at least ${v}`,
  }),
  LT: row({
    operands: 'value',
    valueKinds: ORDERED_KINDS,
    test: ordered((x, v) => x < v),
    describe: (v) => `less than ${v}`,
    need: (v) => `need less than ${v}`,
  }),
  LTE: row({
    operands: 'value',
    valueKinds: ORDERED_KINDS,
    test: ordered((x, v) => x <= v),
    describe: (v) => `at most ${v}`,
    need: (v) => `need at most ${v}`,
  }),
  BETWEEN: row({
    operands: 'range',
    valueKinds: ORDERED_KINDS,
    test: between,
    describe: (v) => `between ${v}`,
    need: (v) => `need between ${v}`,
  }),
  HAS_PROPERTY: row({
    operands: 'none',
    valueKinds: [],
    canBeUnknown: false,
    test: present,
    describe: () => 'any value',
    need: () => 'need a value',
  }),
  NOT_HAS_PROPERTY: row({
    operands: 'none',
    valueKinds: [],
    canBeUnknown: false,
    negated: true,
    test: present,
    describe: () => 'no value',
    need: () => 'need it empty',
  }),
  CONTAINS_TOKEN: row({
    operands: 'value',
    valueKinds: ['string'],
    test: contains,
    describe: (v) => `contains ${v}`,
    need: (v) => `need it to contain ${v}`,
  }),
  NOT_CONTAINS_TOKEN: row({
    operands: 'value',
    valueKinds: ['string'],
    negated: true,
    test: contains,
    describe: (v) => `does not contain ${v}`,
    need: (v) => `rule out ${v}`,
  }),
  WITHIN_NEXT_DAYS: row({
    operands: 'days',
    valueKinds: ['number'],
    test: withinDays(1),
    describe: (v) => `within the next ${days(v)}`,
    need: (v) => `need it within the next ${days(v)}`,
  }),
  WITHIN_LAST_DAYS: row({
    operands: 'days',
    valueKinds: ['number'],
    test: withinDays(-1),
    describe: (v) => `within the last ${days(v)}`,
    need: (v) => `need it within the last ${days(v)}`,
  }),
});
