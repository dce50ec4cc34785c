import { z } from 'zod';

import { CriterionObject } from '../enums.ts';
import { strategyFitError } from '../errors.ts';
import type { ErrorCode, StrategyFitError } from '../errors.ts';
import {
  checkDocumentProperties,
  strategyPropertyErrorCode,
  StrategyPropertyIssueCode,
} from './check-strategy-properties.ts';
import type { PortalDefinitions } from './check-strategy-properties.ts';
import { StrategyIssueCode } from './issue-messages.ts';
import { parseStrategy } from './parse-strategy.ts';
import type { Strategy } from './strategy-schema.ts';

/** One problem of a strategy: from the schema (parseStrategy) or from the portal (its properties). */
export const StrategyProblem = z.strictObject({
  source: z.enum(['schema', 'portal']),
  code: z.union([StrategyIssueCode, StrategyPropertyIssueCode]),
  path: z.string().describe('zod notation: segments[2].criteria[0].values; "" for the document'),
  message: z.string(),
  property: z.string().optional(),
  object: CriterionObject.optional(),
});
export type StrategyProblem = z.output<typeof StrategyProblem>;

/** What one check of a strategy found: the strategy when it is valid, and every problem. */
export type StrategyCheck = {
  /** The parsed strategy when the schema accepts it (it may still have portal problems). */
  strategy: Strategy | null;
  problems: StrategyProblem[];
  /** The criteria that could be read were checked against the portal's properties. */
  portalChecked: boolean;
};

const jsonOf = (input: unknown): { ok: true; value: unknown } | { ok: false } => {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch {
    return { ok: false };
  }
};

/**
 * Every problem of a strategy in one pass: the schema's and the cross-field rules' (duplicate ids,
 * thresholds), and, with the portal's property definitions, those of every criterion that can be
 * read on its own, even when the document as a whole is not valid yet. Input: JSON text or a value.
 *
 * @example
 * const { strategy, problems } = checkStrategy(text, { company, deal });
 * for (const p of problems) show(`${p.path}: ${p.message}`);
 */
export const checkStrategy = (
  input: unknown,
  definitions: PortalDefinitions | null,
): StrategyCheck => {
  const parsed = parseStrategy(input);
  const schema: StrategyProblem[] = parsed.ok
    ? []
    : parsed.error.map((i) => ({ source: 'schema', ...i }));
  const json = jsonOf(input);
  if (definitions === null || !json.ok) {
    return { strategy: parsed.ok ? parsed.value : null, problems: schema, portalChecked: false };
  }
  const portal: StrategyProblem[] = checkDocumentProperties(
    parsed.ok ? parsed.value : json.value,
    definitions,
  ).map((i) => ({ source: 'portal', ...i }));
  return {
    strategy: parsed.ok ? parsed.value : null,
    problems: [...schema, ...portal],
    portalChecked: true,
  };
};

/** The product error code of one problem: `strategy_invalid` (or `_too_large`) or a property code. */
export const problemErrorCode = (problem: StrategyProblem): ErrorCode => {
  if (problem.code === 'strategy_too_large') return 'strategy_too_large';
  const property = StrategyPropertyIssueCode.safeParse(problem.code);
  return problem.source === 'portal' && property.success
    ? strategyPropertyErrorCode(property.data)
    : 'strategy_invalid';
};

/**
 * One product error for a refused strategy, naming the first problem: `strategy_too_large`, else
 * `strategy_invalid` when the schema refused it, else the first portal problem's
 * `strategy_property_unknown` / `strategy_property_unreadable`.
 */
export const strategyProblemsError = (problems: readonly StrategyProblem[]): StrategyFitError => {
  const tooLarge = problems.find((p) => p.code === 'strategy_too_large');
  const first = tooLarge ?? problems.find((p) => p.source === 'schema') ?? problems[0];
  if (first === undefined)
    return strategyFitError('strategy_invalid', 'The strategy is not valid.');
  const code = problemErrorCode(first);
  const where = first.path === '' ? '' : `${first.path}: `;
  const message =
    problems.length === 1
      ? `${where}${first.message}`
      : `The strategy has ${problems.length} problems. The first: ${where}${first.message}`;
  return strategyFitError(code, message, {
    ...(first.path === '' ? {} : { path: first.path }),
    ...(first.property === undefined ? {} : { property: first.property }),
  });
};
