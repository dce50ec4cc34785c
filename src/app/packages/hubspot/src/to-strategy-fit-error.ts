// The one place where foreign errors (the api-client's ApiException, network failures, zod
// failures of HubSpot answers) become product errors (STYLE §20). The access token never leaves.
import { strategyFitError } from '@strategy-fit/core';
import type { StrategyFitError } from '@strategy-fit/core';
import { z } from 'zod';

import { ErrorBody, PropertyIssuesList } from './schema.ts';
import type { BatchError } from './schema.ts';

/** What the failed call was about, for the message and the error's `where` fields. */
export type ErrorContext = {
  /** Human wording of the call, e.g. "batch update of companies". */
  operation?: string;
  objectType?: string;
  recordId?: string;
  /** Strings that must never appear in a message (the access token). */
  secrets?: readonly string[];
};

/**
 * A non-2xx answer of the api-client's generic request (`apiRequest` resolves it instead of
 * throwing): the status, HubSpot's error body (JSON, or the text when it is not JSON) and the
 * answer's headers with lower-case names. Shaped like the client's ApiException (`code`, `body`,
 * `headers`), so both classify alike.
 */
export class HubSpotHttpError extends Error {
  readonly code: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, body: unknown, headers: Readonly<Record<string, string>>) {
    super(`HubSpot answered ${status}`);
    this.name = 'HubSpotHttpError';
    this.code = status;
    this.body = body;
    this.headers = headers;
  }
}

/** How a thrown value failed: an HTTP answer, a dropped or refused connection, or something else. */
export type Failure =
  | { kind: 'http'; status: number; body: ErrorBody; headers: Record<string, string> }
  | { kind: 'network'; code: string }
  | { kind: 'shape'; error: z.ZodError }
  | { kind: 'other'; error: unknown };

/** Connection failures worth retrying (undici and Node socket codes). */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'fetch failed',
]);

const NETWORK_CODES = new Set([...RETRYABLE_NETWORK_CODES, 'ENOTFOUND', 'ECONNREFUSED']);

const HttpShape = z.looseObject({
  code: z.number().int(),
  body: z.unknown(),
  headers: z.unknown(),
});
const CodeShape = z.looseObject({ code: z.string() });
const Headers = z.record(z.string(), z.unknown());

const stringHeaders = (raw: unknown): Record<string, string> => {
  const parsed = Headers.safeParse(raw);
  if (!parsed.success) return {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed.data)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
  }
  return out;
};

const parseBody = (raw: unknown): ErrorBody => {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { message: raw.slice(0, 500) };
    }
  }
  const parsed = ErrorBody.safeParse(value);
  return parsed.success ? parsed.data : {};
};

/** The code of a network error: its own `code`, its cause's, or "fetch failed". */
const networkCode = (e: unknown): string | null => {
  if (!(e instanceof Error)) return null;
  for (const candidate of [e, e.cause]) {
    const code = CodeShape.safeParse(candidate);
    if (code.success && NETWORK_CODES.has(code.data.code)) return code.data.code;
  }
  return e.message === 'fetch failed' ? 'fetch failed' : null;
};

/** Sorts a thrown value into the kinds of failure the retry policy and the error mapping know. */
export function classifyFailure(e: unknown): Failure {
  if (e instanceof z.ZodError) return { kind: 'shape', error: e };
  const http = HttpShape.safeParse(e);
  if (http.success && http.data.code >= 100 && http.data.code <= 599) {
    return {
      kind: 'http',
      status: http.data.code,
      body: parseBody(http.data.body),
      headers: stringHeaders(http.data.headers),
    };
  }
  const code = networkCode(e);
  if (code !== null) return { kind: 'network', code };
  return { kind: 'other', error: e };
}

