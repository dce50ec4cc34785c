import { z } from 'zod';

import { formatAmount } from '../format.ts';

/** Why a strategy was not accepted; one code per kind of problem. */
export const StrategyIssueCode = z.enum([
  'invalid_json',
  'required',
  'unknown_key',
  'wrong_type',
  'not_whole_number',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_slug',
  'invalid_property_name',
  'invalid_choice',
  'duplicate_id',
  'stretch_not_below_fit',
  'operator_needs_value',
  'operator_needs_values',
  'operator_needs_high_value',
  'operator_takes_no_value',
  'value_wrong_type',
  'range_mixed_kinds',
  'range_reversed',
  'deal_criterion_in_segment',
  'strategy_too_large',
  'unknown_segment',
  'duplicate_competitor_value',
  'reserved_id',
]);
export type StrategyIssueCode = z.output<typeof StrategyIssueCode>;

/** One problem in a strategy: where (`segments[2].criteria[0].values`, "" for the whole document) and what. */
export const StrategyIssue = z.strictObject({
  code: StrategyIssueCode,
  path: z.string(),
  message: z.string(),
});
export type StrategyIssue = z.output<typeof StrategyIssue>;

/** The facts a message is written from. */
export type IssueParams = {
  /** The name of the field the issue is about (the last key of its path). */
  field?: string;
  input?: unknown;
  [key: string]: unknown;
};

/** Describes a value a person wrote, for messages: “abc”, 12, a list, nothing… */
export const describeInput = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return v.length > 40 ? `“${v.slice(0, 39)}…”` : `“${v}”`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
};

/**
 * SCORING §14: where deal properties belong, for the advice of every issue about a deal property
 * in a segment or exclusion (the schema's and the portal check's).
 */
export const WHERE_DEAL_PROPERTIES_BELONG =
  'Deal properties belong in the dream-customer test (dreamCustomer: need, abilityToPay, urgency), the deal checks (dealChecks.discountProperty), the existing-customer criteria (existingCustomers.criteria) or the competitor property (competitorProperty).';

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
  date: 'a date (YYYY-MM-DD or an ISO date-time)',
  days: 'a number of days (0 or more)',
};

const kindWords = (kinds: unknown): string => {
  const list = Array.isArray(kinds) ? kinds : [kinds];
  const words = list.map((k) => KIND_WORDS[String(k)] ?? String(k));
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
};

const count = (n: unknown, unit: string): string => `${String(n)} ${unit}${n === 1 ? '' : 's'}`;

/** “name”, or “This” when the issue is about the whole document. */
const subject = (p: IssueParams): string => (p.field === undefined ? 'This' : `“${p.field}”`);

const str = (v: unknown): string => (typeof v === 'string' ? v : describeInput(v));

/** Every message, keyed by code (STYLE §14): written for the sales manager who edits the strategy. */
const MESSAGES: Record<StrategyIssueCode, (p: IssueParams) => string> = {
  invalid_json: (p) =>
    `This is not valid JSON (${str(p.detail)}). Look for a missing comma, quote or bracket.`,
  required: (p) =>
    p.field === undefined ? 'A strategy is required.' : `“${p.field}” is required here.`,
  unknown_key: (p) =>
    `“${str(p.field)}” is not a field this place knows. Check its spelling, or remove it.`,
  wrong_type: (p) => `Expected ${kindWords(p.expected)} here, but found ${describeInput(p.input)}.`,
  not_whole_number: (p) =>
    `${subject(p)} must be a whole number, but it is ${describeInput(p.input)}.`,
  too_short: (p) =>
    p.origin === 'string'
      ? p.minimum === 1
        ? `${subject(p)} must not be empty.`
        : `${subject(p)} needs at least ${count(p.minimum, 'character')}.`
      : `${subject(p)} needs at least ${count(p.minimum, 'item')}.`,
  too_long: (p) =>
    p.origin === 'string'
      ? `${subject(p)} is too long: at most ${count(p.maximum, 'character')}, not ${count(typeof p.input === 'string' ? p.input.length : 0, 'character')}.`
      : `${subject(p)} has too many items: at most ${String(p.maximum)}, not ${Array.isArray(p.input) ? p.input.length : 'more'}.`,
  too_small: (p) =>
    `${subject(p)} must be at least ${String(p.minimum)}, but it is ${describeInput(p.input)}.`,
  too_big: (p) =>
    `${subject(p)} must be at most ${String(p.maximum)}, but it is ${describeInput(p.input)}.`,
  invalid_slug: (p) =>
    `${describeInput(p.input)} is not a valid id. Use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit (for example enterprise-saas).`,
  invalid_property_name: (p) =>
    `${describeInput(p.input)} is not a HubSpot internal property name. Use the internal name (lower-case letters, digits and underscores, such as numberofemployees), not the label.`,
  invalid_choice: (p) =>
    `${describeInput(p.input)} is not allowed here. Use ${
      Array.isArray(p.options) && p.options.length === 1
        ? String(p.options[0])
        : `one of: ${Array.isArray(p.options) ? p.options.join(', ') : ''}`
    }.`,
  duplicate_id: (p) =>
    `The id “${str(p.id)}” is used twice: ${str(p.list)}[${String(p.index)}] already has it. Each id must be unique.`,
  stretch_not_below_fit: (p) =>
    `The stretch threshold (${String(p.stretch)}) must be lower than the fit threshold (${String(p.fit)}).`,
  operator_needs_value: (p) => `${str(p.operator)} needs a value to compare with.`,
  operator_needs_values: (p) =>
    `${str(p.operator)} needs a non-empty list of values to compare with.`,
  operator_needs_high_value: (p) =>
    `${str(p.operator)} needs a highValue: the upper end of the range.`,
  operator_takes_no_value: (p) => `${str(p.operator)} does not use “${str(p.key)}”. Remove it.`,
  value_wrong_type: (p) =>
    `${str(p.operator)} compares with ${kindWords(p.kinds)}, not ${describeInput(p.input)}.`,
  range_mixed_kinds: (p) =>
    `Both ends of the range must be of the same kind, but ${describeInput(p.low)} and ${describeInput(p.high)} are not.`,
  range_reversed: (p) =>
    `The range is reversed: the low end (${describeInput(p.low)}) is above the high end (${describeInput(p.high)}).`,
  deal_criterion_in_segment: () =>
    `Segments and exclusions judge the company, and a company's fit cannot depend on one of its deals, so "object": "deal" is not allowed here: the criterion could never match. Use a company property and remove "object". ${WHERE_DEAL_PROPERTIES_BELONG}`,
  strategy_too_large: (p) =>
    `The strategy is ${formatAmount(Number(p.size))} characters as compact JSON; the limit is ${formatAmount(Number(p.limit))}, because it is stored in one HubSpot text property. Remove segments or criteria, or shorten descriptions.`,
  unknown_segment: (p) =>
    `This strategy has no segment “${str(p.id)}”. Use the id of one of its segments${
      Array.isArray(p.known) && p.known.length > 0 ? ` (${p.known.join(', ')})` : ''
    }, or remove it.`,
  duplicate_competitor_value: (p) =>
    `${describeInput(p.input)} already means ${str(p.other)} (competitors[${String(p.index)}]): a value of the competitor property can mean only one competitor. Remove it from one of them.`,
  reserved_id: (p) =>
    `The id “${str(p.id)}” is reserved: it stands for competitors the strategy does not list. Choose another id.`,
};

/** The message for an issue, from the one message table. */
export const issueMessage = (code: StrategyIssueCode, params: IssueParams): string =>
  MESSAGES[code](params);
