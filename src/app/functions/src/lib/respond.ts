// The one place an app function's outcome becomes its answer (STYLE §20): a Result becomes
// `{ ok, value } | { ok: false, error: { code, message } }`; an unexpected throw (a bug) becomes a
// coded error with a reference, logged without the token. No answer carries the token or a stack.
import { randomUUID } from 'node:crypto';

import type { FunctionError, Result, StrategyFitError } from '@strategy-fit/core';

/** What every app function answers (the contract's `functionResponse`). */
export type FunctionAnswer<T> = { ok: true; value: T } | { ok: false; error: FunctionError };

const REDACTED = '[redacted]';
/** Expected failures worth a line in HubSpot's function log: HubSpot trouble and refusals. */
const LOGGED = /^(hubspot_|not_allowed$)/;

/** The access token of this process: it must never appear in an answer or a log. */
export const processSecrets = (): string[] => {
  const token = process.env['PRIVATE_APP_ACCESS_TOKEN'];
  return token === undefined || token.length < 8 ? [] : [token];
};

const redact = (text: string, secrets: readonly string[]): string =>
  secrets.reduce((t, s) => t.split(s).join(REDACTED), text);

/** The contract's error: code, message and where, without the adapter's `objectType`. */
const toFunctionError = (e: StrategyFitError, secrets: readonly string[]): FunctionError => {
  const error: FunctionError = { code: e.code, message: redact(e.message, secrets) };
  if (e.path !== undefined) error.path = redact(e.path, secrets);
  if (e.property !== undefined) error.property = redact(e.property, secrets);
  if (e.recordId !== undefined) error.recordId = redact(e.recordId, secrets);
  return error;
};

/** Where an answer's failures are logged: HubSpot's function log (stderr) unless told otherwise. */
export type RespondOptions = {
  secrets?: readonly string[];
  log?: (line: string) => void;
};

const bug = (
  name: string,
  secrets: readonly string[],
  log: (line: string) => void,
  cause: unknown,
): FunctionAnswer<never> => {
  const reference = randomUUID().slice(0, 8);
  const detail =
    cause instanceof Error
      ? `${cause.name}: ${cause.message}\n${cause.stack ?? ''}`
      : String(cause);
  log(`[${name}] unexpected error, reference ${reference}: ${redact(detail, secrets)}`);
  return {
    ok: false,
    error: {
      code: 'hubspot_error',
      message: `Strategy Fit hit an unexpected problem. Try again; if it keeps happening, report reference ${reference}.`,
    },
  };
};

/**
 * Runs a function's work and turns its outcome into the plain JSON answer: `run`'s Result as it
 * is (errors redacted), a throw as `hubspot_error` with a logged reference. A value that would
 * contain the token is never sent.
 */
export async function respond<T>(
  name: string,
  run: () => Promise<Result<T, StrategyFitError>>,
  options: RespondOptions = {},
): Promise<FunctionAnswer<T>> {
  const secrets = options.secrets ?? processSecrets();
  const log = options.log ?? ((line: string) => console.error(line));
  let result: Result<T, StrategyFitError>;
  try {
    result = await run();
  } catch (e) {
    return bug(name, secrets, log, e);
  }
  if (!result.ok) {
    const error = toFunctionError(result.error, secrets);
    if (LOGGED.test(error.code)) log(`[${name}] ${error.code}: ${error.message}`);
    return { ok: false, error };
  }
  const json = JSON.stringify(result.value);
  if (secrets.some((s) => json.includes(s))) {
    const leak = new Error('the answer contained the access token; it was withheld');
    return bug(name, secrets, log, leak);
  }
  return { ok: true, value: result.value };
}
