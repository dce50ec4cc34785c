import type { z } from 'zod';

import type { StrategyFitError } from '../errors.ts';
import { strategyFitError } from '../errors.ts';
import { formatPath } from '../format.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { criterionValuesOf } from './criteria-of-document.ts';
import type { IssueParams, StrategyIssue, StrategyIssueCode } from './issue-messages.ts';
import { issueMessage } from './issue-messages.ts';
import {
  MAX_STRATEGY_CHARS,
  PROPERTY_NAME_PATTERN,
  SLUG_PATTERN,
  StrategySchema,
} from './strategy-schema.ts';
import type { Strategy } from './strategy-schema.ts';

type ZodIssue = z.core.$ZodIssue;

const issue = (
  code: StrategyIssueCode,
  path: readonly PropertyKey[],
  params: IssueParams = {},
): StrategyIssue => {
  const last = [...path].reverse().find((k) => typeof k === 'string');
  const field = typeof last === 'string' ? last : undefined;
  return { code, path: formatPath(path), message: issueMessage(code, { field, ...params }) };
};

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The length of the compact JSON of a value, or an issue when it cannot be written as JSON. */
const compactSize = (value: unknown): number | StrategyIssue => {
  try {
    const text = JSON.stringify(value);
    return typeof text === 'string' ? text.length : 0;
  } catch (e) {
    return issue('invalid_json', [], { detail: errorText(e) });
  }
};

const unionIssues = (i: Extract<ZodIssue, { code: 'invalid_union' }>): StrategyIssue[] => {
  // An option whose type fitted but whose checks failed says more than "wrong type".
  const near = i.errors.find((list) =>
    list.some((e) => e.code !== 'invalid_type' && e.code !== 'invalid_union'),
  );
  if (near) return near.flatMap((e) => fromZod({ ...e, path: [...i.path, ...e.path] }));
  const expected = i.errors.flatMap((list) =>
    list.flatMap((e) => (e.code === 'invalid_type' ? [e.expected] : [])),
  );
  return [issue('wrong_type', i.path, { expected: [...new Set(expected)], input: i.input })];
};

const formatIssue = (i: Extract<ZodIssue, { code: 'invalid_format' }>): StrategyIssue => {
  if (i.pattern === SLUG_PATTERN.toString())
    return issue('invalid_slug', i.path, { input: i.input });
  if (i.pattern === PROPERTY_NAME_PATTERN.toString()) {
    return issue('invalid_property_name', i.path, { input: i.input });
  }
  return issue('wrong_type', i.path, { expected: 'string', input: i.input });
};

/** Turns one zod issue into our issues (codes and wording from one table, STYLE §14). */
const fromZod = (i: ZodIssue): StrategyIssue[] => {
  switch (i.code) {
    case 'invalid_type':
      if (i.input === undefined) return [issue('required', i.path)];
      if (i.expected === 'int') return [issue('not_whole_number', i.path, { input: i.input })];
      return [issue('wrong_type', i.path, { expected: i.expected, input: i.input })];
    case 'unrecognized_keys':
      return i.keys.map((key) => issue('unknown_key', [...i.path, key]));
    case 'too_small':
      return [
        issue(i.origin === 'string' || i.origin === 'array' ? 'too_short' : 'too_small', i.path, {
          origin: i.origin,
          minimum: i.minimum,
          input: i.input,
        }),
      ];
    case 'too_big':
      return [
        issue(i.origin === 'string' || i.origin === 'array' ? 'too_long' : 'too_big', i.path, {
          origin: i.origin,
          maximum: i.maximum,
          input: i.input,
        }),
      ];
    case 'invalid_format':
      return [formatIssue(i)];
    case 'invalid_value':
      if (i.input === undefined) return [issue('required', i.path)];
      return [issue('invalid_choice', i.path, { options: i.values, input: i.input })];
    case 'invalid_union':
      return unionIssues(i);
    case 'custom': {
      const { code, ...params } = (i.params ?? {}) as IssueParams & { code: StrategyIssueCode };
      return [issue(code, i.path, params)];
    }
    case 'not_multiple_of':
      return [issue('not_whole_number', i.path, { input: i.input })];
    case 'invalid_key':
    case 'invalid_element':
      return [issue('wrong_type', i.path, { expected: [], input: i.input })];
    default:
      return i satisfies never;
  }
};

const dedupe = (issues: StrategyIssue[]): StrategyIssue[] => {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}\u0000${i.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * SCORING §14 rules a new version must keep but a version published before them may break (so it
 * still reads, and scores as it did): `object: "deal"` in a segment or exclusion.
 */
const publishRuleIssues = (value: unknown): StrategyIssue[] =>
  criterionValuesOf(value).flatMap(({ path, place, value: c }) =>
    place === 'segment' && isRecord(c) && c.object === 'deal'
      ? [issue('deal_criterion_in_segment', [...path, 'object'])]
      : [],
  );

const parseWith = (input: unknown, rules: boolean): Result<Strategy, StrategyIssue[]> => {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return err([issue('invalid_json', [], { detail: errorText(e) })]);
    }
  }
  const size = compactSize(value);
  if (typeof size !== 'number') return err([size]);
  const issues: StrategyIssue[] = [];
  if (size > MAX_STRATEGY_CHARS) {
    issues.push(issue('strategy_too_large', [], { size, limit: MAX_STRATEGY_CHARS }));
  }
  const parsed = StrategySchema.safeParse(value, { reportInput: true });
  if (!parsed.success) issues.push(...parsed.error.issues.flatMap(fromZod));
  if (rules) issues.push(...publishRuleIssues(value));
  if (issues.length > 0) return err(dedupe(issues));
  if (!parsed.success) throw new Error('unreachable: a failed parse without issues');
  return ok(parsed.data);
};

/**
 * Validates a strategy: JSON text or an already-parsed value. Returns every issue at once, each
 * with its JSON path; never throws.
 *
 * @example
 * const parsed = parseStrategy(text);
 * if (!parsed.ok) for (const i of parsed.error) show(`${i.path}: ${i.message}`);
 */
export const parseStrategy = (input: unknown): Result<Strategy, StrategyIssue[]> =>
  parseWith(input, true);

/**
 * Reads a version published earlier: the schema, without the SCORING §14 rules it may predate
 * (a segment criterion on a deal property), so a portal's strategy keeps scoring as it did.
 * Publishing it again goes through `parseStrategy` and is refused until it is fixed.
 */
export const parseStoredStrategy = (input: unknown): Result<Strategy, StrategyIssue[]> =>
  parseWith(input, false);

/** One product error for a rejected strategy: `strategy_too_large` or `strategy_invalid`, naming the first issue. */
export const strategyIssuesError = (issues: readonly StrategyIssue[]): StrategyFitError => {
  const tooLarge = issues.find((i) => i.code === 'strategy_too_large');
  const first = tooLarge ?? issues[0];
  const code = tooLarge ? 'strategy_too_large' : 'strategy_invalid';
  if (first === undefined) return strategyFitError(code, 'The strategy is not valid.');
  const where = first.path === '' ? '' : `${first.path}: `;
  const message =
    issues.length === 1
      ? `${where}${first.message}`
      : `The strategy has ${issues.length} problems. The first: ${where}${first.message}`;
  return strategyFitError(code, message, first.path === '' ? {} : { path: first.path });
};
