import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { batchItemError, redact, toStrategyFitError } from './to-strategy-fit-error.ts';

/** What the api-client throws for a non-2xx answer. */
const apiException = (code: number, body: unknown, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP-Code: ${code}\nBody: ${JSON.stringify(body)}`), {
    code,
    body,
    headers,
  });

const context = { operation: 'batch update of companies', objectType: 'companies' };

describe('toStrategyFitError', () => {
  it.each([
    [401, 'hubspot_unauthorized'],
    [403, 'hubspot_forbidden'],
    [404, 'record_not_found'],
    [400, 'hubspot_bad_request'],
    [409, 'hubspot_bad_request'],
    [429, 'hubspot_rate_limited'],
    [500, 'hubspot_unavailable'],
    [503, 'hubspot_unavailable'],
    [302, 'hubspot_error'],
  ])('maps HTTP %i to %s', (status, code) => {
    expect(toStrategyFitError(apiException(status, { message: 'x' }), context).code).toBe(code);
  });

  it('a 429 carries Retry-After (seconds) as retryAfterMs, and leaves it out without one', () => {
    const body = { message: 'x', policyName: 'TEN_SECONDLY_ROLLING' };
    const limited = toStrategyFitError(apiException(429, body, { 'Retry-After': '2' }), context);
    expect(limited.retryAfterMs).toBe(2000);
    expect(toStrategyFitError(apiException(429, body), context)).not.toHaveProperty('retryAfterMs');
    expect(
      toStrategyFitError(apiException(503, body, { 'retry-after': '2' }), context),
    ).not.toHaveProperty('retryAfterMs');
  });

  it("keeps HubSpot's message and the property it names on a 400", () => {
    const body = {
      status: 'error',
      message:
        'Property values were not valid: [{"isValid":false,"message":"abc was not a valid number.","error":"INVALID_DECIMAL","name":"numberofemployees"}]',
      category: 'VALIDATION_ERROR',
      errors: [
        {
          message: 'abc was not a valid number.',
          code: 'INVALID_DECIMAL',
          context: { propertyName: ['numberofemployees'] },
        },
      ],
    };
    expect(toStrategyFitError(apiException(400, body), context)).toEqual({
      code: 'hubspot_bad_request',
      message:
        'HubSpot refused batch update of companies (400): numberofemployees: abc was not a valid number.',
      property: 'numberofemployees',
      objectType: 'companies',
    });
  });

  it('reads errors[] when the message lists no properties', () => {
    const body = {
      message: 'Invalid input',
      errors: [{ message: 'bad value', context: { propertyName: ['amount'] } }],
    };
    expect(toStrategyFitError(apiException(400, body), context)).toMatchObject({
      message: 'HubSpot refused batch update of companies (400): amount: bad value',
      property: 'amount',
    });
  });

  it('names the missing scopes of a 403', () => {
    const body = {
      message: "This app hasn't been granted all required scopes",
      errors: [{ message: 'x', context: { requiredScopes: ['crm.schemas.custom.write'] } }],
    };
    expect(toStrategyFitError(apiException(403, body), context).message).toContain(
      'crm.schemas.custom.write',
    );
  });

  it('sends a refused token to the installed app’s Auth tab, and scopes to the app (never a legacy private app)', () => {
    const refused = toStrategyFitError(
      apiException(401, { category: 'INVALID_AUTHENTICATION' }),
      context,
    );
    expect(refused.message).toBe(
      "HubSpot did not accept the access token (401 INVALID_AUTHENTICATION) for batch update of companies. Check the token: it must be the access token of the Strategy Fit app installed in this portal (the app's Auth tab in HubSpot), not expired or rotated.",
    );
    const forbidden = toStrategyFitError(apiException(403, { message: 'no' }), context);
    expect(forbidden.message).toContain("Check the app's scopes (src/app/app-hsmeta.json)");
    expect(`${refused.message} ${forbidden.message}`).not.toMatch(/private app/i);
  });

  it('says when the daily limit is used up', () => {
    expect(
      toStrategyFitError(apiException(429, { policyName: 'DAILY' }), context).message,
    ).toContain('daily');
  });

  it('turns dropped and refused connections into hubspot_unavailable', () => {
    const dropped = new TypeError('fetch failed', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(toStrategyFitError(dropped, context)).toMatchObject({
      code: 'hubspot_unavailable',
      message: expect.stringContaining('UND_ERR_SOCKET'),
    });
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(toStrategyFitError(reset, context).code).toBe('hubspot_unavailable');
  });

  it('turns a zod failure of an answer into hubspot_error naming the place', () => {
    const failure = z
      .object({ results: z.array(z.object({ id: z.string() })) })
      .safeParse({ results: [{ id: 1 }] });
    expect(failure.success).toBe(false);
    if (failure.success) return;
    expect(toStrategyFitError(failure.error, context)).toMatchObject({
      code: 'hubspot_error',
      message: expect.stringContaining('results[0].id'),
    });
  });

  it('never lets the token through, even when a message carries it', () => {
    const token = 'pat-na1-12345678-aaaa-bbbb-cccc-1234567890ab';
    const error = toStrategyFitError(new Error(`request with Bearer ${token} failed`), {
      ...context,
      secrets: [token],
    });
    expect(JSON.stringify(error)).not.toContain(token);
    expect(redact(`x ${token} y`)).toBe('x [redacted] y');
    expect(redact('Authorization: Bearer abc.def', [])).toBe('Authorization: [redacted]');
  });
});

describe('batchItemError', () => {
  it('maps a 207 input error to a per-record error with the property', () => {
    const e = {
      status: 'error',
      category: 'VALIDATION_ERROR',
      message:
        'Property values were not valid: [{"isValid":false,"message":"x was not one of the allowed options: [Dream, Fit]","error":"INVALID_OPTION","name":"strategy_fit_tier"}]',
      context: { objectWriteTraceId: ['1001'] },
    };
    expect(
      batchItemError(e, {
        operation: 'the update of companies 1001',
        objectType: 'companies',
        recordId: '1001',
      }),
    ).toEqual({
      code: 'hubspot_bad_request',
      message:
        'HubSpot refused the update of companies 1001: strategy_fit_tier: x was not one of the allowed options: [Dream, Fit]',
      property: 'strategy_fit_tier',
      objectType: 'companies',
      recordId: '1001',
    });
  });
});
