// Starts the sandbox in-process: store (SQLite file or memory), optional seed, HTTP server on
// 127.0.0.1, and a control object for tests to change faults, latency and rate limits.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp, type TrafficState } from './app.ts';
import { COMPANIES, DEALS } from './catalogue/object-types.ts';
import {
  SandboxOptionsSchema,
  type FaultPlan,
  type RateLimitOptions,
  type SandboxOptions,
} from './schema.ts';
import { seedStore, type SeedSummary } from './seed/seed-store.ts';
import { CrmStore, SANDBOX_APP_ID } from './store/crm-store.ts';
import { MemoryPersistence, SqlitePersistence } from './store/persistence.ts';
import { FaultInjector } from './traffic/faults.ts';
import { RateLimiter } from './traffic/rate-limiter.ts';

/** Changes the behaviour of a running sandbox (in-process only; there is no HTTP control route). */
export type SandboxControl = {
  /** Replaces the fault plan (request counting restarts) or switches faults off. */
  setFaults(plan: FaultPlan | undefined): void;
  setLatency(latencyMs: number): void;
  /** New rate limits with empty windows, or false to switch them off. */
  setRateLimit(options: RateLimitOptions | false): void;
  /** Read-only: requests received since start, whatever their answer (faults, 401, 429 included). */
  requestCount(): number;
  /** Read-only: requests answered 429 since start (injected faults and the rate limits alike). */
  rateLimitedCount(): number;
  /** Read-only: requests since start on the legacy `/crm/v3`, `/crm/v4`, `/crm-object-schemas/v3` paths. */
  legacyRequestCount(): number;
  /**
   * Read-only: requests received since start by kind (`list companies`, `batch read line_items`,
   * `associations deals→companies`, `search deals`, `batch update companies`, …).
   */
  requestsByKind(): Map<string, number>;
  /**
   * Read-only write log: for each record of `objectType` (a name such as `companies`, or an
   * object type id) updated since start, how many updates it received (creation is not counted).
   */
  writeCounts(objectType: string): Map<string, number>;
  /**
   * A signed-in user of the portal edits a record's properties in HubSpot's own UI (a record page
   * or a CRM data component such as `CrmPropertyList`). HubSpot records such an edit with
   * `sourceType: CRM_UI` and the user's id (`updatedByUserId`); nothing sent with the app's token
   * can produce one. Throws when the user is not an active user or the values are invalid.
   */
  editAsUser(input: {
    objectType: string;
    id: string;
    userId: string;
    properties: Record<string, string>;
  }): void;
};

export type RunningSandbox = {
  /** `http://127.0.0.1:<port>`: the `basePath` for `@hubspot/api-client`. */
  baseUrl: string;
  token: string;
  portalId: number;
  /** The installed app's id: the `sourceId` HubSpot records for writes with the app's token. */
  appId: number;
  /** What the seed wrote at start-up, when it ran. */
  seeded: SeedSummary | undefined;
  control: SandboxControl;
  close(): Promise<void>;
};

/**
 * Starts an embedded HubSpot CRM API on 127.0.0.1.
 * @example
 * const sandbox = await startSandbox({ seed: { seed: 1, companies: 50, deals: 80 }, rateLimit: false });
 * const client = new Client({ accessToken: sandbox.token, basePath: sandbox.baseUrl });
 * await sandbox.close();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = SandboxOptionsSchema.parse(options);
  const persistence =
    resolved.dataDir === undefined
      ? new MemoryPersistence()
      : new SqlitePersistence(resolved.dataDir);
  const store = new CrmStore(resolved.portalId, persistence);
  const token = resolved.token ?? persistence.getMeta('token') ?? `pat-na1-${randomUUID()}`;
  persistence.setMeta('token', token);
  const empty = store.table(COMPANIES).size === 0 && store.table(DEALS).size === 0;
  const seeded = resolved.seed !== undefined && empty ? seedStore(store, resolved.seed) : undefined;

  const traffic: TrafficState = {
    token,
    baseUrl: '',
    latencyMs: resolved.latencyMs,
    faults: new FaultInjector(resolved.faults),
    rateLimiter: resolved.rateLimit === false ? undefined : new RateLimiter(resolved.rateLimit),
    requests: 0,
    rateLimited: 0,
    legacy: 0,
    kinds: new Map(),
  };
  const app = createApp(store, traffic);
  const server = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  traffic.baseUrl = `http://127.0.0.1:${port}`;

  let closed: Promise<void> | undefined;
  return {
    baseUrl: traffic.baseUrl,
    token,
    portalId: store.portalId,
    appId: SANDBOX_APP_ID,
    seeded,
    control: {
      setFaults: (plan) => traffic.faults.set(plan),
      setLatency: (latencyMs) => {
        traffic.latencyMs = Math.max(0, latencyMs);
      },
      setRateLimit: (limits) => {
        traffic.rateLimiter = limits === false ? undefined : new RateLimiter(limits);
      },
      requestCount: () => traffic.requests,
      rateLimitedCount: () => traffic.rateLimited,
      legacyRequestCount: () => traffic.legacy,
      requestsByKind: () => new Map(traffic.kinds),
      writeCounts: (objectType) => {
        const info = store.resolveType(objectType);
        if (info === undefined) throw new Error(`unknown object type ${objectType}`);
        const table = store.table(info);
        const counts = new Map<string, number>();
        table.writes.forEach((n, row) => {
          if (n > 0) counts.set(String(table.ids[row]), n);
        });
        return counts;
      },
      editAsUser: ({ objectType, id, userId, properties }) => {
        const info = store.resolveType(objectType);
        if (info === undefined) throw new Error(`unknown object type ${objectType}`);
        store.editAsUser(info, id, userId, properties);
      },
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          persistence.close();
          resolve();
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closed;
    },
  };
}
