// Settings-page fixtures made by the real strategy editor functions against a sandbox, not by
// hand: the settings page's tests call `produceSettingsFixtures()` in `beforeAll` and answer
// their serverless spy with these. Each answer is checked against the contract and against the
// state its name promises, so a change in the functions shows up here first.
import {
  StrategyEditorLoadResponse,
  StrategyFitSetupResponse,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
  StrategyRollbackResponse,
  StrategySchema,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import type { PendingVersion, StrategyInput } from '@strategy-fit/core';
import type { z } from 'zod';

import { createRuntime } from '../../../src/app/functions/src/lib/runtime.ts';
import {
  approvePending,
  invokeEditorLoad,
  invokePublish,
  invokePublishConfirm,
  invokeRollback,
  invokeSetup,
  invokeSimulate,
  invokeValidate,
} from './invoke-editor.ts';
import {
  closedOrigin,
  COMPANIES,
  createCompany,
  createDeal,
  focusDeal,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  plainDeal,
  REP,
  startTestPortal,
} from './test-portal.ts';

/** The example strategy, managed by Maya Okafor and the Enterprise team. */
export const teamManagedStrategy = (): StrategyInput => ({
  ...loadExampleStrategy(),
  managers: { userIds: ['9100001'], teamIds: ['4810001'] },
});

/** The proposed change of the fixtures: retail is refused too. */
export const refusingRetailStrategy = (): StrategyInput => {
  const s = teamManagedStrategy();
  return {
    ...s,
    name: 'B2B SaaS — no retail',
    exclusions: [
      ...(s.exclusions ?? []),
      {
        id: 'retail',
        reason: 'We no longer sell to retail',
        criteria: [{ property: 'industry', operator: 'EQ', value: 'RETAIL' }],
      },
    ],
  };
};

/** A strategy whose first criterion names a property the portal does not have. */
const withUnknownProperty = (): StrategyInput => {
  const s = refusingRetailStrategy();
  const [first, ...rest] = s.segments;
  if (first === undefined) throw new Error('the example has no segment');
  return {
    ...s,
    segments: [
      {
        ...first,
        criteria: [
          { property: 'industri', operator: 'EQ', value: 'COMPUTER_SOFTWARE' },
          ...first.criteria.slice(1),
        ],
      },
      ...rest,
    ],
  };
};

/**
 * The first version a first-time admin makes: the realistic example's template, naming the
 * manager who approves it, with a stricter focus guard (so the simulation warns).
 */
export const firstVersionStrategy = (template: StrategyInput): StrategyInput => ({
  ...template,
  managers: { userIds: [MANAGER.email], teamIds: [] },
  focusGuard: { maxAcceptedPercent: 30 },
});

const SCHEMAS = {
  load_fresh: StrategyEditorLoadResponse,
  setup_chunk_first: StrategyFitSetupResponse,
  setup_chunk_last: StrategyFitSetupResponse,
  setup_unavailable: StrategyFitSetupResponse,
  load_setup_incomplete: StrategyEditorLoadResponse,
  load_empty: StrategyEditorLoadResponse,
  validate_first: StrategyValidateResponse,
  simulate_first: StrategySimulateResponse,
  load_published: StrategyEditorLoadResponse,
  load_first_pending: StrategyEditorLoadResponse,
  load_pending: StrategyEditorLoadResponse,
  load_pending_approved: StrategyEditorLoadResponse,
  load_after_publish: StrategyEditorLoadResponse,
  load_after_rollback: StrategyEditorLoadResponse,
  load_unavailable: StrategyEditorLoadResponse,
  validate_valid: StrategyValidateResponse,
  validate_portal_issues: StrategyValidateResponse,
  simulate_chunk_1: StrategySimulateResponse,
  simulate_chunk_2: StrategySimulateResponse,
  publish_first_prepared: StrategyPublishResponse,
  publish_prepared: StrategyPublishResponse,
  publish_invalid: StrategyPublishResponse,
  publish_conflict: StrategyPublishResponse,
  confirm_not_verified: StrategyPublishConfirmResponse,
  confirm_not_allowed: StrategyPublishConfirmResponse,
  confirm_published: StrategyPublishConfirmResponse,
  rollback_prepared: StrategyRollbackResponse,
  rollback_confirmed: StrategyPublishConfirmResponse,
} as const;

export type SettingsFixtureName = keyof typeof SCHEMAS;
export const SETTINGS_FIXTURE_NAMES = Object.keys(SCHEMAS) as SettingsFixtureName[];
export type SettingsFixtures = { [K in SettingsFixtureName]: z.output<(typeof SCHEMAS)[K]> };

type Check = (answer: unknown) => boolean;

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string } };
type ResponseSchema<T> = {
  safeParse: (input: unknown) => { success: true; data: Answer<T> } | { success: false };
};

