// Test support (never bundled: no entry imports it): an in-process sandbox set up as `strategy-fit
// setup` and `strategy publish` would, the example strategy, records that land in each state,
// and function contexts shaped like HubSpot's.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

import { parseStrategy } from '@strategy-fit/core';
import { EXCEPTION_INPUT_PROPERTIES } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';
import {
  ASSOCIATION_TYPES,
  createHubSpotClient,
  createRecords,
  ensureFitProperties,
  ensureExceptionEventStore,
  ensureStrategyStore,
  publishStrategy,
  readExceptionEventRecords,
  readRecords,
} from '@strategy-fit/hubspot';
import type { HubSpot, NewAssociation } from '@strategy-fit/hubspot';
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox, SandboxOptions } from '@strategy-fit/sandbox';

import { createRuntime } from '../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../src/app/functions/src/lib/runtime.ts';

/** examples/strategies/02-b2b-saas.json: its manager is the demo's user 9100001 (Maya Okafor). */
export const EXAMPLE_STRATEGY_FILE = new URL(
  '../../../examples/strategies/02-b2b-saas.json',
  import.meta.url,
);

/** Unwraps a Result in test code: throws with the error when there is one. */
export function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export const loadExampleStrategy = (): Strategy =>
  value(parseStrategy(readFileSync(EXAMPLE_STRATEGY_FILE, 'utf8')));

/** A user of the demo portal (one of the sandbox's owners), as HubSpot knows them. */
export type DemoUser = { readonly id: string; readonly name: string; readonly email: string };

/** The demo portal's users: a rep, the example strategy's manager, another Enterprise user. */
export const REP: DemoUser = {
  id: '9100003',
  name: 'Priya Raman',
  email: 'priya.raman@demo-sales.example',
};
export const MANAGER: DemoUser = {
  id: '9100001',
  name: 'Maya Okafor',
  email: 'maya.okafor@demo-sales.example',
};
export const COLLEAGUE: DemoUser = {
  id: '9100002',
  name: 'Lukas Berg',
  email: 'lukas.berg@demo-sales.example',
};

/** A context as HubSpot builds it for `main` (HUBSPOT.md §3). */
export const hubspotContext = (
  parameters: unknown,
  propertiesToSend: Record<string, string> = {},
): { parameters: unknown; propertiesToSend: Record<string, string>; secrets: object } => ({
  parameters,
  propertiesToSend,
  secrets: {},
});

export type TestPortal = {
  readonly sandbox: RunningSandbox;
  /** An adapter handle for arranging data and reading it back. */
  readonly hs: HubSpot;
  /** A function runtime on the sandbox (as a warm container has). */
  readonly runtime: Runtime;
  /** What HubSpot's function environment holds, pointed at the sandbox. */
  readonly env: { PRIVATE_APP_ACCESS_TOKEN: string; HUBSPOT_API_BASE_URL: string };
  publish(strategy?: Strategy): Promise<number>;
  /** `user` edits the record in HubSpot's UI (recorded as CRM_UI by them; only tests can). */
  editAs(user: DemoUser, objectType: string, id: string, properties: Record<string, string>): void;
  close(): Promise<void>;
};

/** The portal's `editAs`: HubSpot's record of a signed-in user's edit in its UI. */
export const editAsFor =
  (sandbox: RunningSandbox): TestPortal['editAs'] =>
  (user, objectType, id, properties) =>
    sandbox.control.editAsUser({ objectType, id, userId: user.id, properties });

/** A rep writes the reason for an exception on the deal, in HubSpot's UI. */
export const writeReason = (portal: TestPortal, user: DemoUser, dealId: string, reason: string) =>
  portal.editAs(user, 'deals', dealId, { [EXCEPTION_INPUT_PROPERTIES.reason]: reason });

/** A manager sets the decision (and an expiry) on the deal, in HubSpot's UI. */
export const setDecision = (
  portal: TestPortal,
  user: DemoUser,
  dealId: string,
  decision: 'approve' | 'reject',
  expiresOn?: string,
) =>
  portal.editAs(user, 'deals', dealId, {
    [EXCEPTION_INPUT_PROPERTIES.decision]: decision,
    ...(expiresOn === undefined ? {} : { [EXCEPTION_INPUT_PROPERTIES.expires]: expiresOn }),
  });

/**
 * A sandbox with `setup` done and, unless `publish: false`, the example strategy published. With
 * `setup: false`, a fresh portal: nothing of Strategy Fit's (and nothing published).
 */
