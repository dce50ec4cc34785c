// Shared by the adapter's tests: an in-process sandbox and a handle on it, through the real client.
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox, SandboxOptions } from '@strategy-fit/sandbox';

import { createHubSpotClient } from '../../../src/app/packages/hubspot/src/create-client.ts';
import type {
  ClientEvent,
  HubSpot,
  HubSpotClientOptions,
} from '../../../src/app/packages/hubspot/src/create-client.ts';

/** The seeded history ends here in every test, so generated data never depends on the clock. */
export const AS_OF = '2026-11-01';

/** A small, in-memory sandbox without rate limits (unless a test sets them). */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    rateLimit: false,
    seed: { seed: 7, companies: 60, deals: 90, asOf: AS_OF },
    ...options,
  });
}

/** A handle on the sandbox that records the client's events. */
export function connect(
  sandbox: RunningSandbox,
  options: Partial<HubSpotClientOptions> = {},
): { hs: HubSpot; events: ClientEvent[] } {
  const events: ClientEvent[] = [];
  const hs = createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    limits: false,
    onEvent: (e) => events.push(e),
    ...options,
  });
  return { hs, events };
}

/** Unwraps a Result in a test: fails with the error when there is one. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A request the client sent: method, path (with query) and JSON body. */
export type SentRequest = { method: string; path: string; body: unknown };

/** Every request sent to the sandbox while `run` runs (spies on global fetch, which the client uses). */
export async function recordRequests<T>(
  run: () => Promise<T>,
): Promise<{ result: T; sent: SentRequest[] }> {
  const original = globalThis.fetch;
  const sent: SentRequest[] = [];
  globalThis.fetch = (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    sent.push({
      method: init?.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return original(input, init);
  };
  try {
    return { result: await run(), sent };
  } finally {
    globalThis.fetch = original;
  }
}

/** A raw call to the sandbox with its token, for arranging data the adapter does not write. */
export async function raw(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : JSON.parse(text) };
}
