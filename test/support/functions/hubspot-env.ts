// Test support: run an entry's `main(context)` as HubSpot does, with the function environment
// (token, API origin) pointed at a sandbox, and observe the requests it makes.
import type { TestPortal } from './test-portal.ts';

const KEYS = ['PRIVATE_APP_ACCESS_TOKEN', 'HUBSPOT_API_BASE_URL'] as const;

/** Points this process's function environment at `portal` (or at `env`); returns the undo. */
export function useFunctionEnv(
  env: TestPortal['env'] | Partial<Record<(typeof KEYS)[number], string>>,
): () => void {
  const before = KEYS.map((k) => [k, process.env[k]] as const);
  const set = (k: (typeof KEYS)[number], v: string | undefined): void => {
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else process.env[k] = v;
  };
  for (const k of KEYS) set(k, env[k]);
  return () => {
    for (const [k, v] of before) set(k, v);
  };
}

/** A request the function sent: method, path with query, when it started and ended (ms). */
export type SentRequest = { method: string; path: string; startMs: number; endMs: number };

/**
 * Every request sent while `run` runs (spies on global fetch, which the api-client uses), and the
 * number of sequential round trips: the longest chain of requests each started after the
 * previous one answered. With latency in the sandbox, requests sent together overlap.
 */
export async function observeRequests<T>(
  run: () => Promise<T>,
): Promise<{ result: T; sent: SentRequest[]; roundTrips: number }> {
  const original = globalThis.fetch;
  const sent: SentRequest[] = [];
  globalThis.fetch = async (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const entry = {
      method: init?.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      startMs: performance.now(),
      endMs: Number.POSITIVE_INFINITY,
    };
    sent.push(entry);
    try {
      return await original(input, init);
    } finally {
      entry.endMs = performance.now();
    }
  };
  try {
    const result = await run();
    return { result, sent, roundTrips: roundTrips(sent) };
  } finally {
    globalThis.fetch = original;
  }
}

/** The longest chain of requests in which each started after the one before it ended. */
export function roundTrips(sent: readonly SentRequest[]): number {
  const byStart = [...sent].sort((a, b) => a.startMs - b.startMs);
  const depth: number[] = [];
  byStart.forEach((r, i) => {
    let before = 0;
    for (let j = 0; j < i; j += 1) {
      const earlier = byStart[j];
      if (earlier !== undefined && earlier.endMs <= r.startMs)
        before = Math.max(before, depth[j] ?? 0);
    }
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}
