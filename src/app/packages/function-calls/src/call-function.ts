import type { JsonValue } from '@hubspot/ui-extensions';
import { logger } from '@hubspot/ui-extensions';
import type { ErrorCode, Result } from '@strategy-fit/core';

/**
 * Runs an app function by uid: `hubspot.serverless` in HubSpot, a spy in tests (createRenderer
 * does not mock `hubspot.serverless`, so each extension receives its runner as a prop).
 */
export type FunctionRunner = (
  name: string,
  options: { parameters: JsonValue; propertiesToSend?: string[] },
) => Promise<unknown>;

/**
 * What went wrong when a UI extension called an app function: a product error code from the
 * function's `{ ok: false, error }`, or one of two codes of the caller's side: `function_failed`
 * (the call itself was rejected: HubSpot could not run the function, or it timed out) and
 * `invalid_response` (the answer does not match the UI ↔ function contract).
 */
export type CallErrorCode = ErrorCode | 'function_failed' | 'invalid_response';

export type CallError = { readonly code: CallErrorCode; readonly message: string };

/** A contract schema of `{ ok: true, value } | { ok: false, error }` (zod's safeParse). */
export type ResponseSchema<T> = {
  safeParse: (input: unknown) =>
    | {
        success: true;
        data:
          { ok: true; value: T } | { ok: false; error: { code: CallErrorCode; message: string } };
      }
    | { success: false };
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Calls an app function and parses its answer with the contract's schema. A rejected call is
 * `function_failed`, an answer outside the contract `invalid_response`; the function's own
 * `{ ok: false, error }` keeps its code and message. Pages and the settings page send no record
 * (no `propertiesToSend`).
 *
 * @example
 * const scored = await callFunction(run, 'score_record', { parameters }, ScoreRecordResponse);
 */
export const callFunction = async <T>(
  run: FunctionRunner,
  name: string,
  options: { parameters: JsonValue; propertiesToSend?: string[] },
  schema: ResponseSchema<T>,
): Promise<Result<T, CallError>> => {
  let answer: unknown;
  try {
    answer = await run(name, options);
  } catch (e) {
    logger.error(`${name} failed: ${messageOf(e)}`);
    return { ok: false, error: { code: 'function_failed', message: messageOf(e) } };
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    logger.error(`${name} answered outside the UI ↔ function contract`);
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
