import { Client } from '@hubspot/api-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultPlan, RunningSandbox } from '../src/index.ts';
import { apiFailure, raw, startTestSandbox } from './harness.ts';

let sandbox: RunningSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
});
afterEach(() => {
  sandbox.control.setFaults(undefined);
  sandbox.control.setRateLimit(false);
  sandbox.control.setLatency(0);
});
afterAll(() => sandbox.close());

const readBatch = () =>
  client.crm.companies.batchApi.read({
    inputs: [1001, 1002, 1003, 1004, 1005].map((id) => ({ id: String(id) })),
    properties: [],
    propertiesWithHistory: [],
  });

describe('authentication', () => {
  it.each([
    ['a wrong token', 'pat-na1-wrong'],
    ['no token', ''],
  ])('answers 401 with HubSpot\u2019s body for %s', async (_case, token) => {
    const response = await raw(sandbox, 'GET', '/crm/v3/objects/companies', undefined, token);
    expect(response.status).toBe(401);
    expect(response.json).toEqual({
      status: 'error',
      message:
        'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      category: 'INVALID_AUTHENTICATION',
    });
  });

  it('makes the client throw an ApiException with code 401', async () => {
    const stranger = new Client({ accessToken: 'nope', basePath: sandbox.baseUrl });
    expect((await apiFailure(stranger.crm.companies.basicApi.getPage())).code).toBe(401);
  });
});

describe('rate limits', () => {
  it('answers 429 TEN_SECONDLY_ROLLING with Retry-After once the 10-second budget is spent', async () => {
    sandbox.control.setRateLimit({ perTenSeconds: 3, searchPerSecond: 5 });
    for (let i = 0; i < 3; i += 1) {
      const ok = await raw(sandbox, 'GET', '/crm/v3/owners');
      expect(ok.headers.get('x-hubspot-ratelimit-remaining')).toBe(String(2 - i));
      expect(ok.headers.get('x-hubspot-ratelimit-max')).toBe('3');
      expect(ok.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    }
    const failure = await apiFailure(client.crm.owners.ownersApi.getPage());
    expect(failure.code).toBe(429);
    expect(failure.body).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      category: 'RATE_LIMITS',
    });
    expect(Number(failure.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(failure.headers['retry-after'])).toBeLessThanOrEqual(10);
  });

  it('limits search separately per second (SECONDLY, the text the client retries on)', async () => {
    sandbox.control.setRateLimit({ perTenSeconds: 100, searchPerSecond: 2 });
    await client.crm.companies.searchApi.doSearch({ limit: 1 });
    const second = await raw(sandbox, 'POST', '/crm/v3/objects/companies/search', { limit: 1 });
    expect(second.status).toBe(200);
    // HubSpot's search answers carry none of the rate-limit headers.
    expect([...second.headers.keys()].filter((h) => h.startsWith('x-hubspot-ratelimit'))).toEqual(
      [],
    );
    const failure = await apiFailure(client.crm.companies.searchApi.doSearch({ limit: 1 }));
    expect(failure.code).toBe(429);
    expect(failure.body).toMatchObject({
      policyName: 'SECONDLY',
      message: 'You have reached your secondly limit.',
    });
    expect(failure.headers['retry-after']).toBe('1');
    expect((await raw(sandbox, 'GET', '/crm/v3/owners')).status).toBe(200);
  });
});

describe('fault injection', () => {
  async function outcomes(plan: FaultPlan, requests: number): Promise<string[]> {
    sandbox.control.setFaults(plan);
    const seen: string[] = [];
    for (let i = 0; i < requests; i += 1) {
      try {
        const response = await fetch(`${sandbox.baseUrl}/crm/v3/owners`, {
          headers: { authorization: `Bearer ${sandbox.token}` },
        });
        seen.push(String(response.status));
      } catch {
        seen.push('dropped');
      }
    }
    return seen;
  }

  it('is deterministic: the same plan gives the same faults in the same order', async () => {
    const plan: FaultPlan = { seed: 42, rates: { serverError: 0.2, rateLimit: 0.1, drop: 0.05 } };
    const first = await outcomes(plan, 40);
    expect(await outcomes(plan, 40)).toEqual(first);
    expect(new Set(first)).toEqual(
      new Set(['200', '429', 'dropped', ...first.filter((s) => ['500', '502', '503'].includes(s))]),
    );
  });

  it('follows a schedule: a burst of 429s, then 500/502/503, then a dropped connection', async () => {
    const seen = await outcomes(
      {
        schedule: [
          { request: 2, fault: 'rateLimit', count: 3 },
          { request: 5, fault: 'serverError', count: 3 },
          { request: 8, fault: 'drop' },
        ],
        serverErrorStatuses: [503],
      },
      9,
    );
    expect(seen).toEqual(['200', '429', '429', '429', '503', '503', '503', 'dropped', '200']);
  });

  it('makes batch answers 207 with injected per-input errors (partial failure)', async () => {
    sandbox.control.setFaults({
      seed: 5,
      schedule: [{ request: 1, fault: 'partialBatch' }],
      partialBatchShare: 0.4,
    });
    const answer = await readBatch();
    expect(answer.results).toHaveLength(3);
    const errors =
      (answer as { errors?: { category: string; context: { ids: string[] } }[] }).errors ?? [];
    expect(errors[0]?.category).toBe('INTERNAL_ERROR');
    expect(errors[0]?.context.ids).toHaveLength(2);
  });

  it('lets the client\u2019s own retry recover from 5xx answers', async () => {
    const retrying = new Client({
      accessToken: sandbox.token,
      basePath: sandbox.baseUrl,
      numberOfApiCallRetries: 3,
    });
    sandbox.control.setFaults({ schedule: [{ request: 1, fault: 'serverError', count: 2 }] });
    const page = await retrying.crm.deals.basicApi.getPage(1);
    expect(page.results).toHaveLength(1);
  });

  it('delays slow answers and only faults the chosen paths', async () => {
    sandbox.control.setFaults({ rates: { slow: 1 }, slowMs: 30, paths: ['/crm/v3/pipelines'] });
    expect((await raw(sandbox, 'GET', '/crm/v3/pipelines/deals')).status).toBe(200);
    expect((await raw(sandbox, 'GET', '/crm/v3/owners')).status).toBe(200);
  });
});

describe('counting requests by kind', () => {
  it('names each request by what it does and counts it, whatever the answer', async () => {
    const before = sandbox.control.requestsByKind();
    await client.crm.companies.basicApi.getPage(10);
    await readBatch();
    await client.crm.deals.searchApi.doSearch({ filterGroups: [], limit: 1 });
    await client.crm.associations.v4.batchApi.getPage('deals', 'line_items', {
      inputs: [{ id: '1061' }],
    });
    await raw(sandbox, 'GET', '/crm/v3/objects/companies', undefined, 'pat-na1-wrong');
    const after = sandbox.control.requestsByKind();
    const added = [...after]
      .map(([kind, n]) => [kind, n - (before.get(kind) ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort();
    expect(added).toEqual([
      ['associations deals→line_items', 1],
      ['batch read companies', 1],
      ['list companies', 2],
      ['search deals', 1],
    ]);
  });
});
