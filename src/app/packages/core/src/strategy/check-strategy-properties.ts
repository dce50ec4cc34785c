import { z } from 'zod';

import { OPERATORS } from '../criteria/operators.ts';
import { CriterionObject } from '../enums.ts';
import { strategyFitError } from '../errors.ts';
import type { StrategyFitError } from '../errors.ts';
import type { PropertyDefinition, PropertyDefinitions } from '../facts/schema.ts';
import { formatPath } from '../format.ts';
import { isIsoDate } from '../values/read-value.ts';
import type { Criterion, Strategy } from './strategy-schema.ts';

/** Why a property a strategy names cannot be used on this portal. */
export const StrategyPropertyIssueCode = z.enum([
  'property_unknown',
  'property_wrong_object',
  'property_unreadable',
  'option_unknown',
  'competitor_property_not_on_deals',
]);
export type StrategyPropertyIssueCode = z.output<typeof StrategyPropertyIssueCode>;

/** One problem with a property of a strategy: where (JSON path), which property, on which object. */
export const StrategyPropertyIssue = z.strictObject({
  code: StrategyPropertyIssueCode,
  path: z.string().describe('e.g. segments[0].criteria[2].property'),
  property: z.string(),
  object: CriterionObject,
  message: z.string(),
});
export type StrategyPropertyIssue = z.output<typeof StrategyPropertyIssue>;

/** The portal's property definitions of both objects a strategy reads. */
export type PortalDefinitions = { company: PropertyDefinitions; deal: PropertyDefinitions };

/** How a criterion reads its property. */
type Reading = 'number' | 'date' | 'boolean' | 'text' | 'presence';

const READING_WORDS: Record<Reading, string> = {
  number: 'a number',
  date: 'a date',
  boolean: 'true or false',
  text: 'text',
  presence: 'any value',
};

type Params = {
  property: string;
  object: CriterionObject;
  other?: CriterionObject;
  definition?: PropertyDefinition;
  reading?: Reading;
  operator?: string;
  input?: string | number | boolean;
  suggestion?: string;
};

const OBJECT_WORDS: Record<CriterionObject, string> = { company: 'company', deal: 'deal' };

const describeValue = (v: string | number | boolean | undefined): string =>
  typeof v === 'string' ? `“${v}”` : String(v);

const listOptions = (d: PropertyDefinition | undefined): string => {
  const values = (d?.options ?? []).map((o) => o.value);
  const shown = values.slice(0, 12).join(', ');
  return values.length > 12 ? `${shown} and ${values.length - 12} more` : shown;
};

/** Every message, keyed by code (STYLE §14): written for the sales manager who edits the strategy. */
const MESSAGES: Record<StrategyPropertyIssueCode, (p: Params) => string> = {
  property_unknown: (p) =>
    `This portal has no ${OBJECT_WORDS[p.object]} property “${p.property}”.${
      p.suggestion === undefined ? '' : ` Did you mean “${p.suggestion}”?`
    } Use the property's internal name, or create the property in HubSpot first.`,
  property_wrong_object: (p) =>
    `“${p.property}” is a ${OBJECT_WORDS[p.other ?? 'company']} property, but this criterion reads the ${OBJECT_WORDS[p.object]}. Add "object": "${p.other ?? 'company'}" to the criterion, or use a ${OBJECT_WORDS[p.object]} property.`,
  property_unreadable: (p) =>
    `“${p.property}” is a ${p.definition?.type ?? 'different'} property (${p.definition?.fieldType ?? '?'}), so ${p.operator ?? 'this operator'} cannot read it as ${READING_WORDS[p.reading ?? 'text']}. Use a property of a matching type, or another operator.`,
  option_unknown: (p) =>
    `${describeValue(p.input)} is not an option of “${p.property}”, so it can never match. Its options are: ${listOptions(p.definition)}.`,
  competitor_property_not_on_deals: (p) =>
    `“${p.property}” is a company property, but competitors are read from the deal. Use a deal property that names the competitors on a deal.`,
};

/** Property types each reading can use (SCORING §3: numbers and dates also parse from text). */
const READABLE_TYPES: Record<Exclude<Reading, 'presence' | 'text'>, readonly string[]> = {
  number: ['number', 'string', 'enumeration'],
  date: ['date', 'datetime', 'string'],
  boolean: ['bool', 'string', 'enumeration'],
};