/** Seconds or an HTTP date in Retry-After, as milliseconds; null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, nowMs: number): number | null {
  if (header === undefined || header.trim() === '') return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

const TOKEN_PATTERNS = [/\bpat-[a-z0-9]+-[a-z0-9-]+/gi, /Bearer\s+[^\s"',]+/gi];

/** Removes the access token (and anything shaped like one) from a text. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out;
}

/** "Property values were not valid: [...]": the listed properties and their messages. */
const propertyIssues = (message: string): { name: string; message: string }[] => {
  const start = message.indexOf('[');
  if (!message.startsWith('Property values were not valid') || start < 0) return [];
  try {
    const parsed = PropertyIssuesList.safeParse(JSON.parse(message.slice(start)));
    return parsed.success ? parsed.data.map((i) => ({ name: i.name, message: i.message })) : [];
  } catch {
    return [];
  }
};

/** HubSpot's explanation of a refused request, and the first property it names. */
export function describeRefusal(body: ErrorBody): { text: string; property?: string } {
  const fromMessage = propertyIssues(body.message ?? '');
  if (fromMessage.length > 0) {
    return {
      text: fromMessage.map((i) => `${i.name}: ${i.message}`).join('; '),
      property: fromMessage[0]?.name,
    };
  }
  const details = (body.errors ?? []).filter((d) => d.message !== undefined);
  const property = details.flatMap((d) => d.context?.['propertyName'] ?? [])[0];
  if (details.length > 0) {
    return {
      text: details
        .map((d) => {
          const name = d.context?.['propertyName']?.[0];
          return name === undefined || d.message?.includes(name)
            ? d.message
            : `${name}: ${d.message}`;
        })
        .join('; '),
      ...(property === undefined ? {} : { property }),
    };
  }
  return {
    text: body.message ?? 'no details given',
    ...(property === undefined ? {} : { property }),
  };
}

const zodWhere = (error: z.ZodError): string => {
  const issue = error.issues[0];
  if (issue === undefined) return 'unknown';
  const path = issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
  return `${path === '' ? '(root)' : path.replace(/^\./, '')}: ${issue.message}`;
};

/** The product error of a failed HTTP answer. */
function fromHttp(failure: Extract<Failure, { kind: 'http' }>, what: string): StrategyFitError {
  const { status, body } = failure;
  const hubspot = body.message ?? '';
  if (status === 401) {
    return strategyFitError(
      'hubspot_unauthorized',
      `HubSpot did not accept the access token (401${body.category ? ` ${body.category}` : ''}) for ${what}. Check the token: it must be the access token of the Strategy Fit app installed in this portal (the app's Auth tab in HubSpot), not expired or rotated.`,
    );
  }
  if (status === 403) {
    const scopes = (body.errors ?? []).flatMap((d) => d.context?.['requiredScopes'] ?? []);
    const needs = scopes.length > 0 ? ` It needs the scopes ${scopes.join(', ')}.` : '';
    return strategyFitError(
      'hubspot_forbidden',
      `HubSpot refused ${what} (403): ${hubspot || 'forbidden'}.${needs} Check the app's scopes (src/app/app-hsmeta.json); after they change, reinstall the app so that its token gets them.`,
    );
  }
  if (status === 404) {
    return strategyFitError(
      'record_not_found',
      `Not found in HubSpot: ${what} (${hubspot || 'resource not found'}).`,
    );
  }
  if (status === 429) {
    const daily = body.policyName === 'DAILY';
    const waitMs = retryAfterMs(failure.headers['retry-after'], Date.now());
    return strategyFitError(
      'hubspot_rate_limited',
      daily
        ? `HubSpot's daily API limit is used up (${what}); it resets at midnight in the portal's time zone.`
        : `HubSpot kept refusing ${what} with its rate limit (${body.policyName ?? '429'}) until the retries ran out.`,
      waitMs === null ? {} : { retryAfterMs: waitMs },
    );
  }
  if (status >= 500) {
    return strategyFitError(
      'hubspot_unavailable',
      `HubSpot is unavailable (${status}) for ${what}${hubspot ? `: ${hubspot}` : ''}. Try again later.`,
    );
  }
  if (status >= 400) {
    const refusal = describeRefusal(body);
    return strategyFitError(
      'hubspot_bad_request',
      `HubSpot refused ${what} (${status}): ${refusal.text}`,
      refusal.property === undefined ? {} : { property: refusal.property },
    );
  }
  return strategyFitError('hubspot_error', `HubSpot answered ${what} with status ${status}.`);
}