/** The answer parses with the contract, succeeded, and its value is in the expected state. */
const okWith =
  <T>(schema: ResponseSchema<T>, check: (value: T) => boolean): Check =>
  (answer) => {
    const parsed = schema.safeParse(answer);
    return parsed.success && parsed.data.ok && check(parsed.data.value);
  };

/** The answer parses with the contract and failed with `code`. */
const failedWith =
  <T>(schema: ResponseSchema<T>, code: string): Check =>
  (answer) => {
    const parsed = schema.safeParse(answer);
    return parsed.success && !parsed.data.ok && parsed.data.error.code === code;
  };

const awaiting = (v: { outcome: string }): boolean => v.outcome === 'awaiting_approval';

const EXPECT: Record<SettingsFixtureName, Check> = {
  load_fresh: okWith(
    StrategyEditorLoadResponse,
    (v) => v.current === null && !v.setup.complete && v.products.list.length > 0,
  ),
  setup_chunk_first: okWith(StrategyFitSetupResponse, (v) => v.next !== null),
  setup_chunk_last: okWith(StrategyFitSetupResponse, (v) => v.next === null),
  setup_unavailable: failedWith(StrategyFitSetupResponse, 'hubspot_unavailable'),
  load_setup_incomplete: okWith(
    StrategyEditorLoadResponse,
    (v) =>
      v.current !== null &&
      !v.setup.complete &&
      v.setup.steps.every((s) => (s.step === 'exception_events') === s.missing.length > 0),
  ),
  load_empty: okWith(
    StrategyEditorLoadResponse,
    (v) => v.current === null && v.setup.complete && v.templates.length > 0,
  ),
  validate_first: okWith(StrategyValidateResponse, (v) => v.valid && v.portalChecked),
  simulate_first: okWith(
    StrategySimulateResponse,
    (v) => v.publishedVersion === null && v.cursor === null,
  ),
  load_published: okWith(
    StrategyEditorLoadResponse,
    // The first version prepared on the page is based on none: once version 1 exists it is out.
    (v) =>
      v.current?.summary.version === 1 && v.people.managers.length === 1 && v.pending.length === 0,
  ),
  load_first_pending: okWith(
    StrategyEditorLoadResponse,
    (v) =>
      v.current === null &&
      v.templates.length > 0 &&
      v.pending.length === 1 &&
      v.pending[0]?.pending.targetVersion === 1,
  ),
  load_pending: okWith(
    StrategyEditorLoadResponse,
    (v) =>
      v.current?.summary.version === 1 &&
      v.pending.length === 1 &&
      v.pending[0]?.approval.set === false,
  ),
  load_pending_approved: okWith(
    StrategyEditorLoadResponse,
    (v) => v.pending.length === 1 && v.pending[0]?.approval.byName === 'Maya Okafor',
  ),
  load_after_publish: okWith(
    StrategyEditorLoadResponse,
    (v) => v.current?.summary.version === 2 && v.history.length === 2,
  ),
  load_after_rollback: okWith(
    StrategyEditorLoadResponse,
    (v) => v.current?.summary.source === 'rollback' && v.history.length === 3,
  ),
  load_unavailable: failedWith(StrategyEditorLoadResponse, 'hubspot_unavailable'),
  validate_valid: okWith(StrategyValidateResponse, (v) => v.valid && v.portalChecked),
  validate_portal_issues: okWith(
    StrategyValidateResponse,
    (v) => !v.valid && v.issues.some((i) => i.source === 'portal'),
  ),
  simulate_chunk_1: okWith(StrategySimulateResponse, (v) => v.cursor !== null),
  simulate_chunk_2: okWith(StrategySimulateResponse, (v) => v.cursor === null),
  publish_first_prepared: okWith(StrategyPublishResponse, awaiting),
  publish_prepared: okWith(StrategyPublishResponse, awaiting),
  publish_invalid: okWith(StrategyPublishResponse, (v) => v.outcome === 'invalid'),
  publish_conflict: okWith(StrategyPublishResponse, (v) => v.outcome === 'conflict'),
  confirm_not_verified: failedWith(StrategyPublishConfirmResponse, 'not_verified'),
  confirm_not_allowed: failedWith(StrategyPublishConfirmResponse, 'not_allowed'),
  confirm_published: okWith(
    StrategyPublishConfirmResponse,
    (v) => v.outcome === 'published' && v.version.version === 2,
  ),
  rollback_prepared: okWith(StrategyRollbackResponse, awaiting),
  rollback_confirmed: okWith(
    StrategyPublishConfirmResponse,
    (v) => v.outcome === 'published' && v.version.source === 'rollback',
  ),
};

