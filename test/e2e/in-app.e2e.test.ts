// Issue 11 "Done when": a fresh sandbox portal (nothing of Strategy Fit's) taken to scored
// records with the app's functions only, called as HubSpot calls them (`main(context)`, the
// function environment pointed at the portal): setup from the settings page in chunks, the first
// version from a template through the editor's functions, approved by the manager in HubSpot's own
// UI (the sandbox's editAsUser, recorded as CRM_UI), then the cards' score_record on a company and
// a deal; the scores read back equal the core's. No CLI anywhere: the last test walks this file's
// imports and fails on any module of tools/cli or on a child process.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  emptySimulationPart,
  mergeSimulationParts,
  ScoreRecordResponse,
  simulationFocusGuard,
  StrategyEditorLoadResponse,
  StrategyFitSetupResponse,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
  StrategySchema,
  StrategySimulateResponse,
  simulationMatrixOf,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import type { StrategyInput } from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { main as scoreRecord } from '../../src/app/functions/src/entries/score-record.ts';
import { main as load } from '../../src/app/functions/src/entries/strategy-editor-load.ts';
import { main as setup } from '../../src/app/functions/src/entries/strategy-fit-setup.ts';
import { main as confirm } from '../../src/app/functions/src/entries/strategy-publish-confirm.ts';
import { main as publish } from '../../src/app/functions/src/entries/strategy-publish.ts';
import { main as simulate } from '../../src/app/functions/src/entries/strategy-simulate.ts';
import { main as validate } from '../../src/app/functions/src/entries/strategy-validate.ts';
import { observeRequests, useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { approvePending } from '../support/functions/invoke-editor.ts';
import {
  hubspotContext,
  MANAGER,
  startTestPortal,
  value,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { associations, listAll } from './support/portal.ts';
import { AS_OF, expectedScores, FIT_NAMES, mismatches } from './support/sandbox.ts';

/** Each function call of the path: what it was, its time, its requests and round trips. */
type Step = { step: string; ms: number; requests: number; roundTrips: number };
const steps: Step[] = [];

/** Calls `main` as HubSpot does and records the call's time and requests under `step`. */
const call = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const { result, sent, roundTrips } = await observeRequests(run);
  steps.push({
    step,
    ms: Math.round(performance.now() - started),
    requests: sent.length,
    roundTrips,
  });
  return result;
};

let portal: TestPortal;
let restoreEnv: () => void = () => {};

beforeAll(async () => {
  // A freshly seeded portal, with HubSpot-like latency: nothing of Strategy Fit's on it.
  portal = await startTestPortal({
    setup: false,
    latencyMs: 40,
    seed: { seed: 21, companies: 60, deals: 90, asOf: AS_OF },
  });
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
  // The figures of the report (docs/install.md): each call's time, requests and round trips.
  console.info(
    steps
      .map((s) => `${s.step}: ${s.ms} ms, ${s.requests} requests, ${s.roundTrips} round trips`)
      .join('\n'),
  );
});

describe('from a fresh portal to scored records inside HubSpot (issue 11, no CLI)', () => {
  it('setup, the first version from a template, the manager’s approval in HubSpot, then the cards', async () => {
    // 1. The settings page opens: nothing published, setup to do, the examples to start from.
    const fresh = value(
      StrategyEditorLoadResponse.parse(
        await call('load (fresh portal)', () => load(hubspotContext({}))),
      ),
    );
    expect(fresh.current).toBeNull();
    expect(fresh.setup.complete).toBe(false);
    expect(fresh.products.list.length).toBeGreaterThan(0);

    // 2. "Set up Strategy Fit": chunk after chunk until `next` is null, as the page calls it. A
    // slow portal (250 ms a request) makes HubSpot's 3-s budget of a chunk end inside setup.
    portal.sandbox.control.setLatency(250);
    let from: string | undefined;
    let chunks = 0;
    for (;;) {
      chunks += 1;
      const chunk = value(
        StrategyFitSetupResponse.parse(
          await call(`setup chunk ${chunks}`, () =>
            setup(hubspotContext(from === undefined ? {} : { from })),
          ),
        ),
      );
      // Each chunk stays well inside HubSpot's function time limit (HUBSPOT.md §2.3, about 10 s).
      expect(chunk.elapsedMs).toBeLessThan(8_000);
      expect(chunk.interrupted).toBeUndefined();
      if (chunk.next === null) break;
      from = chunk.next;
      expect(chunks).toBeLessThan(50);
    }
    expect(chunks).toBeGreaterThan(1);
    portal.sandbox.control.setLatency(40);
    const setUp = value(
      StrategyEditorLoadResponse.parse(await call('load (set up)', () => load(hubspotContext({})))),
    );
    expect(setUp.setup.complete).toBe(true);
    expect(setUp.current).toBeNull();

    // 3. The first version: the realistic example as a template, the admin names themself.
    const template = setUp.templates.find((t) => t.id === '02-b2b-saas');
    if (template === undefined) throw new Error('the template 02-b2b-saas is missing');
    expect(template.portalIssues).toBe(0);
    const strategy: StrategyInput = {
      ...template.strategy,
      name: `${template.strategy.name} — first version`,
      managers: { userIds: [MANAGER.email], teamIds: [] },
    };
    const validated = value(
      StrategyValidateResponse.parse(
        await call('validate', () => validate(hubspotContext({ strategy }))),
      ),
    );
    expect(validated.issues).toEqual([]);
    expect(validated.valid).toBe(true);

    // Simulate chunk by chunk (nothing published: every company scored for the first time).
    let part = emptySimulationPart();
    let cursor: unknown = undefined;
    let simulateCalls = 0;
    do {
      simulateCalls += 1;
      const chunk = value(
        StrategySimulateResponse.parse(
          await call(`simulate chunk ${simulateCalls}`, () =>
            simulate(hubspotContext({ strategy, ...(cursor === undefined ? {} : { cursor }) })),
          ),
        ),
      );
      expect(chunk.publishedVersion).toBeNull();
      part = mergeSimulationParts(part, chunk.part);
      cursor = chunk.cursor ?? undefined;
    } while (cursor !== undefined);
    const matrix = simulationMatrixOf(part);
    const companiesSimulated = matrix.columns.reduce((n, c) => n + c.total.companies, 0);
    expect(companiesSimulated).toBe(60);
    // The focus guard the page shows (and the manager acknowledges) is the core's, from the matrix.
    const focus = simulationFocusGuard(StrategySchema.parse(strategy), matrix);
    expect(focus.companies).toBe(60);

    // Prepare version 1: nothing is published until the approval in HubSpot.
    const prepared = value(
      StrategyPublishResponse.parse(
        await call('publish (prepare version 1)', () =>
          publish(hubspotContext({ strategy, basedOnVersion: null })),
        ),
      ),
    );
    if (prepared.outcome !== 'awaiting_approval') throw new Error(JSON.stringify(prepared));
    const early = StrategyPublishConfirmResponse.parse(
      await confirm(hubspotContext({ pendingId: prepared.pending.recordId })),
    );
    expect(early.ok ? early.value : early.error.code).toBe('not_verified');

    // The manager approves on HubSpot's own record page (recorded by HubSpot as CRM_UI, by them),
    // following the page's link in the same tab: back on the settings page, it loads again and
    // finds the prepared version only in the load's answer (the page kept it in memory).
    approvePending(portal, MANAGER, prepared.pending);
    const reloaded = value(
      StrategyEditorLoadResponse.parse(
        await call('load (after the approval)', () => load(hubspotContext({}))),
      ),
    );
    expect(reloaded.current).toBeNull();
    const [waiting, ...others] = reloaded.pending;
    expect(others).toEqual([]);
    expect(waiting?.pending).toEqual(prepared.pending);
    expect(waiting?.approval).toEqual({ set: true, byName: MANAGER.name });
    const published = value(
      StrategyPublishConfirmResponse.parse(
        await call('publish confirm', () =>
          confirm(hubspotContext({ pendingId: waiting?.pending.recordId ?? '' })),
        ),
      ),
    );
    if (published.outcome !== 'published') throw new Error(JSON.stringify(published));
    expect(published.version.version).toBe(1);
    expect(published.version.publishedByLabel).toContain(MANAGER.name);
    const after = value(
      StrategyEditorLoadResponse.parse(
        await call('load (published)', () => load(hubspotContext({}))),
      ),
    );
    expect(after.current?.summary.version).toBe(1);
    expect(after.templates).toEqual([]);
    expect(after.pending).toEqual([]);

    // 4. The cards: score_record on a company and on one of its deals (the record HubSpot says
    // the card is on, in propertiesToSend).
    const deals = await listAll(portal.sandbox, 'deals', ['dealname']);
    const links = await associations(
      portal.sandbox,
      'deals',
      'companies',
      deals.map((d) => d.id),
    );
    const dealId = deals.map((d) => d.id).find((id) => (links.get(id) ?? []).length > 0);
    const companyId = dealId === undefined ? undefined : links.get(dealId)?.[0]?.id;
    if (dealId === undefined || companyId === undefined) throw new Error('no deal with a company');
    for (const [objectType, id] of [
      ['company', companyId],
      ['deal', dealId],
    ] as const) {
      const card = value(
        ScoreRecordResponse.parse(
          await call(`score_record (${objectType})`, () =>
            scoreRecord(hubspotContext({ objectType }, { hs_object_id: id })),
          ),
        ),
      );
      expect(card.strategy.version).toBe(1);
      expect(card.written).toBe(true);
    }

    // 5. Read back: the stored fit properties are the core's scores of those records.
    const { actual, expected } = await expectedScores(
      portal.sandbox,
      StrategySchema.parse(strategy),
      1,
    );
    const timeless = (names: readonly string[]) =>
      names.filter((n) => n !== 'strategy_fit_scored_at');
    const only = <V>(map: Map<string, V>, id: string) => new Map([[id, map.get(id) as V]]);
    expect(
      mismatches(
        only(actual.companies, companyId),
        only(expected.companies, companyId),
        timeless(FIT_NAMES.companies),
      ),
    ).toEqual([]);
    expect(
      mismatches(
        only(actual.deals, dealId),
        only(expected.deals, dealId),
        timeless(FIT_NAMES.deals),
      ),
    ).toEqual([]);
    expect(actual.companies.get(companyId)?.['strategy_fit_version']).toBe('1');
    expect(actual.deals.get(dealId)?.['strategy_fit_tier']).not.toBeNull();
  }, 120_000);

  it('never imports or spawns the CLI (this file and every module it reaches in the repository)', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    const seen = new Set<string>();
    const offending: string[] = [];
    const walk = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      if (/from ['"]node:child_process['"]|require\(['"](node:)?child_process/.test(text)) {
        offending.push(`${file} spawns processes`);
      }
      if (/from ['"]@strategy-fit\/cli/.test(text)) offending.push(`${file} imports the CLI`);
      for (const [, spec] of text.matchAll(
        /(?:import|export)[^'"]*?from ['"](\.{1,2}\/[^'"]+)['"]/g,
      )) {
        if (spec === undefined) continue;
        const next = join(dirname(file), spec);
        if (next.startsWith(join(root, 'tools', 'cli'))) offending.push(`${file} imports ${spec}`);
        else walk(next);
      }
    };
    walk(import.meta.filename);
    expect(seen.size).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });
});