/**
 * Converts anything a HubSpot call threw into a product error (STYLE §20): ApiException
 * (`code` = HTTP status, `body`, `headers`), dropped or refused connections, zod failures of an
 * answer. The token never appears in the result.
 *
 * @example
 * catch (e) { return err(toStrategyFitError(e, { operation: 'batch read of companies' })); }
 */
export function toStrategyFitError(e: unknown, context: ErrorContext = {}): StrategyFitError {
  const what = context.operation ?? 'the request';
  const failure = classifyFailure(e);
  let error: StrategyFitError;
  switch (failure.kind) {
    case 'http':
      error = fromHttp(failure, what);
      break;
    case 'network':
      error = strategyFitError(
        'hubspot_unavailable',
        `Could not reach HubSpot for ${what} (${failure.code}). Check the network and the base URL.`,
      );
      break;
    case 'shape':
      error = strategyFitError(
        'hubspot_error',
        `HubSpot's answer to ${what} has an unexpected shape at ${zodWhere(failure.error)}.`,
      );
      break;
    case 'other': {
      const text = failure.error instanceof Error ? failure.error.message : String(failure.error);
      error = strategyFitError('hubspot_error', `${what} failed: ${text}`);
      break;
    }
    default:
      failure satisfies never;
      throw new Error('unreachable');
  }
  const where = {
    ...(error.property === undefined ? {} : { property: error.property }),
    ...(context.objectType === undefined ? {} : { objectType: context.objectType }),
    ...(context.recordId === undefined ? {} : { recordId: context.recordId }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  };
  return strategyFitError(error.code, redact(error.message, context.secrets), where);
}

/** Categories of a 207 item error that a retry cannot fix. */
const PERMANENT_CATEGORIES = new Set(['VALIDATION_ERROR', 'OBJECT_NOT_FOUND', 'CONFLICT']);

/** Whether a failed input of a 207 answer may succeed when sent again. */
export const isTransientBatchError = (e: BatchError): boolean =>
  !PERMANENT_CATEGORIES.has(e.category);

/** The product error of one failed input of a 207 multi-status answer. */
export function batchItemError(e: BatchError, context: ErrorContext = {}): StrategyFitError {
  const what = context.operation ?? 'the request';
  const where = {
    ...(context.objectType === undefined ? {} : { objectType: context.objectType }),
    ...(context.recordId === undefined ? {} : { recordId: context.recordId }),
  };
  if (e.category === 'OBJECT_NOT_FOUND') {
    return strategyFitError(
      'record_not_found',
      redact(
        `HubSpot could not do ${what}: the record does not exist (deleted or merged?).`,
        context.secrets,
      ),
      where,
    );
  }
  if (e.category === 'VALIDATION_ERROR' || e.category === 'CONFLICT') {
    const refusal = describeRefusal({
      message: e.message,
      ...(e.errors === undefined ? {} : { errors: e.errors }),
    });
    return strategyFitError(
      'hubspot_bad_request',
      redact(`HubSpot refused ${what}: ${refusal.text}`, context.secrets),
      { ...(refusal.property === undefined ? {} : { property: refusal.property }), ...where },
    );
  }
  return strategyFitError(
    isTransientBatchError(e) ? 'hubspot_unavailable' : 'hubspot_error',
    redact(`HubSpot failed ${what} (${e.category}): ${e.message}`, context.secrets),
    where,
  );
}
