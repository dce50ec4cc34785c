// HubSpot's limits are per app and portal, so every process of the app shares them: a command run
// right after another, and app-function containers running at once. Against a sandbox whose rolling
// window is 2 s and 40 requests (the client is not told: it learns both from the
// X-HubSpot-RateLimit-* headers), clients one after another and two at once never meet a 429.
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createHubSpotClient } from './create-client.ts';
import type { ClientEvent, HubSpot } from './create-client.ts';
import { readRecords } from './read-records.ts';
import { withDeadline } from './request.ts';
import { startTestSandbox } from '../../../../../test/support/hubspot/sandbox.ts';

const WINDOW = { perTenSeconds: 40, searchPerSecond: 5, intervalMs: 2_000 } as const;
/** 3,000 ids are 30 batch reads of 100 (four at a time), three quarters of the window. */
const IDS = Array.from({ length: 3_000 }, (_, i) => String(1_001 + i));

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
beforeEach(async () => {
  sandbox.control.setRateLimit(false);
  await new Promise((resolve) => setTimeout(resolve, 50));
  sandbox.control.setRateLimit(WINDOW);
});
afterAll(() => sandbox.close());

/** A new process's client: the default limits (HubSpot's 190 per 10 s), its own limiter. */
function processClient(events: ClientEvent[]): HubSpot {
  return createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    onEvent: (e) => events.push(e),
  });
}

async function work(hs: HubSpot): Promise<number> {
  const read = await readRecords(hs, 'companies', IDS, ['name']);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.records.length + read.value.missing.length;
}

describe('one rate limit shared by every process of the app', () => {
  it('a second process started right after the first meets no 429', async () => {
    const events: ClientEvent[] = [];
    const before = sandbox.control.rateLimitedCount();
    expect(await work(processClient(events))).toBe(IDS.length);
    expect(await work(processClient(events))).toBe(IDS.length);
    expect(sandbox.control.rateLimitedCount() - before).toBe(0);
    expect(events.filter((e) => e.kind === 'rate_limited')).toEqual([]);
  });

  it('two processes at once meet no 429', async () => {
    const events: ClientEvent[] = [];
    const before = sandbox.control.rateLimitedCount();
    const done = await Promise.all([work(processClient(events)), work(processClient(events))]);
    expect(done).toEqual([IDS.length, IDS.length]);
    expect(sandbox.control.rateLimitedCount() - before).toBe(0);
    expect(events.filter((e) => e.kind === 'rate_limited')).toEqual([]);
  });

  it('a call under a deadline that the budget cannot meet answers at once how long to wait', async () => {
    const events: ClientEvent[] = [];
    const before = sandbox.control.rateLimitedCount();
    await work(processClient(events)); // leaves 10 of the window's 40
    const late = processClient(events);
    const started = Date.now();
    const result = await withDeadline(300, () =>
      readRecords(late, 'companies', IDS.slice(0, 2_000), ['name']),
    );
    expect(Date.now() - started).toBeLessThan(300 + 250);
    expect(result.ok ? null : result.error.code).toBe('hubspot_rate_limited');
    const waitMs = result.ok ? 0 : (result.error.retryAfterMs ?? 0);
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(WINDOW.intervalMs + 1_000);
    expect(sandbox.control.rateLimitedCount() - before).toBe(0);
  });
});

describe('a deadline while HubSpot has not answered yet', () => {
  it('is HubSpot not answering in time (hubspot_unavailable), not a rate limit, for the requests held behind the first', async () => {
    sandbox.control.setRateLimit(false);
    const slowMs = 1_500;
    sandbox.control.setFaults({ rates: { slow: 1 }, slowMs });
    try {
      const events: ClientEvent[] = [];
      // A new client knows nothing of the window yet: one request goes, the others wait for its
      // answer, which comes after the deadline.
      const result = await withDeadline(300, () =>
        readRecords(processClient(events), 'companies', IDS.slice(0, 500), ['name']),
      );
      expect(result.ok ? null : result.error.code).toBe('hubspot_unavailable');
      expect(result.ok ? null : result.error.retryAfterMs).toBeUndefined();
    } finally {
      sandbox.control.setFaults(undefined);
      // The slow answer still lands; let it, before the next test.
      await new Promise((resolve) => setTimeout(resolve, slowMs));
    }
  });
});
