import { z } from 'zod';

import { OPERATORS } from '../criteria/operators.ts';
import { CriterionObject } from '../enums.ts';
import { strategyFitError } from '../errors.ts';
import type { StrategyFitError } from '../errors.ts';
import type { PropertyDefinition, PropertyDefinitions } from '../facts/schema.ts';
import { formatPath } from '../format.ts';
import { closestOptions } from './closest-options.ts';
import { readableCriteriaOf } from './criteria-of-document.ts';
import type { CriterionPlace, PlacedCriterion } from './criteria-of-document.ts';
import { WHERE_DEAL_PROPERTIES_BELONG } from './issue-messages.ts';
import { comparesEquality, isDayOnDatetime, needOf, suits } from './property-suitability.ts';
import type { Need } from './property-suitability.ts';
import { PROPERTY_NAME_PATTERN } from './strategy-schema.ts';
import type { Criterion, Strategy } from './strategy-schema.ts';

/** Why a property a strategy names cannot be used on this portal. */
export const StrategyPropertyIssueCode = z.enum([
  'property_unknown',
  'property_wrong_object',
  'property_unreadable',
  'day_on_datetime',
  'option_unknown',
  'user_unknown',
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

type Operand = string | number | boolean | undefined;

type Params = {
  property: string;
  object: CriterionObject;
  place?: CriterionPlace;
  other?: CriterionObject;
  definition?: PropertyDefinition;
  need?: Need;
  operator?: string;
  input?: Operand;
  suggestion?: string;
};

const OBJECT_WORDS: Record<CriterionObject, string> = { company: 'company', deal: 'deal' };

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a text property',
  number: 'a number property',
  date: 'a date property',
  datetime: 'a date-time property',
  enumeration: 'a dropdown (enumeration) property',
  bool: 'a yes/no property',
};

const typeWords = (d: PropertyDefinition | undefined): string =>
  d === undefined
    ? 'a property of another type'
    : `${TYPE_WORDS[d.type] ?? `a ${d.type} property`} (type ${d.type}, field ${d.fieldType})`;

const describeValue = (v: Operand): string =>
  v === undefined ? '' : typeof v === 'string' ? `“${v}”` : String(v);

/** “GTE 5”, “WITHIN_LAST_DAYS 30”, “HAS_PROPERTY”. */
const comparison = (p: Params): string =>
  [p.operator ?? 'this operator', describeValue(p.input)].filter((s) => s !== '').join(' ');

/** SCORING §14, per need: what the property must be, and what to do instead. */
const NEEDS: Record<Need, { rule: string; advice: (d: PropertyDefinition | undefined) => string }> =
  {
    number: {
      rule: 'GT, GTE, LT, LTE and BETWEEN compare a number only with a number property',
      advice: (d) =>
        d?.type === 'date' || d?.type === 'datetime'
          ? 'Compare it with a date (YYYY-MM-DD) instead, or use a number property.'
          : 'Use a number property, or compare this one with EQ, IN or CONTAINS_TOKEN.',
    },
    date: {
      rule: 'dates (GT…BETWEEN with a date, WITHIN_NEXT_DAYS, WITHIN_LAST_DAYS) compare only on a date or date-time property',
      advice: (d) =>
        d?.type === 'number'
          ? 'Compare it with a number instead, or use a date property.'
          : 'Use a date or date-time property.',
    },
    text: {
      rule: 'CONTAINS_TOKEN and NOT_CONTAINS_TOKEN look for text, only in a text or dropdown property',
      advice: () => 'Use a text property, or compare this one with EQ, IN, GT or LT.',
    },
    boolean: {
      rule: 'true and false compare only with a yes/no property, or a dropdown whose options are true and false',
      advice: () => 'Use a yes/no property, or compare this one with one of its values.',
    },
    number_value: {
      rule: 'a number compares only with a number property, text holding numbers, or a dropdown whose options are numbers',
      advice: () => 'Use a property of one of those types, or compare this one with text.',
    },
  };

/** The day of a date operand: `2026-01-01` of `2026-01-01` or `2026-01-01T10:00:00Z`. */
const dayOf = (v: Operand): string => (typeof v === 'string' ? v.slice(0, 10) : '');

const listOptions = (d: PropertyDefinition | undefined): string => {
  const values = (d?.options ?? []).map((o) => o.value);
  const shown = values.slice(0, 12).join(', ');
  return values.length > 12 ? `${shown} and ${values.length - 12} more` : shown;
};

const wrongObject = (p: Params): string => {
  const other = p.other ?? 'company';
  if (p.place === 'segment' && other === 'deal') {
    return `“${p.property}” is a deal property, but segments and exclusions judge the company: a company's fit cannot depend on one of its deals. Use a company property here. ${WHERE_DEAL_PROPERTIES_BELONG}`;
  }
  return `“${p.property}” is a ${OBJECT_WORDS[other]} property, but this criterion reads the ${OBJECT_WORDS[p.object]}. Add "object": "${other}" to the criterion, or use a ${OBJECT_WORDS[p.object]} property.`;
};

/** Every message, keyed by code (STYLE §14): written for the sales manager who edits the strategy. */
const MESSAGES: Record<StrategyPropertyIssueCode, (p: Params) => string> = {
  property_unknown: (p) =>
    `This portal has no ${OBJECT_WORDS[p.object]} property “${p.property}”.${
      p.suggestion === undefined ? '' : ` Did you mean “${p.suggestion}”?`
    } Use the property's internal name, or create the property in HubSpot first.`,
  property_wrong_object: wrongObject,
  property_unreadable: (p) => {
    const need = NEEDS[p.need ?? 'number'];
    return `“${p.property}” is ${typeWords(p.definition)}, so ${comparison(p)} can never match it: ${need.rule}. ${need.advice(p.definition)}`;
  },
  day_on_datetime: (p) =>
    `“${p.property}” is ${typeWords(p.definition)}: it holds a moment, not a day, so ${comparison(p)} can never match. Use BETWEEN the day's start and end instead: "operator": "BETWEEN", "value": "${dayOf(p.input)}T00:00:00Z", "highValue": "${dayOf(p.input)}T23:59:59.999Z".`,
  option_unknown: (p) => {
    const closest =
      p.definition === undefined || typeof p.input !== 'string'
        ? []
        : closestOptions(p.input, p.definition);
    const advice =
      closest.length === 0
        ? `Its options are: ${listOptions(p.definition)}.`
        : `The closest option${closest.length === 1 ? ' is' : 's are'}: ${closest.join(', ')}.`;
    return `${describeValue(p.input)} is not an option of “${p.property}”, so it can never match. ${advice}`;
  },
  user_unknown: (p) =>
    `${describeValue(p.input)} is not an active user of this HubSpot account: name managers by their email.`,
  competitor_property_not_on_deals: (p) =>
    `“${p.property}” is a company property, but competitors are read from the deal. Use a deal property that names the competitors on a deal.`,
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
  place: CriterionPlace,
): { definition: PropertyDefinition } | { issue: Issue } => {
  const definition = definitions[object][property];
  if (definition !== undefined) return { definition };
  const other = OTHER[object];
  if (definitions[other][property] !== undefined) {
    return {
      issue: makeIssue('property_wrong_object', [...path, 'property'], {
        property,
        object,
        other,
        place,
      }),
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

type PlacedOperand = { key: readonly PropertyKey[]; value: string | number | boolean };

const operandsOf = (c: Criterion): PlacedOperand[] =>
  OPERATORS[c.operator].operands === 'values'
    ? (c.values ?? []).map((value, i) => ({ key: ['values', i], value }))
    : [
        ...(c.value === undefined ? [] : [{ key: ['value'], value: c.value }]),
        ...(c.highValue === undefined ? [] : [{ key: ['highValue'], value: c.highValue }]),
      ];

/**
 * The issues of one criterion: its property exists on the object it reads, its HubSpot type suits
 * the operator and operands (SCORING §14), and every value compared with an enumeration is an option.
 */
const checkCriterion = (placed: PlacedCriterion, defs: PortalDefinitions): Issue[] => {
  const { path, place, criterion: c } = placed;
  // Refused by the schema wherever it is written (deal_criterion_in_segment): nothing to look up.
  if (place === 'segment' && c.object === 'deal') return [];
  const found = lookUp(c.property, c.object, path, defs, place);
  if ('issue' in found) return [found.issue];
  const definition = found.definition;
  const operands = operandsOf(c);
  const params = { property: c.property, object: c.object, definition, operator: c.operator };
  const compared: Operand[] = operands.length === 0 ? [undefined] : operands.map((o) => o.value);
  for (const input of compared) {
    const need = needOf(c.operator, input);
    if (need !== null && !suits(definition, need)) {
      return [
        makeIssue('property_unreadable', [...path, 'property'], {
          ...params,
          need,
          ...(input === undefined ? {} : { input }),
        }),
      ];
    }
  }
  const day = operands.find((o) => isDayOnDatetime(definition, c.operator, o.value));
  if (day !== undefined) {
    return [makeIssue('day_on_datetime', [...path, 'operator'], { ...params, input: day.value })];
  }
  if (!comparesEquality(c.operator) || !hasOptions(definition)) return [];
  return operands
    .filter((o) => !isOption(definition, o.value))
    .map((o) => makeIssue('option_unknown', [...path, ...o.key], { ...params, input: o.value }));
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value of a document when it is a property name, else undefined. */
const propertyNameOf = (name: unknown): string | undefined =>
  typeof name === 'string' && PROPERTY_NAME_PATTERN.test(name) ? name : undefined;

/** `dealChecks.discountProperty` when it is a property name, else undefined. */
const discountPropertyOf = (document: unknown): string | undefined => {
  const checks = isRecord(document) ? document.dealChecks : undefined;
  return propertyNameOf(isRecord(checks) ? checks.discountProperty : undefined);
};

const checkDiscountProperty = (document: unknown, definitions: PortalDefinitions): Issue[] => {
  const discount = discountPropertyOf(document);
  if (discount === undefined) return [];
  const path = ['dealChecks', 'discountProperty'];
  const found = lookUp(discount, 'deal', ['dealChecks'], definitions, 'dream');
  if ('issue' in found) return [{ ...found.issue, path: formatPath(path) }];
  // SCORING §3: the discount is read with Number(), so text holding numbers works.
  if (suits(found.definition, 'number_value')) return [];
  return [
    makeIssue('property_unreadable', path, {
      property: discount,
      object: 'deal',
      definition: found.definition,
      operator: 'the discount check',
      need: 'number_value',
    }),
  ];
};

/** SCORING §11, §14: `competitorProperty` is a property of the portal's deals. */
const checkCompetitorProperty = (document: unknown, definitions: PortalDefinitions): Issue[] => {
  const competitor = propertyNameOf(isRecord(document) ? document.competitorProperty : undefined);
  if (competitor === undefined) return [];
  const path = ['competitorProperty'];
  const found = lookUp(competitor, 'deal', [], definitions, 'dream');
  if (!('issue' in found)) return [];
  return [
    found.issue.code === 'property_wrong_object'
      ? makeIssue('competitor_property_not_on_deals', path, {
          property: competitor,
          object: 'deal',
        })
      : { ...found.issue, path: formatPath(path) },
  ];
};

/**
 * Checks the properties of every criterion of a strategy document that can be read on its own,
 * even when the document as a whole is not valid: so the schema's issues and the portal's can be
 * reported together (SCORING §14). Returns every issue, each with its JSON path and property.
 */
export const checkDocumentProperties = (
  document: unknown,
  definitions: PortalDefinitions,
): StrategyPropertyIssue[] => [
  ...readableCriteriaOf(document).flatMap((placed) => checkCriterion(placed, definitions)),
  ...checkDiscountProperty(document, definitions),
  ...checkCompetitorProperty(document, definitions),
];

/**
 * Checks every property a strategy names against the portal's definitions (SCORING §14): it exists
 * on the object the criterion reads, its HubSpot type suits the operator and operands, and every
 * value compared with an enumeration is one of its options. Returns every issue, each with its
 * JSON path and property.
 *
 * @example
 * const issues = checkStrategyProperties(strategy, { company: companyDefs, deal: dealDefs });
 * for (const i of issues) show(`${i.path}: ${i.message}`);
 */
export const checkStrategyProperties = (
  strategy: Strategy,
  definitions: PortalDefinitions,
): StrategyPropertyIssue[] => checkDocumentProperties(strategy, definitions);

/** The product error of a property issue: `strategy_property_unknown` or `_unreadable`. */
export const strategyPropertyErrorCode = (
  code: StrategyPropertyIssueCode,
): 'strategy_property_unknown' | 'strategy_property_unreadable' =>
  code === 'property_unknown' ||
  code === 'property_wrong_object' ||
  code === 'competitor_property_not_on_deals'
    ? 'strategy_property_unknown'
    : 'strategy_property_unreadable';

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
  const message =
    issues.length === 1
      ? `${first.path}: ${first.message}`
      : `The strategy has ${issues.length} property problems. The first: ${first.path}: ${first.message}`;
  return strategyFitError(strategyPropertyErrorCode(first.code), message, {
    path: first.path,
    property: first.property,
  });
};