const hasOptions = (d: PropertyDefinition): boolean =>
  (d.type === 'enumeration' || d.type === 'bool') && (d.options?.length ?? 0) > 0;

const isNumeric = (text: string): boolean =>
  text.trim() !== '' && Number.isFinite(Number(text.trim()));

/** Whether a value is among the options (SCORING §3: trimmed, case-insensitive; numbers numerically). */
const isOption = (d: PropertyDefinition, value: string | number | boolean): boolean => {
  const options = d.options ?? [];
  if (typeof value === 'number')
    return options.some((o) => isNumeric(o.value) && Number(o.value) === value);
  const wanted = String(value).trim().toLowerCase();
  return options.some((o) => o.value.trim().toLowerCase() === wanted);
};

/** How a criterion's operand is compared (mirrors the operator table and the value kinds). */
const readingOf = (c: Criterion, operand: unknown): Reading => {
  const spec = OPERATORS[c.operator];
  if (spec.operands === 'none') return 'presence';
  if (spec.operands === 'days') return 'date';
  if (typeof operand === 'number') return 'number';
  if (typeof operand === 'boolean') return 'boolean';
  const ordered = !spec.valueKinds.includes('string');
  return ordered && typeof operand === 'string' && isIsoDate(operand) ? 'date' : 'text';
};

const canRead = (d: PropertyDefinition, reading: Reading): boolean => {
  if (reading === 'presence' || reading === 'text') return true;
  if (!READABLE_TYPES[reading].includes(d.type)) return false;
  // An enumeration reads as a number only when its options are numbers.
  if (reading === 'number' && d.type === 'enumeration') {
    return (d.options ?? []).length > 0 && (d.options ?? []).every((o) => isNumeric(o.value));
  }
  return true;
};

/** Levenshtein distance, for "did you mean" (names are short). */
const distance = (a: string, b: string): number => {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
};

const suggest = (name: string, definitions: PropertyDefinitions): string | undefined => {
  let best: { name: string; d: number } | undefined;
  for (const candidate of Object.keys(definitions)) {
    const d = distance(name, candidate);
    if (d <= Math.max(2, Math.floor(name.length / 5)) && (best === undefined || d < best.d)) {
      best = { name: candidate, d };
    }
  }
  return best?.name;
};

const OTHER: Record<CriterionObject, CriterionObject> = { company: 'deal', deal: 'company' };

type Issue = StrategyPropertyIssue;

const makeIssue = (
  code: StrategyPropertyIssueCode,
  path: readonly PropertyKey[],
  params: Params,
): Issue => ({
  code,
  path: formatPath(path),
  property: params.property,
  object: params.object,
  message: MESSAGES[code](params),
});

/** The definition of a property on its object, or the issue why there is none. */
const lookUp = (
  property: string,
  object: CriterionObject,
  path: readonly PropertyKey[],
  definitions: PortalDefinitions,
): { definition: PropertyDefinition } | { issue: Issue } => {
  const definition = definitions[object][property];
  if (definition !== undefined) return { definition };
  const other = OTHER[object];
  if (definitions[other][property] !== undefined) {
    return {
      issue: makeIssue('property_wrong_object', [...path, 'property'], { property, object, other }),
    };
  }
  const suggestion = suggest(property, definitions[object]);
  return {
    issue: makeIssue('property_unknown', [...path, 'property'], {
      property,
      object,
      ...(suggestion === undefined ? {} : { suggestion }),
    }),
  };
};

/** The issues of one criterion at `path`: existence, readability, then each operand's option. */
const checkCriterion = (
  c: Criterion,
  path: readonly PropertyKey[],
  defs: PortalDefinitions,
): Issue[] => {
  const found = lookUp(c.property, c.object, path, defs);
  if ('issue' in found) return [found.issue];
  const definition = found.definition;
  const operands: { key: readonly PropertyKey[]; value: string | number | boolean }[] =
    OPERATORS[c.operator].operands === 'values'
      ? (c.values ?? []).map((value, i) => ({ key: ['values', i], value }))
      : [
          ...(c.value === undefined ? [] : [{ key: ['value'], value: c.value }]),
          ...(c.highValue === undefined ? [] : [{ key: ['highValue'], value: c.highValue }]),
        ];
  const readings =
    operands.length === 0 ? [readingOf(c, undefined)] : operands.map((o) => readingOf(c, o.value));
  const params = { property: c.property, object: c.object, definition, operator: c.operator };
  const unreadable = readings.find((r) => !canRead(definition, r));
  if (unreadable !== undefined) {
    return [
      makeIssue('property_unreadable', [...path, 'property'], { ...params, reading: unreadable }),
    ];
  }
  const comparesValues = ['EQ', 'NEQ', 'IN', 'NOT_IN'].includes(c.operator);
  if (!comparesValues || !hasOptions(definition)) return [];
  return operands
    .filter((o) => !isOption(definition, o.value))
    .map((o) => makeIssue('option_unknown', [...path, ...o.key], { ...params, input: o.value }));
};

