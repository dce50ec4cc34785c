// Every app function as HubSpot runs it (its entry's `main`), with a valid call on a test portal:
// the table the input, security and token suites go through. A function HubSpot can run but the
// table does not list fails the suites (see `entryNames`).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { ExceptionResponse, StrategySchema } from '@strategy-fit/core';
import type { CardUser, Strategy } from '@strategy-fit/core';
import { z } from 'zod';

import {
  COMPANIES,
  createCompany,
  createDeal,
  focusDeal,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  plainDeal,
  REP,
} from '../../support/functions/test-portal.ts';
import type { TestPortal } from '../../support/functions/test-portal.ts';

const ENTRIES = new URL('../../../src/app/functions/src/entries/', import.meta.url);

/** The functions HubSpot can run: every entry file (`score-record.ts` → `score_record`). */
export const entryNames = (): string[] =>
  readdirSync(fileURLToPath(ENTRIES))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.replace(/\.ts$/, '').replaceAll('-', '_'))
    .sort();

type Main = (context: unknown) => Promise<unknown>;

/** An entry's `main`, loaded by function name. */
export async function mainOf(name: string): Promise<Main> {
  const module: unknown = await import(new URL(`${name.replaceAll('_', '-')}.ts`, ENTRIES).href);
  const main = typeof module === 'object' && module !== null ? Reflect.get(module, 'main') : null;
  if (typeof main !== 'function') throw new Error(`${name} has no main`);
  return (context) => Promise.resolve(main(context));
}

/** Records in the states the functions act on. */
export type Records = {
  company: string;
  offStrategyCompany: string;
  deal: string;
  offStrategyDeal: string;
  requestedDeal: string;
  lineItem: string;
};

export async function createRecordsFor(portal: TestPortal): Promise<Records> {
  const company = await createCompany(portal.hs, COMPANIES.fit);
  const offStrategyCompany = await createCompany(portal.hs, COMPANIES.off_strategy);
  const deal = await createDeal(portal.hs, focusDeal(), {
    companyId: company,
    lineItems: [{ name: 'Seat', price: '1000', quantity: '10' }],
  });
  const offStrategyDeal = await createDeal(portal.hs, plainDeal('Grocery pilot'), {
    companyId: offStrategyCompany,
  });
  const requestedDeal = await createDeal(portal.hs, plainDeal('Grocery rollout'), {
    companyId: offStrategyCompany,
  });
  const request = await mainOf('request_exception');
  const asked = ExceptionResponse.parse(
    await request(
      hubspotContext(
        { dealId: requestedDeal, reason: 'Strategic logo in a new market', user: REP },
        { hs_object_id: requestedDeal },
      ),
    ),
  );
  if (!asked.ok) throw new Error(asked.error.message);
  const items = await fetch(
    `${portal.sandbox.baseUrl}/crm/v4/objects/deals/${deal}/associations/line_items`,
    { headers: { authorization: `Bearer ${portal.sandbox.token}` } },
  );
  const links = z
    .object({ results: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]) })) })
    .parse(await items.json());
  const lineItem = String(links.results[0]?.toObjectId ?? '');
  return { company, offStrategyCompany, deal, offStrategyDeal, requestedDeal, lineItem };
}

/** A valid call of one function: its parameters and HubSpot's `propertiesToSend`. */
export type ValidCall = {
  parameters: Record<string, unknown>;
  propertiesToSend?: Record<string, string>;
  /** Record id fields, and ids of other object types to put there (each `record_not_found`). */
  ids?: Record<string, string[]>;
  /** Fields that take any JSON (a strategy): a wrong type there is a strategy issue, not input. */
  free?: string[];
  /** Fields the call may leave out. */
  optional?: string[];
  /** A manager-only function: the user field a non-manager is put in. */
  managerOnly?: boolean;
  /** Whether it writes when it succeeds. */
  writes: boolean;
};

/**
 * Version 2 of the portal: the example renamed, so publishing the example on top of it, or
 * rolling back to version 1, has something to do (SCORING §14: the same strategy publishes nothing).
 */
export const secondVersion = (): Strategy =>
  StrategySchema.parse({ ...loadExampleStrategy(), name: 'B2B SaaS — version 2' });

const as = (user: CardUser): CardUser => ({ ...user, teamIds: [...user.teamIds] });

/** One valid call of every function on `records`, as the cards and pages make them. */
export function validCalls(records: Records, currentVersion: number): Record<string, ValidCall> {
  const strategy = loadExampleStrategy();
  return {
    score_record: {
      parameters: { objectType: 'deal', objectId: records.deal, user: as(REP) },
      propertiesToSend: { hs_object_id: records.deal },
      ids: { objectId: [records.company, records.lineItem] },
      optional: ['user'],
      writes: true,
    },
    request_exception: {
      parameters: {
        dealId: records.offStrategyDeal,
        reason: 'A reference customer in a new region',
        user: as(REP),
      },
      propertiesToSend: { hs_object_id: records.offStrategyDeal },
      ids: { dealId: [records.offStrategyCompany, records.lineItem] },
      writes: true,
    },
    decide_exception: {
      parameters: { dealId: records.requestedDeal, decision: 'approve', user: as(MANAGER) },
      propertiesToSend: { hs_object_id: records.requestedDeal },
      ids: { dealId: [records.offStrategyCompany, records.lineItem] },
      managerOnly: true,
      writes: true,
    },
    strategy_editor_load: { parameters: { user: as(MANAGER) }, writes: false },
    strategy_validate: { parameters: { strategy }, free: ['strategy'], writes: false },
    strategy_simulate: {
      parameters: { user: as(MANAGER), strategy },
      free: ['strategy'],
      writes: false,
    },
    strategy_publish: {
      parameters: { user: as(MANAGER), strategy, basedOnVersion: currentVersion },
      free: ['strategy'],
      managerOnly: true,
      writes: true,
    },
    strategy_rollback: {
      parameters: { user: as(MANAGER), version: 1, basedOnVersion: currentVersion },
      optional: ['basedOnVersion'],
      managerOnly: true,
      writes: true,
    },
    strategy_review: { parameters: { user: as(MANAGER) }, writes: false },
    rescore_stale: { parameters: { user: as(MANAGER) }, managerOnly: true, writes: true },
  };
}