const pendingOf = (answer: unknown): PendingVersion => {
  const parsed = StrategyPublishResponse.parse(answer);
  if (!parsed.ok || parsed.value.outcome !== 'awaiting_approval') {
    throw new Error(`not prepared: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  return parsed.value.pending;
};

/**
 * A portal set up and published by an earlier version of the app, one without the exception
 * events' custom object: the load of its settings page (setup incomplete, a version published).
 */
const loadSetUpByAnEarlierVersion = async (): Promise<unknown> => {
  const portal = await startTestPortal({ setup: false });
  try {
    let from: string | undefined;
    while (from !== 'exception_events') {
      const chunk = await invokeSetup(
        portal.runtime,
        hubspotContext(from === undefined ? {} : { from }),
        { budgetMs: 0 },
        true,
      );
      if (!chunk.ok || chunk.value.next === null) throw new Error('setup did not stop where asked');
      from = chunk.value.next;
    }
    await portal.publish(StrategySchema.parse(teamManagedStrategy()));
    return await invokeEditorLoad(portal.runtime, hubspotContext({}), true);
  } finally {
    await portal.close();
  }
};

/**
 * Starts a sandbox with companies and deals, runs the strategy editor's real handlers through
 * every state the settings page shows (empty portal, a first version prepared and found again
 * after a reload, simulation in two
 * chunks, a version prepared, listed after a reload, refused and approved in HubSpot (by a rep, then the manager), a
 * concurrent publish, rollback, HubSpot unreachable) and returns their answers, checked. About a second; the sandbox is closed before it returns.
 *
 * @example
 * let fixtures: SettingsFixtures;
 * beforeAll(async () => { fixtures = await produceSettingsFixtures(); });
 */
export async function produceSettingsFixtures(): Promise<SettingsFixtures> {
  // A fresh portal with the demo's product library (no company of the seed's).
  const portal = await startTestPortal({
    setup: false,
    seed: { seed: 1, companies: 0, deals: 0, asOf: '2026-11-01' },
  });
  try {
    const rt = portal.runtime;
    const { hs } = portal;
    const load = () => invokeEditorLoad(rt, hubspotContext({}), true);
    const load_fresh = await load();
    // Setup from the page with no time left in a chunk (one write each): the first and last chunk.
    const setupChunks: unknown[] = [];
    let from: string | undefined;
    for (let n = 0; n < 100; n += 1) {
      const chunk = await invokeSetup(
        rt,
        hubspotContext(from === undefined ? {} : { from }),
        { budgetMs: 0 },
        true,
      );
      setupChunks.push(chunk);
      if (!chunk.ok || chunk.value.next === null) break;
      from = chunk.value.next;
    }
    const ids: Record<string, string> = {};
    for (const [tier, properties] of Object.entries(COMPANIES)) {
      ids[tier] = await createCompany(hs, properties);
    }
    await createDeal(hs, focusDeal('60000'), { companyId: ids['fit'] });
    await createDeal(hs, plainDeal('Grocery POS', '40000'), { companyId: ids['off_strategy'] });
    await createDeal(hs, plainDeal('Tobacco CRM', '25000'), { companyId: ids['refused'] });

    const load_empty = await load();
    const template = StrategyEditorLoadResponse.parse(load_empty);
    const first = firstVersionStrategy(
      (template.ok ? template.value.templates : []).find((t) => t.id === '02-b2b-saas')?.strategy ??
        teamManagedStrategy(),
    );
    const validate_first = await invokeValidate(rt, hubspotContext({ strategy: first }), true);
    const simulate_first = await invokeSimulate(rt, hubspotContext({ strategy: first }), {}, true);
    const publish = (strategy: StrategyInput, basedOnVersion: number | null) =>
      invokePublish(rt, hubspotContext({ strategy, basedOnVersion }), true);
    const confirm = (pending: PendingVersion) =>
      invokePublishConfirm(rt, hubspotContext({ pendingId: pending.recordId }), true);
    // The first version, prepared on the empty page (it is published by the CLI below instead).
    const publish_first_prepared = await publish(teamManagedStrategy(), null);
    // The page reloaded (or another manager opened it): the prepared first version is there.
    const load_first_pending = await load();
    await portal.publish(StrategySchema.parse(teamManagedStrategy()));

    const simulateChunk = (cursor?: unknown) =>
      invokeSimulate(
        rt,
        hubspotContext({
          strategy: refusingRetailStrategy(),
          ...(cursor === undefined ? {} : { cursor }),
        }),
        // Two chunks: the open deals, then the six companies (one block each).
        { budgetMs: 0, blocks: { blockSize: 6, listPageSize: 3, searchPageSize: 3 } },
        true,
      );
    const simulate_chunk_1 = await simulateChunk();
    const simulate_chunk_2 = await simulateChunk(
      simulate_chunk_1.ok ? (simulate_chunk_1.value.cursor ?? undefined) : undefined,
    );
    const load_published = await load();
    const publish_invalid = await publish(withUnknownProperty(), 1);
    const publish_prepared = await publish(refusingRetailStrategy(), 1);
    const prepared = pendingOf(publish_prepared);
    // The page reloaded after the manager followed the link: the prepared version is listed.
    const load_pending = await load();
    const confirm_not_verified = await confirm(prepared);
    approvePending(portal, REP, prepared);
    const confirm_not_allowed = await confirm(prepared);
    approvePending(portal, MANAGER, prepared, 'approve_not_manager');
    approvePending(portal, MANAGER, prepared);
    const load_pending_approved = await load();
    const confirm_published = await confirm(prepared);
    const load_after_publish = await load();
    const publish_conflict = await publish(teamManagedStrategy(), 1);
    const rollback_prepared = await invokeRollback(
      rt,
      hubspotContext({ version: 1, basedOnVersion: 2 }),
      true,
    );
    const rollback = pendingOf(rollback_prepared);
    approvePending(portal, MANAGER, rollback);
    const rollback_confirmed = await confirm(rollback);
    const unavailable = createRuntime({
      accessToken: portal.sandbox.token,
      basePath: await closedOrigin(),
    });
    const answers: Record<SettingsFixtureName, unknown> = {
      load_fresh,
      setup_chunk_first: setupChunks[0],
      setup_chunk_last: setupChunks.at(-1),
      setup_unavailable: await invokeSetup(unavailable, hubspotContext({}), {}, true),
      load_setup_incomplete: await loadSetUpByAnEarlierVersion(),
      load_empty,
      validate_first,
      simulate_first,
      load_published,
      load_first_pending,
      load_pending,
      load_pending_approved,
      load_after_publish,
      load_after_rollback: await load(),
      load_unavailable: await invokeEditorLoad(unavailable, hubspotContext({}), true),
      validate_valid: await invokeValidate(
        rt,
        hubspotContext({ strategy: refusingRetailStrategy() }),
        true,
      ),
      validate_portal_issues: await invokeValidate(
        rt,
        hubspotContext({ strategy: withUnknownProperty() }),
        true,
      ),
      simulate_chunk_1,
      simulate_chunk_2,
      publish_first_prepared,
      publish_prepared,
      publish_invalid,
      publish_conflict,
      confirm_not_verified,
      confirm_not_allowed,
      confirm_published,
      rollback_prepared,
      rollback_confirmed,
    };
    const wrong = SETTINGS_FIXTURE_NAMES.filter((name) => !EXPECT[name](answers[name]));
    if (wrong.length > 0) {
      throw new Error(
        `settings fixtures are wrong: ${wrong.map((n) => `${n} ${JSON.stringify(answers[n]).slice(0, 300)}`).join('; ')}`,
      );
    }
    const parse = <K extends SettingsFixtureName>(name: K): SettingsFixtures[K] =>
      SCHEMAS[name].parse(answers[name]) as SettingsFixtures[K];
    return Object.fromEntries(SETTINGS_FIXTURE_NAMES.map((n) => [n, parse(n)])) as SettingsFixtures;
  } finally {
    await portal.close();
  }
}
