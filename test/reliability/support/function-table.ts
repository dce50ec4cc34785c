// Every app function as HubSpot runs it (its entry's `main`), with a valid call on a test portal:
// the table the input, security and token suites go through. A function HubSpot can run but the
// table does not list fails the suites (see `entryNames`).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { ExceptionResponse, StrategySchema } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';
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
  setDecision,
  writeReason,
} from '../../support/functions/test-portal.ts';
import type { TestPortal } from '../../support/functions/test-portal.ts';
import { approvePending } from '../../support/functions/invoke-editor.ts';

const PreparedAnswer = z.object({
  ok: z.literal(true),
  value: z.object({
    outcome: z.literal('awaiting_approval'),
    pending: z.object({ recordId: z.string(), objectTypeId: z.string() }),
  }),
});

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
  /**
   * A version prepared on top of version 1 (`secondVersion`: the same strategy would be nothing
   * to publish) and approved by the manager in HubSpot.
   */
  pendingId: string;
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
  writeReason(portal, REP, requestedDeal, 'Strategic logo in a new market');
  const asked = ExceptionResponse.parse(
    await request(hubspotContext({}, { hs_object_id: requestedDeal })),
  );
  if (!asked.ok) throw new Error(asked.error.message);
  // What the valid calls rely on, done in HubSpot's UI: a reason on the off-strategy deal, and a
  // manager's decision on the requested one.
  writeReason(portal, REP, offStrategyDeal, 'A reference customer in a new region');
  setDecision(portal, MANAGER, requestedDeal, 'approve');
  const items = await fetch(
    `${portal.sandbox.baseUrl}/crm/v4/objects/deals/${deal}/associations/line_items`,
    { headers: { authorization: `Bearer ${portal.sandbox.token}` } },
  );
  const links = z
    .object({ results: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]) })) })
    .parse(await items.json());
  const lineItem = String(links.results[0]?.toObjectId ?? '');
  const publish = await mainOf('strategy_publish');
  const prepared = PreparedAnswer.parse(
    await publish(hubspotContext({ strategy: secondVersion(), basedOnVersion: 1 })),
  );
  const pendingId = prepared.value.pending.recordId;
  approvePending(portal, MANAGER, prepared.value.pending);
  return { company, offStrategyCompany, deal, offStrategyDeal, requestedDeal, lineItem, pendingId };
}

/** A valid call of one function: its parameters and HubSpot's `propertiesToSend`. */
export type ValidCall = {
  parameters: Record<string, unknown>;
  propertiesToSend?: Record<string, string>;
  /** Ids of other object types HubSpot could name as the card's record (each `record_not_found`). */
  otherRecords?: string[];
  /** Fields that take any JSON (a strategy): a wrong type there is a strategy issue, not input. */
  free?: string[];
  /** Fields the call may leave out. */
  optional?: string[];
  /** Whether it writes when it succeeds. */
  writes: boolean;
};

/**
 * Version 2 of the portal: the example renamed, so publishing the example on top of it, or
 * rolling back to version 1, has something to do (SCORING §14: the same strategy publishes nothing).
 */
export const secondVersion = (): Strategy =>
  StrategySchema.parse({ ...loadExampleStrategy(), name: 'B2B SaaS — version 2' });

/** One valid call of every function on `records`, as the cards and pages make them. */
export function validCalls(records: Records, currentVersion: number): Record<string, ValidCall> {
  const strategy = loadExampleStrategy();
  return {
    score_record: {
      parameters: { objectType: 'deal' },
      propertiesToSend: { hs_object_id: records.deal },
      otherRecords: [records.company, records.lineItem],
      writes: true,
    },
    request_exception: {
      parameters: {},
      propertiesToSend: { hs_object_id: records.offStrategyDeal },
      otherRecords: [records.offStrategyCompany, records.lineItem],
      writes: true,
    },
    decide_exception: {
      parameters: { requestSeq: 1, decision: 'approve' },
      propertiesToSend: { hs_object_id: records.requestedDeal },
      otherRecords: [records.offStrategyCompany, records.lineItem],
      writes: true,
    },
    strategy_editor_load: { parameters: {}, writes: false },
    // The test portal is set up: setup finds everything and writes nothing (test/e2e and the
    // function's own tests run it on a fresh portal).
    strategy_fit_setup: { parameters: {}, writes: false },
    strategy_validate: { parameters: { strategy }, free: ['strategy'], writes: false },
    strategy_simulate: { parameters: { strategy }, free: ['strategy'], writes: false },
    strategy_publish: {
      parameters: { strategy, basedOnVersion: currentVersion },
      free: ['strategy'],
      writes: true,
    },
    strategy_publish_confirm: { parameters: { pendingId: records.pendingId }, writes: true },
    strategy_rollback: {
      parameters: { version: 1, basedOnVersion: currentVersion },
      optional: ['basedOnVersion'],
      writes: true,
    },
    strategy_review: { parameters: {}, writes: false },
    rescore_stale: { parameters: {}, writes: true },
  };
}
