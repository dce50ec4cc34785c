// What the chunked bulk functions (`rescore_stale`, `strategy_review`) share at their boundary: the
// page's parameters with a cursor that must be one the function answered, and the error a chunk
// answers as `interrupted`.
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { FunctionError, Result, StrategyFitError } from '@strategy-fit/core';
import type { z } from 'zod';

import { parseFunctionContext } from './function-context.ts';

/** How a function knows its cursor, and what the page should do with one it does not know. */
export type CursorCheck = {
  /** Null when the text is not a cursor this function answered. */
  decode: (cursor: string) => unknown;
  /** What the cursor is, e.g. "a review cursor". */
  what: string;
  /** What to do instead, e.g. "Read the review again." */
  again: string;
};

/** The page's parameters (pages send no `propertiesToSend`); a cursor must pass `check`. */
export function parseChunkInput<S extends z.ZodType<{ cursor?: string | undefined }>>(
  context: unknown,
  schema: S,
  check: CursorCheck,
): Result<z.output<S>, StrategyFitError> {
  const parsed = parseFunctionContext(context, schema);
  if (!parsed.ok) return parsed;
  const { cursor } = parsed.value.params;
  if (cursor !== undefined && check.decode(cursor) === null) {
    return err(
      strategyFitError(
        'invalid_input',
        `The request is not valid: "${cursor}" is not ${check.what}. ${check.again}`,
        { path: 'cursor' },
      ),
    );
  }
  return ok(parsed.value.params);
}

/** A chunk's interruption: the error's code and message, nothing else. */
export const toFunctionError = (e: StrategyFitError): FunctionError => ({
  code: e.code,
  message: e.message,
});