/**
 * Checks every property a strategy names against the portal's definitions: it exists on the object
 * the criterion reads, has a type the operator can read, and every value compared with an
 * enumeration is one of its options. Returns every issue, each with its JSON path and property.
 *
 * @example
 * const issues = checkStrategyProperties(strategy, { company: companyDefs, deal: dealDefs });
 * for (const i of issues) show(`${i.path}: ${i.message}`);
 */
export const checkStrategyProperties = (
  strategy: Strategy,
  definitions: PortalDefinitions,
): StrategyPropertyIssue[] => {
  const issues: Issue[] = [];
  strategy.segments.forEach((s, i) =>
    s.criteria.forEach((c, j) =>
      issues.push(...checkCriterion(c, ['segments', i, 'criteria', j], definitions)),
    ),
  );
  strategy.exclusions.forEach((x, i) =>
    x.criteria.forEach((c, j) =>
      issues.push(...checkCriterion(c, ['exclusions', i, 'criteria', j], definitions)),
    ),
  );
  const dream = strategy.dreamCustomer;
  if (dream !== undefined) {
    for (const group of ['need', 'abilityToPay', 'urgency'] as const) {
      dream[group].forEach((c, j) =>
        issues.push(...checkCriterion(c, ['dreamCustomer', group, j], definitions)),
      );
    }
  }
  const discount = strategy.dealChecks?.discountProperty;
  if (discount !== undefined) {
    const path = ['dealChecks', 'discountProperty'];
    const found = lookUp(discount, 'deal', ['dealChecks'], definitions);
    if ('issue' in found) {
      issues.push({ ...found.issue, path: formatPath(path) });
    } else if (!canRead(found.definition, 'number')) {
      const params = { property: discount, object: 'deal' as const, definition: found.definition };
      issues.push(
        makeIssue('property_unreadable', path, {
          ...params,
          operator: 'the discount check',
          reading: 'number',
        }),
      );
    }
  }
  issues.push(...checkPartTwo(strategy, definitions));
  return issues;
};

/**
 * SCORING §11, §12 against the portal: `competitorProperty` is a deal property; the
 * existing-customer criteria are checked like every other criterion.
 */
const checkPartTwo = (strategy: Strategy, definitions: PortalDefinitions): Issue[] => {
  const issues: Issue[] = [];
  const competitor = strategy.competitorProperty;
  if (competitor !== undefined) {
    const path = ['competitorProperty'];
    const found = lookUp(competitor, 'deal', [], definitions);
    if ('issue' in found) {
      issues.push(
        found.issue.code === 'property_wrong_object'
          ? makeIssue('competitor_property_not_on_deals', path, {
              property: competitor,
              object: 'deal',
            })
          : { ...found.issue, path: formatPath(path) },
      );
    }
  }
  strategy.existingCustomers?.criteria.forEach((c, j) =>
    issues.push(...checkCriterion(c, ['existingCustomers', 'criteria', j], definitions)),
  );
  return issues;
};

/** One product error for a strategy whose properties do not fit the portal, naming the first issue. */
export const strategyPropertyIssuesError = (
  issues: readonly StrategyPropertyIssue[],
): StrategyFitError => {
  const first = issues[0];
  if (first === undefined) {
    return strategyFitError(
      'strategy_property_unknown',
      'The strategy names properties this portal cannot serve.',
    );
  }
  const code =
    first.code === 'property_unknown' ||
    first.code === 'property_wrong_object' ||
    first.code === 'competitor_property_not_on_deals'
      ? 'strategy_property_unknown'
      : 'strategy_property_unreadable';
  const message =
    issues.length === 1
      ? `${first.path}: ${first.message}`
      : `The strategy has ${issues.length} property problems. The first: ${first.path}: ${first.message}`;
  return strategyFitError(code, message, { path: first.path, property: first.property });
};
