// A readable structural diff of two strategies: segments, exclusions and criteria added, removed
// or changed (matched by id, criteria by object and property), plus the scalar settings. Shared by
// the CLI's `strategy diff` and the settings page (what a publish would change).
import { existingCustomersOf } from './strategy-defaults.ts';
import type { Competitor, Criterion, Strategy } from './strategy-schema.ts';

/** How one place of a strategy differs. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** One difference; `where` names the place the way people read it, `summary` says what changed. */
export type StrategyChange = {
  kind: ChangeKind;
  where: string;
  summary: string;
  /** Finer changes inside a changed segment, exclusion or dream-customer question. */
  details?: StrategyChange[];
};

const show = (v: unknown): string => {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return `“${v}”`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return JSON.stringify(v);
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A criterion in one line: `deal.amount BETWEEN 10000..50000`, `industry IN [“A”, “B”]`. */
export const describeCriterion = (c: Criterion): string => {
  const subject = `${c.object === 'deal' ? 'deal.' : ''}${c.property}`;
  const operands =
    c.values !== undefined
      ? ` ${show(c.values)}`
      : c.highValue !== undefined
        ? ` ${show(c.value)}..${show(c.highValue)}`
        : c.value !== undefined
          ? ` ${show(c.value)}`
          : '';
  const extras = [
    c.weight === 1 ? null : `weight ${c.weight}`,
    c.required ? 'required' : null,
  ].filter((x) => x !== null);
  return `${subject} ${c.operator}${operands}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
};

const CRITERION_FIELDS = [
  'operator',
  'value',
  'values',
  'highValue',
  'weight',
  'required',
  'label',
] as const;

/** Field-by-field changes between two values of the same fields. */
function fieldChanges<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
  prefix = '',
): StrategyChange[] {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({
      kind: 'changed' as const,
      where: `${prefix}${f}`,
      summary: `${show(before[f])} → ${show(after[f])}`,
    }));
}

/**
 * Criteria matched by object and property: identical ones first, then the same operator, then in
 * order (a property may appear more than once).
 */
export function diffCriteria(
  before: readonly Criterion[],
  after: readonly Criterion[],
): StrategyChange[] {
  const key = (c: Criterion): string => `${c.object}:${c.property}`;
  const unmatched = new Set(after);
  const pairs = new Map<Criterion, Criterion>();
  const tests: ((old: Criterion, c: Criterion) => boolean)[] = [
    (old, c) => same(old, c),
    (old, c) => key(old) === key(c) && old.operator === c.operator,
    (old, c) => key(old) === key(c),
  ];
  for (const test of tests) {
    for (const old of before) {
      if (pairs.has(old)) continue;
      const match = [...unmatched].find((c) => test(old, c));
      if (match === undefined) continue;
      pairs.set(old, match);
      unmatched.delete(match);
    }
  }
  const changes: StrategyChange[] = [];
  for (const old of before) {
    const match = pairs.get(old);
    if (match === undefined) {
      changes.push({ kind: 'removed', where: 'criterion', summary: describeCriterion(old) });
    } else if (fieldChanges(old, match, CRITERION_FIELDS).length > 0) {
      // The one-line descriptions show everything but the label.
      const label = fieldChanges(old, match, ['label']);
      changes.push({
        kind: 'changed',
        where: 'criterion',
        summary: `${describeCriterion(old)} → ${describeCriterion(match)}`,
        ...(label.length === 0 ? {} : { details: label }),
      });
    }
  }
  for (const c of after) {
    if (unmatched.has(c))
      changes.push({ kind: 'added', where: 'criterion', summary: describeCriterion(c) });
  }
  return changes;
}

type Identified = { id: string };

/** Lists of items with ids: added, removed, changed (by `compare`), and whether the order changed. */
function diffById<T extends Identified>(
  label: string,
  before: readonly T[],
  after: readonly T[],
  describe: (item: T) => string,
  compare: (a: T, b: T) => StrategyChange[],
): StrategyChange[] {
  const afterIds = new Map(after.map((x) => [x.id, x]));
  const beforeIds = new Map(before.map((x) => [x.id, x]));
  const changes: StrategyChange[] = [];
  for (const old of before) {
    const match = afterIds.get(old.id);
    if (match === undefined) {
      changes.push({ kind: 'removed', where: `${label} ${old.id}`, summary: describe(old) });
      continue;
    }
    const details = compare(old, match);
    if (details.length > 0) {
      changes.push({
        kind: 'changed',
        where: `${label} ${old.id}`,
        summary: describe(match),
        details,
      });
    }
  }
  for (const item of after) {
    if (!beforeIds.has(item.id)) {
      changes.push({ kind: 'added', where: `${label} ${item.id}`, summary: describe(item) });
    }
  }
  const commonBefore = before.map((x) => x.id).filter((id) => afterIds.has(id));
  const commonAfter = after.map((x) => x.id).filter((id) => beforeIds.has(id));
  if (!same(commonBefore, commonAfter)) {
    changes.push({
      kind: 'changed',
      where: `${label} order`,
      summary: `${commonBefore.join(', ')} → ${commonAfter.join(', ')} (ties between segments go to the earlier one)`,
    });
  }
  return changes;
}

const criteriaCount = (n: number): string => `${n} ${n === 1 ? 'criterion' : 'criteria'}`;

const DREAM_GROUPS = ['need', 'abilityToPay', 'urgency'] as const;

function diffDreamCustomer(
  a: Strategy['dreamCustomer'],
  b: Strategy['dreamCustomer'],
): StrategyChange[] {
  if (a === undefined && b === undefined) return [];
  if (a === undefined || b === undefined) {
    const present = (a ?? b) as NonNullable<Strategy['dreamCustomer']>;
    const n = DREAM_GROUPS.reduce((sum, g) => sum + present[g].length, 0);
    return [
      {
        kind: a === undefined ? 'added' : 'removed',
        where: 'dream-customer test',
        summary: criteriaCount(n),
      },
    ];
  }
  return DREAM_GROUPS.flatMap((g) => {
    const details = diffCriteria(a[g], b[g]);
    return details.length === 0
      ? []
      : [
          {
            kind: 'changed' as const,
            where: `dream-customer question ${g}`,
            summary: criteriaCount(b[g].length),
            details,
          },
        ];
  });
}

const COMPETITOR_FIELDS = ['name', 'values', 'targets', 'howWeWin'] as const;

/** SCORING §11–§13, §15: competitors by id, then the settings (absent = their defaults). */
function diffPartTwo(a: Strategy, b: Strategy): StrategyChange[] {
  const existingA = existingCustomersOf(a);
  const existingB = existingCustomersOf(b);
  return [
    ...diffById<Competitor>(
      'competitor',
      a.competitors ?? [],
      b.competitors ?? [],
      (c) => `“${c.name}”`,
      (x, y) => fieldChanges(x, y, COMPETITOR_FIELDS),
    ).filter((c) => c.where !== 'competitor order'),
    ...fieldChanges(a, b, ['competitorProperty', 'focusGuard', 'evidenceWindowDays']),
    ...fieldChanges(existingA, existingB, ['policy'], 'existingCustomers.'),
    ...diffCriteria(existingA.criteria, existingB.criteria).map((c) => ({
      ...c,
      where: `existingCustomers.${c.where}`,
    })),
  ];
}

/** Every difference between strategy `a` (before) and `b` (after), in document order. */
export function diffStrategies(a: Strategy, b: Strategy): StrategyChange[] {
  const changes: StrategyChange[] = [
    ...fieldChanges(a, b, ['name', 'description', 'dreamCapacityPerOwner']),
    ...fieldChanges(a.thresholds, b.thresholds, ['fit', 'stretch'], 'thresholds.'),
  ];
  changes.push(
    ...diffById(
      'segment',
      a.segments,
      b.segments,
      (s) => `“${s.name}” (${s.priority}, ${criteriaCount(s.criteria.length)})`,
      (x, y) => [
        ...fieldChanges(x, y, [
          'name',
          'priority',
          'description',
          'dealAmount',
          'positioning',
          'offers',
        ]),
        ...diffCriteria(x.criteria, y.criteria),
      ],
    ),
    ...diffById(
      'exclusion',
      a.exclusions,
      b.exclusions,
      (x) => `“${x.reason}” (${criteriaCount(x.criteria.length)})`,
      (x, y) => [...fieldChanges(x, y, ['reason']), ...diffCriteria(x.criteria, y.criteria)],
    ),
    ...diffDreamCustomer(a.dreamCustomer, b.dreamCustomer),
    ...fieldChanges(
      a.dealChecks ?? {},
      b.dealChecks ?? {},
      ['maxDiscountPercent', 'discountProperty'],
      'dealChecks.',
    ),
    ...fieldChanges(
      a.managers ?? { userIds: [], teamIds: [] },
      b.managers ?? { userIds: [], teamIds: [] },
      ['userIds', 'teamIds'],
      'managers.',
    ),
    ...diffPartTwo(a, b),
  );
  return changes;
}
