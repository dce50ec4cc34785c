import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createHubSpotClient } from './create-client.ts';
import { listRecords } from './list-records.ts';
import { readRecords } from './read-records.ts';
import { connect, startTestSandbox } from '../../../../../test/support/hubspot/sandbox.ts';
import { searchRecords } from './search-records.ts';
import { retryAfterMs } from './to-strategy-fit-error.ts';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterEach(() => {
  sandbox.control.setFaults(undefined);
  sandbox.control.setRateLimit(false);
});
afterAll(() => sandbox.close());

const page = { objectType: 'companies', properties: ['name'], limit: 5 } as const;

describe('createHubSpotClient: retries', () => {
  it("honours a 429's Retry-After: waits that long, then the call succeeds", async () => {
    const { hs, events } = connect(sandbox);
    // The sandbox's injected 429 carries Retry-After: 1 (TEN_SECONDLY_ROLLING).
    sandbox.control.setFaults({ schedule: [{ request: 1, fault: 'rateLimit' }] });
    const started = Date.now();
    const result = await listRecords(hs, page);
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(events).toEqual([
      { kind: 'rate_limited', status: 429, waitMs: 1000, operation: 'listing companies' },
    ]);
  });

  it("a 429 that is not retried carries HubSpot's Retry-After as retryAfterMs", async () => {
    const { hs, events } = connect(sandbox, { maxAttempts: 1 });
    sandbox.control.setFaults({ schedule: [{ request: 1, fault: 'rateLimit' }] });
    const result = await listRecords(hs, page);
    expect(result.ok ? null : result.error).toEqual({
      code: 'hubspot_rate_limited',
      message:
        'HubSpot kept refusing listing companies with its rate limit (TEN_SECONDLY_ROLLING) until the retries ran out.',
      objectType: 'companies',
      retryAfterMs: 1000,
    });
    expect(events).toEqual([]);
  });

  it('backs off exponentially with jitter on 503 and succeeds on the third attempt', async () => {
    const { hs, events } = connect(sandbox);
    sandbox.control.setFaults({
      serverErrorStatuses: [503],
      schedule: [{ request: 1, fault: 'serverError', count: 2 }],
    });
    expect((await listRecords(hs, page)).ok).toBe(true);
    expect(events.map((e) => [e.kind, e.status])).toEqual([
      ['retry', 503],
      ['retry', 503],
    ]);
    // base 300 ms, doubling: the n-th wait lies in [base·2^(n-1)/2, base·2^(n-1)].
    expect(events[0]?.waitMs).toBeGreaterThanOrEqual(150);
    expect(events[0]?.waitMs).toBeLessThanOrEqual(300);
    expect(events[1]?.waitMs).toBeGreaterThanOrEqual(300);
    expect(events[1]?.waitMs).toBeLessThanOrEqual(600);
  });

  it('retries a dropped connection ("fetch failed")', async () => {
    const { hs, events } = connect(sandbox);
    sandbox.control.setFaults({ schedule: [{ request: 1, fault: 'drop' }] });
    const result = await readRecords(hs, 'companies', ['1001'], ['name']);
    expect(result.ok && result.value.records.map((r) => r.id)).toEqual(['1001']);
    expect(events.map((e) => e.kind)).toEqual(['retry']);
  });

  it('gives up after maxAttempts attempts with hubspot_unavailable', async () => {
    const { hs, events } = connect(sandbox, { maxAttempts: 3 });
    sandbox.control.setFaults({
      serverErrorStatuses: [502],
      schedule: [{ request: 1, fault: 'serverError', count: 10 }],
    });
    const result = await listRecords(hs, page);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'hubspot_unavailable',
        message:
          'HubSpot is unavailable (502) for listing companies: Sandbox fault: injected 502 answer.. Try again later.',
        objectType: 'companies',
      },
    });
    expect(events).toHaveLength(2);
  });

  it('does not retry a 400', async () => {
    const { hs, events } = connect(sandbox);
    const result = await listRecords(hs, { ...page, properties: ['name'], after: 'not-a-cursor' });
    expect(result.ok ? null : result.error.code).toBe('hubspot_bad_request');
    expect(events).toEqual([]);
  });
});

describe('createHubSpotClient: the access token', () => {
  it('a refused token gives hubspot_unauthorized, and the token is nowhere in the error', async () => {
    const secret = 'pat-na1-00000000-1111-2222-3333-444444444444';
    const hs = createHubSpotClient({
      accessToken: secret,
      basePath: sandbox.baseUrl,
      limits: false,
    });
    const result = await listRecords(hs, page);
    expect(result.ok ? null : result.error.code).toBe('hubspot_unauthorized');
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toContain('00000000-1111');
  });

  it('a failed connection never carries the token either', async () => {
    const secret = 'pat-na1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
    // Port 9 on 127.0.0.1: nothing listens, the connection is refused.
    const hs = createHubSpotClient({
      accessToken: secret,
      basePath: 'http://127.0.0.1:9',
      limits: false,
      maxAttempts: 2,
    });
    const result = await listRecords(hs, page);
    expect(result.ok ? null : result.error.code).toBe('hubspot_unavailable');
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});

describe('createHubSpotClient: the limiter', () => {
  it('keeps searches under 5 per second: 12 searches, no 429 from the sandbox', async () => {
    sandbox.control.setRateLimit({ perTenSeconds: 190, searchPerSecond: 5 });
    const { hs, events } = connect(sandbox, { limits: { perTenSeconds: 190, searchPerSecond: 5 } });
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        searchRecords(hs, {
          objectType: 'companies',
          properties: [],
          where: { kind: 'filters', filterGroups: [] },
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(events).toEqual([]);
    // 5 at once, 5 more after ~1.05 s, the last 2 after ~2.1 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs('0.5', 0)).toBe(500);
    expect(retryAfterMs('Thu, 01 Jan 1970 00:00:03 GMT', 1000)).toBe(2000);
    expect(retryAfterMs(undefined, 0)).toBeNull();
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});
