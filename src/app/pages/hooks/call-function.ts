import type { JsonValue } from '@hubspot/ui-extensions';
import { logger } from '@hubspot/ui-extensions';
import type { Result } from '@strategy-fit/core';

import type { PageError } from '../view-model/page-error.ts';

/**
 * Runs an app function by uid: `hubspot.serverless` in HubSpot, a spy in tests (createRenderer
 * does not mock `hubspot.serverless`, so the page receives its runner as a prop).
 */
export type FunctionRunner = (
  name: string,
  options: { parameters: JsonValue; propertiesToSend?: string[] },
) => Promise<unknown>;

/** A contract schema of `{ ok: true, value } | { ok: false, error }` (zod's safeParse). */
type ResponseSchema<T> = {
  safeParse: (
    input: unknown,
  ) =>
    | { success: true; data: { ok: true; value: T } | { ok: false; error: PageError } }
    | { success: false };
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Calls an app function and parses its answer with the contract's schema: a rejected call is
 * `function_failed`, an answer outside the contract `invalid_response`; the function's own
 * `{ ok: false, error }` keeps its code and message. Pages send no record (`propertiesToSend`).
 */
export const callFunction = async <T>(
  run: FunctionRunner,
  name: string,
  parameters: JsonValue,
  schema: ResponseSchema<T>,
): Promise<Result<T, PageError>> => {
  let answer: unknown;
  try {
    answer = await run(name, { parameters });
  } catch (e) {
    logger.error(`${name} failed: ${messageOf(e)}`);
    return { ok: false, error: { code: 'function_failed', message: messageOf(e) } };
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    logger.error(`${name} answered outside the page ↔ function contract`);
    return {
      ok: false,
      error: { code: 'invalid_response', message: `${name} answered outside the contract.` },
    };
  }
  const response = parsed.data;
  return response.ok
    ? { ok: true, value: response.value }
    : { ok: false, error: { code: response.error.code, message: response.error.message } };
};
