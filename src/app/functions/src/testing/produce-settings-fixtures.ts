// Settings-page fixtures made by the real strategy editor functions against a sandbox, not by
// hand: the settings page's tests call `produceSettingsFixtures()` in `beforeAll` and answer
// their serverless spy with these. Each answer is checked against the contract and against the
// state its name promises, so a change in the functions shows up here first.
import {
  StrategyEditorLoadResponse,
  StrategyPublishResponse,
  StrategyRollbackResponse,
  StrategySchema,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import type { CardUser, StrategyInput } from '@strategy-fit/core';
import type { z } from 'zod';

import { createRuntime } from '../lib/runtime.ts';
import {
  invokeEditorLoad,
  invokePublish,
  invokeRollback,
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

/** A second manager of the demo portal, a manager through the Enterprise team. */
export const TEAM_MANAGER: CardUser = {
  id: '9100002',
  email: 'lukas.berg@demo-sales.example',
  teamIds: ['4810001'],
};

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

const SCHEMAS = {
  load_empty: StrategyEditorLoadResponse,
  load_manager: StrategyEditorLoadResponse,
  load_rep: StrategyEditorLoadResponse,
  load_after_publish: StrategyEditorLoadResponse,
  load_after_rollback: StrategyEditorLoadResponse,
  load_unavailable: StrategyEditorLoadResponse,
  validate_valid: StrategyValidateResponse,
  validate_portal_issues: StrategyValidateResponse,
  simulate_chunk_1: StrategySimulateResponse,
  simulate_chunk_2: StrategySimulateResponse,
  simulate_not_allowed: StrategySimulateResponse,
  publish_published: StrategyPublishResponse,
  publish_invalid: StrategyPublishResponse,
  publish_conflict: StrategyPublishResponse,
  publish_not_allowed: StrategyPublishResponse,
  rollback_published: StrategyRollbackResponse,
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

const EXPECT: Record<SettingsFixtureName, Check> = {
  load_empty: okWith(StrategyEditorLoadResponse, (v) => v.current === null && !v.viewer.isManager),
  load_manager: okWith(
    StrategyEditorLoadResponse,
    (v) => v.current?.summary.version === 1 && v.viewer.isManager,
  ),
  load_rep: okWith(
    StrategyEditorLoadResponse,
    (v) => v.current !== null && v.viewer.confirmed && !v.viewer.isManager,
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
  simulate_not_allowed: failedWith(StrategySimulateResponse, 'not_allowed'),
  publish_published: okWith(
    StrategyPublishResponse,
    (v) => v.outcome === 'published' && v.version.version === 2,
  ),
  publish_invalid: okWith(StrategyPublishResponse, (v) => v.outcome === 'invalid'),
  publish_conflict: okWith(StrategyPublishResponse, (v) => v.outcome === 'conflict'),
  publish_not_allowed: failedWith(StrategyPublishResponse, 'not_allowed'),
  rollback_published: okWith(
    StrategyRollbackResponse,
    (v) => v.outcome === 'published' && v.version.source === 'rollback',
  ),
};

/**
 * Starts a sandbox with companies and deals, runs the strategy editor's real handlers through
 * every state the settings page shows (empty portal, manager, rep, simulation in two chunks,
 * publish refused and done, a concurrent publish, rollback, HubSpot unreachable) and returns
 * their answers, checked. About a second; the sandbox is closed before it returns.
 *
 * @example
 * let fixtures: SettingsFixtures;
 * beforeAll(async () => { fixtures = await produceSettingsFixtures(); });
 */
export async function produceSettingsFixtures(): Promise<SettingsFixtures> {
  const portal = await startTestPortal({ publish: false });
  try {
    const rt = portal.runtime;
    const { hs } = portal;
    const ids: Record<string, string> = {};
    for (const [tier, properties] of Object.entries(COMPANIES)) {
      ids[tier] = await createCompany(hs, properties);
    }
    await createDeal(hs, focusDeal('60000'), { companyId: ids['fit'] });
    await createDeal(hs, plainDeal('Grocery POS', '40000'), { companyId: ids['off_strategy'] });
    await createDeal(hs, plainDeal('Tobacco CRM', '25000'), { companyId: ids['refused'] });

    const load = (user: CardUser) => invokeEditorLoad(rt, hubspotContext({ user }), true);
    const load_empty = await load(MANAGER);
    await portal.publish(StrategySchema.parse(teamManagedStrategy()));

    const simulateChunk = (cursor?: unknown) =>
      invokeSimulate(
        rt,
        hubspotContext({
          user: MANAGER,
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
    const publishAs = (user: CardUser, strategy: StrategyInput, basedOnVersion: number) =>
      invokePublish(rt, hubspotContext({ user, strategy, basedOnVersion }), true);

    const partial = {
      load_empty,
      load_manager: await load(MANAGER),
      load_rep: await load(REP),
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
      simulate_not_allowed: await invokeSimulate(
        rt,
        hubspotContext({ user: REP, strategy: refusingRetailStrategy() }),
        {},
        true,
      ),
      publish_not_allowed: await publishAs(REP, refusingRetailStrategy(), 1),
      publish_invalid: await publishAs(MANAGER, withUnknownProperty(), 1),
      publish_published: await publishAs(MANAGER, refusingRetailStrategy(), 1),
    };
    const load_after_publish = await load(MANAGER);
    const publish_conflict = await publishAs(TEAM_MANAGER, teamManagedStrategy(), 1);
    const rollback_published = await invokeRollback(
      rt,
      hubspotContext({ user: MANAGER, version: 1, basedOnVersion: 2 }),
      true,
    );
    const unavailable = createRuntime({
      accessToken: portal.sandbox.token,
      basePath: await closedOrigin(),
    });
    const answers: Record<SettingsFixtureName, unknown> = {
      ...partial,
      load_after_publish,
      publish_conflict,
      rollback_published,
      load_after_rollback: await load(MANAGER),
      load_unavailable: await invokeEditorLoad(
        unavailable,
        hubspotContext({ user: MANAGER }),
        true,
      ),
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