export async function startTestPortal(
  options: { publish?: boolean; setup?: boolean } & Pick<
    SandboxOptions,
    'latencyMs' | 'rateLimit' | 'seed'
  > = {},
): Promise<TestPortal> {
  const sandbox = await startSandbox({
    rateLimit: options.rateLimit ?? false,
    latencyMs: options.latencyMs ?? 0,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const hs = createHubSpotClient({
    accessToken: sandbox.token,
    basePath: sandbox.baseUrl,
    limits: false,
  });
  if (options.setup !== false) {
    value(await ensureFitProperties(hs));
    value(await ensureStrategyStore(hs));
    value(await ensureExceptionEventStore(hs));
  }
  const portal: TestPortal = {
    sandbox,
    hs,
    // The sandbox has no rate limits here: no limiter either (HubSpot's limits: startManagerPortal).
    runtime: createRuntime({
      accessToken: sandbox.token,
      basePath: sandbox.baseUrl,
      limits: false,
    }),
    env: { PRIVATE_APP_ACCESS_TOKEN: sandbox.token, HUBSPOT_API_BASE_URL: sandbox.baseUrl },
    async publish(strategy = loadExampleStrategy()) {
      const stored = value(
        await publishStrategy(hs, strategy, { publishedBy: MANAGER.id, nowMs: Date.now() }),
      );
      return stored.version;
    },
    editAs: editAsFor(sandbox),
    close: () => sandbox.close(),
  };
  if (options.publish !== false && options.setup !== false) await portal.publish();
  return portal;
}

const DAY_MS = 86_400_000;
/** A day `days` from today (UTC), as HubSpot's date properties take it. */
export const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Companies that land in each tier of the example strategy (SCORING §6): dream (Enterprise SaaS
 * at 100%), fit (Mid-market tech at 100%), stretch (Mid-market tech at 57%), needs_data (only the
 * industry known), off_strategy (every segment disqualified), refused (an excluded industry).
 */
export const COMPANIES = {
  dream: {
    name: 'Northwind Software',
    industry: 'COMPUTER_SOFTWARE',
    numberofemployees: '2400',
    annualrevenue: '180000000',
    web_technologies: 'salesforce;google_analytics',
    country: 'United States',
  },
  fit: {
    name: 'Brightloop',
    industry: 'INTERNET',
    numberofemployees: '180',
    annualrevenue: '30000000',
    web_technologies: 'hubspot',
    founded_year: '2014',
    country: 'Germany',
  },
  stretch: {
    name: 'Granite Web Services',
    industry: 'INTERNET',
    numberofemployees: '320',
    annualrevenue: '250000000',
    web_technologies: 'google_tag_manager',
    founded_year: '1998',
    country: 'Japan',
  },
  needs_data: { name: 'Unknown Quantity Ltd', industry: 'COMPUTER_SOFTWARE' },
  off_strategy: {
    name: 'Corner Grocers',
    industry: 'RETAIL',
    numberofemployees: '5000',
    web_technologies: 'google_analytics',
    country: 'France',
  },
  refused: {
    name: 'Smokestack Tobacco',
    industry: 'TOBACCO',
    numberofemployees: '900',
    country: 'United States',
  },
} as const satisfies Record<string, Record<string, string>>;

/** A deal that passes the example's dream-customer test (need, ability to pay, urgency). */
export const focusDeal = (amount = '60000'): Record<string, string> => ({
  dealname: 'Platform rollout',
  amount,
  pipeline: 'default',
  dealstage: 'presentationscheduled',
  pain_identified: 'true',
  budget_confirmed: 'true',
  decision_date: dayFromToday(30),
});

export const plainDeal = (name: string, amount = '40000'): Record<string, string> => ({
  dealname: name,
  amount,
  pipeline: 'default',
  dealstage: 'qualifiedtobuy',
});

export async function createCompany(
  hs: HubSpot,
  properties: Record<string, string>,
): Promise<string> {
  const [id] = value(await createRecords(hs, 'companies', [{ properties }]));
  if (id === undefined) throw new Error('no company created');
  return id;
}

/** A deal, with its primary company and line items (`price`, `quantity`, per-unit `discount`). */
export async function createDeal(
  hs: HubSpot,
  properties: Record<string, string>,
  links: { companyId?: string; lineItems?: Record<string, string>[] } = {},
): Promise<string> {
  const associations: NewAssociation[] =
    links.companyId === undefined
      ? []
      : [{ toId: links.companyId, associationTypeId: ASSOCIATION_TYPES.dealToPrimaryCompany }];
  const [id] = value(await createRecords(hs, 'deals', [{ properties, associations }]));
  if (id === undefined) throw new Error('no deal created');
  if (links.lineItems !== undefined && links.lineItems.length > 0) {
    value(
      await createRecords(
        hs,
        'line_items',
        links.lineItems.map((item) => ({
          properties: item,
          associations: [{ toId: id, associationTypeId: ASSOCIATION_TYPES.lineItemToDeal }],
        })),
      ),
    );
  }
  return id;
}

/** A record's properties as HubSpot holds them now (with `hs_lastmodifieddate`). */
export async function readBack(
  hs: HubSpot,
  objectType: 'companies' | 'deals',
  id: string,
  properties: readonly string[],
): Promise<Record<string, string | null>> {
  const read = value(
    await readRecords(hs, objectType, [id], [...properties, 'hs_lastmodifieddate']),
  );
  const record = read.records[0];
  if (record === undefined) throw new Error(`${objectType} ${id} not found`);
  return record.properties;
}

/** A deal's exception events as HubSpot holds them (the audit trail), oldest first. */
export async function exceptionEventsOf(
  portal: Pick<TestPortal, 'hs'>,
  dealId: string,
): Promise<Record<string, string | null>[]> {
  const records = value(await readExceptionEventRecords(portal.hs, dealId));
  return records.map((r) => ({ ...r.properties, hs_object_id: r.id }));
}

/** An origin nothing listens on: calls to it are refused (HubSpot unreachable). */
export async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}
