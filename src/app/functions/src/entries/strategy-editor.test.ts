// The strategy editor's functions: main(context) as HubSpot calls it, against an in-process
// sandbox through the real client. Every refusal is checked to publish nothing, and the
// simulation to write nothing.
import {
  emptySimulationPart,
  mergeSimulationParts,
  simulationMatrixOf,
  PublishOutcome,
  StrategyEditorLoadResponse,
  StrategyPublishResponse,
  StrategyRollbackResponse,
  StrategySchema,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import type { CardUser, SimulationMatrix, StrategyInput } from '@strategy-fit/core';
import { listRecords, listStrategyVersions, readPublishedStrategy } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { FIRST_VERSION_MESSAGE } from '../handlers/editor/editor-shared.ts';
import { observeRequests, useFunctionEnv } from '../testing/hubspot-env.ts';
import { invokeSimulate } from '../testing/invoke-editor.ts';
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
  startTestPortal,
  value,
} from '../testing/test-portal.ts';
import type { TestPortal } from '../testing/test-portal.ts';
import { main as load } from './strategy-editor-load.ts';
import { main as publish } from './strategy-publish.ts';
import { main as rollback } from './strategy-rollback.ts';
import { main as simulate } from './strategy-simulate.ts';
import { main as validate } from './strategy-validate.ts';

/** The manager's user id with another email: someone who knows the id, not the account. */
const SPOOFED_MANAGER: CardUser = { ...MANAGER, email: 'mallory@example.com' };
/** A second manager, by team: the example names user 9100001 only, so tests add the team. */
const LUKAS: CardUser = {
  id: '9100002',
  email: 'lukas.berg@demo-sales.example',
  teamIds: ['4810001'],
};

const answers: unknown[] = [];
const logs: string[] = [];
/** The tokens of the portals the tests ran on: no answer may contain one. */
const tokens: string[] = [];
let restoreEnv: () => void = () => {};

const remember = <T>(answer: T): T => {
  answers.push(answer);
  return answer;
};

const loadAs = async (user: CardUser) =>
  StrategyEditorLoadResponse.parse(remember(await load(hubspotContext({ user }))));
const validateDraft = async (strategy: unknown) =>
  StrategyValidateResponse.parse(remember(await validate(hubspotContext({ strategy }))));
const simulateAs = async (user: CardUser, strategy: unknown, cursor?: unknown) =>
  StrategySimulateResponse.parse(
    remember(
      await simulate(
        hubspotContext({ user, strategy, ...(cursor === undefined ? {} : { cursor }) }),
      ),
    ),
  );
const publishAs = async (user: CardUser, strategy: unknown, basedOnVersion: number) =>
  StrategyPublishResponse.parse(
    remember(await publish(hubspotContext({ user, strategy, basedOnVersion }))),
  );
const rollbackAs = async (user: CardUser, version: number, basedOnVersion?: number) =>
  StrategyRollbackResponse.parse(
    remember(
      await rollback(
        hubspotContext({
          user,
          version,
          ...(basedOnVersion === undefined ? {} : { basedOnVersion }),
        }),
      ),
    ),
  );

const valueOf = <T>(answer: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`);
  return answer.value;
};
const errorOf = (answer: { ok: boolean; error?: { code: string; message: string } }) =>
  answer.ok ? null : (answer.error ?? null);

/** The example strategy, with the Enterprise team added to its managers (so Lukas is one). */
const withTeamManagers = (): StrategyInput => {
  const s = loadExampleStrategy();
  return { ...s, managers: { userIds: ['9100001'], teamIds: ['4810001'] } };
};

/** The example strategy, refusing retail too: the off-strategy grocer becomes refused. */
const refusingRetail = (): StrategyInput => {
  const s = loadExampleStrategy();
  return {
    ...withTeamManagers(),
    name: 'B2B SaaS — no retail',
    exclusions: [
      ...s.exclusions,
      {
        id: 'retail',
        reason: 'We no longer sell to retail',
        criteria: [{ property: 'industry', operator: 'EQ', value: 'RETAIL' }],
      },
    ],
  };
};

const versionsOf = async (portal: TestPortal) =>
  value(await listStrategyVersions(portal.hs)).map((v) => v.version);

beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logs.push(args.map(String).join(' '));
  });
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('an empty portal: nothing published yet', () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal({ publish: false });
    tokens.push(portal.sandbox.token);
    restoreEnv = useFunctionEnv(portal.env);
  });
  afterAll(async () => {
    restoreEnv();
    await portal.close();
  });

  it('strategy_editor_load: no strategy, no history, the pickers, and how the first version is published', async () => {
    const loaded = valueOf(await loadAs(MANAGER));
    expect(loaded.current).toBeNull();
    expect([loaded.history, loaded.historyTotal]).toEqual([[], 0]);
    expect(loaded.viewer).toEqual({
      userId: MANAGER.id,
      confirmed: true,
      name: 'Maya Okafor',
      isManager: false,
      reason: FIRST_VERSION_MESSAGE,
    });
    const industry = loaded.properties.company.find((p) => p.name === 'industry');
    expect(industry).toMatchObject({ label: 'Industry', type: 'enumeration', fieldType: 'select' });
    expect(industry?.options?.some((o) => o.value === 'COMPUTER_SOFTWARE')).toBe(true);
    expect(loaded.properties.deal.some((p) => p.name === 'amount')).toBe(true);
    // Strategy Fit's own output is never offered as a criterion.
    const names = [...loaded.properties.company, ...loaded.properties.deal].map((p) => p.name);
    expect(names.filter((n) => n.startsWith('strategy_fit_'))).toEqual([]);
    expect(loaded.people.users).toContainEqual({
      userId: '9100001',
      name: 'Maya Okafor',
      email: 'maya.okafor@demo-sales.example',
    });
    expect(loaded.people.teams).toContainEqual({ id: '4810001', name: 'Enterprise' });
  });

  it('strategy_publish: refused, saying the first version is published with the CLI; nothing is written', async () => {
    const answer = await publishAs(MANAGER, loadExampleStrategy(), 1);
    expect(errorOf(answer)).toEqual({ code: 'not_allowed', message: FIRST_VERSION_MESSAGE });
    expect(await versionsOf(portal)).toEqual([]);
    expect(errorOf(await simulateAs(MANAGER, loadExampleStrategy()))?.code).toBe('not_allowed');
  });
});

describe('a published portal', () => {
  let portal: TestPortal;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    portal = await startTestPortal({ publish: false });
    await portal.publish(StrategySchema.parse(withTeamManagers()));
    tokens.push(portal.sandbox.token);
    restoreEnv = useFunctionEnv(portal.env);
    for (const [tier, properties] of Object.entries(COMPANIES)) {
      ids[tier] = await createCompany(portal.hs, properties);
    }
    // Open deals (one with an unknown amount), a closed one, and one without a company.
    await createDeal(portal.hs, focusDeal('60000'), { companyId: ids['fit'] });
    await createDeal(portal.hs, plainDeal('Grocery POS', '40000'), {
      companyId: ids['off_strategy'],
    });
    await createDeal(
      portal.hs,
      { ...plainDeal('Grocery app'), amount: '' },
      {
        companyId: ids['off_strategy'],
      },
    );
    await createDeal(
      portal.hs,
      { ...plainDeal('Won last year', '90000'), dealstage: 'closedwon' },
      { companyId: ids['dream'] },
    );
    await createDeal(portal.hs, plainDeal('Orphan'));
  });
  afterAll(async () => {
    restoreEnv();
    await portal.close();
  });

  describe('strategy_editor_load', () => {
    it('a manager: the published strategy, its history, may publish', async () => {
      const loaded = valueOf(await loadAs(MANAGER));
      expect(loaded.current?.summary).toMatchObject({
        version: 1,
        status: 'current',
        strategyName: 'B2B SaaS — FY2026 go-to-market',
        publishedBy: '9100001',
        publishedByLabel: 'Maya Okafor',
        source: 'publish',
      });
      expect(loaded.current?.strategy).toEqual(StrategySchema.parse(withTeamManagers()));
      expect(loaded.history.map((v) => v.version)).toEqual([1]);
      expect(loaded.viewer).toMatchObject({ confirmed: true, isManager: true, reason: null });
    });

    it('a manager by team (as HubSpot lists the user’s teams, not as the page claims)', async () => {
      expect(valueOf(await loadAs(LUKAS)).viewer.isManager).toBe(true);
      const claimsTeam = { ...REP, teamIds: ['4810001'] };
      expect(valueOf(await loadAs(claimsTeam)).viewer.isManager).toBe(false);
    });

    it('a rep reads the strategy, with the reason they may not publish', async () => {
      const { viewer, current } = valueOf(await loadAs(REP));
      expect(current?.summary.version).toBe(1);
      expect(viewer).toMatchObject({ confirmed: true, isManager: false, name: 'Priya Raman' });
      expect(viewer.reason).toMatch(/^Only the strategy managers named in version 1 can publish/);
    });

    it('a spoofed manager (right id, wrong email) is not confirmed, so not a manager', async () => {
      const { viewer } = valueOf(await loadAs(SPOOFED_MANAGER));
      expect(viewer).toMatchObject({ confirmed: false, isManager: false, name: null });
      expect(viewer.reason).toMatch(/could not confirm who you are/);
    });
  });

  describe('strategy_validate', () => {
    it('the schema’s issues, each at its path; the portal is not asked yet', async () => {
      const draft = { ...loadExampleStrategy(), name: '', thresholds: { fit: 40, stretch: 50 } };
      const answer = valueOf(await validateDraft(draft));
      expect(answer.valid).toBe(false);
      expect(answer.portalChecked).toBe(false);
      expect(answer.issues.map((i) => [i.source, i.code, i.path])).toEqual([
        ['schema', 'too_short', 'name'],
        ['schema', 'stretch_not_below_fit', 'thresholds.stretch'],
      ]);
    });

    it('then the portal’s: unknown properties, unknown options, each at its path', async () => {
      const s = loadExampleStrategy();
      const [first, ...others] = s.segments;
      if (first === undefined) throw new Error('no segment');
      const draft = {
        ...s,
        segments: [
          {
            ...first,
            criteria: [
              { property: 'industri', operator: 'EQ', value: 'COMPUTER_SOFTWARE' },
              { property: 'industry', operator: 'IN', values: ['COMPUTER_SOFTWARE', 'SOFTWARE'] },
            ],
          },
          ...others,
        ],
      };
      const answer = valueOf(await validateDraft(draft));
      expect(answer).toMatchObject({ valid: false, portalChecked: true });
      expect(answer.issues.map((i) => [i.source, i.code, i.path, i.property])).toEqual([
        ['portal', 'property_unknown', 'segments[0].criteria[0].property', 'industri'],
        ['portal', 'option_unknown', 'segments[0].criteria[1].values[1]', 'industry'],
      ]);
      expect(answer.issues[0]?.message).toContain('Did you mean “industry”?');
    });

    it('a valid strategy has no issues', async () => {
      expect(valueOf(await validateDraft(loadExampleStrategy()))).toEqual({
        valid: true,
        issues: [],
        portalChecked: true,
      });
    });
  });

  describe('strategy_simulate', () => {
    it('chunks merge into the matrix of one pass; the grocer moves off_strategy → refused', async () => {
      const whole = valueOf(await simulateAs(MANAGER, refusingRetail()));
      expect(whole.cursor).toBeNull();
      expect(whole.progress).toEqual({ companiesDone: 6, totalCompanies: 6 });
      // Four open deals read; the one without a company counts in no cell.
      expect(whole.chunk).toMatchObject({ companies: 6, openDeals: 4 });
      const matrix = simulationMatrixOf(whole.part);
      const cell = (m: SimulationMatrix, from: string, to: string) =>
        m.rows.find((r) => r.oldTier === from)?.cells.find((c) => c.newTier === to);
      expect(cell(matrix, 'off_strategy', 'refused')).toEqual({
        newTier: 'refused',
        companies: 1,
        openDeals: 2,
        openAmount: 40000,
      });
      expect(matrix.total).toEqual({ companies: 6, openDeals: 3, openAmount: 100000 });
      expect(matrix.changed.companies).toBe(1);

      // In chunks of one block of 2 records (open deals first, then companies), on the cursor.
      const rt = portal.runtime;
      let merged = emptySimulationPart();
      let cursor: unknown;
      const chunks: number[] = [];
      do {
        const answer = valueOf(
          StrategySimulateResponse.parse(
            await invokeSimulate(
              rt,
              hubspotContext({
                user: MANAGER,
                strategy: refusingRetail(),
                ...(cursor === undefined ? {} : { cursor }),
              }),
              { budgetMs: 0, blocks: { blockSize: 2, listPageSize: 2, searchPageSize: 2 } },
            ),
          ),
        );
        merged = mergeSimulationParts(merged, answer.part);
        chunks.push(answer.progress.companiesDone);
        cursor = answer.cursor ?? undefined;
      } while (cursor !== undefined);
      expect(chunks).toEqual([0, 0, 2, 4, 6]);
      expect(simulationMatrixOf(merged)).toEqual(matrix);
    });

    it('writes nothing: only reads are sent, and no record changes', async () => {
      const snapshot = async () =>
        Promise.all(
          (['companies', 'deals'] as const).map(
            async (objectType) =>
              value(
                await listRecords(portal.hs, {
                  objectType,
                  properties: ['hs_lastmodifieddate', 'strategy_fit_tier', 'strategy_fit_version'],
                }),
              ).records,
          ),
        );
      const records = await snapshot();
      const before = await readPublishedStrategy(portal.hs);
      const { sent } = await observeRequests(() => simulateAs(MANAGER, refusingRetail()));
      const writes = sent.filter(
        (r) => r.method !== 'GET' && !/\/(batch\/read|search)$/.test(r.path.split('?')[0] ?? ''),
      );
      expect(writes).toEqual([]);
      expect(sent.length).toBeGreaterThan(3);
      expect(await readPublishedStrategy(portal.hs)).toEqual(before);
      expect(records.flat().length).toBe(6 + 5);
      expect(await snapshot()).toEqual(records);
    });

    it('only managers simulate; an invalid strategy or a stale cursor is refused', async () => {
      expect(errorOf(await simulateAs(REP, refusingRetail()))?.code).toBe('not_allowed');
      expect(errorOf(await simulateAs(SPOOFED_MANAGER, refusingRetail()))?.code).toBe(
        'not_allowed',
      );
      const invalid = await simulateAs(MANAGER, { ...refusingRetail(), segments: [] });
      expect(errorOf(invalid)?.code).toBe('strategy_invalid');
      const stale = {
        phase: 'companies',
        page: '1',
        publishedVersion: 99,
        companiesDone: 0,
        totalCompanies: 6,
      };
      const answer = await simulateAs(MANAGER, refusingRetail(), stale);
      expect(errorOf(answer)?.code).toBe('invalid_input');
      expect(errorOf(answer)?.message).toMatch(/Simulate again/);
    });
  });

  describe('strategy_publish and strategy_rollback', () => {
    it('refuses a rep, and a spoofed manager id with a wrong email; nothing is published', async () => {
      for (const user of [REP, SPOOFED_MANAGER]) {
        const answer = await publishAs(user, refusingRetail(), 1);
        expect(errorOf(answer)?.code).toBe('not_allowed');
      }
      expect(await versionsOf(portal)).toEqual([1]);
    });

    it('refuses an invalid strategy with every issue; version 1 stays current', async () => {
      const draft = { ...refusingRetail(), name: '', segments: [] };
      const answer = PublishOutcome.parse(valueOf(await publishAs(MANAGER, draft, 1)));
      expect(answer.outcome === 'invalid' && answer.issues.map((i) => i.path)).toEqual([
        'name',
        'segments',
      ]);
      const portalInvalid = {
        ...refusingRetail(),
        exclusions: [
          {
            id: 'x',
            reason: 'No',
            criteria: [{ property: 'no_such_property', operator: 'HAS_PROPERTY' }],
          },
        ],
      };
      const refused = valueOf(await publishAs(MANAGER, portalInvalid, 1));
      expect(refused.outcome === 'invalid' && refused.issues[0]).toMatchObject({
        source: 'portal',
        code: 'property_unknown',
        path: 'exclusions[0].criteria[0].property',
      });
      expect(await versionsOf(portal)).toEqual([1]);
    });

    it('a manager publishes version 2, recorded with their name, email and user id', async () => {
      const answer = valueOf(await publishAs(MANAGER, refusingRetail(), 1));
      expect(answer).toMatchObject({
        outcome: 'published',
        version: {
          version: 2,
          status: 'current',
          strategyName: 'B2B SaaS — no retail',
          publishedBy: 'Maya Okafor <maya.okafor@demo-sales.example> (user 9100001)',
          publishedByLabel: 'Maya Okafor',
          source: 'publish',
          rolledBackFrom: null,
        },
      });
      const stored = value(await readPublishedStrategy(portal.hs));
      expect(stored?.strategy).toEqual(StrategySchema.parse(refusingRetail()));
    });

    it('a publish based on an older version is refused, naming who published and when', async () => {
      const answer = valueOf(await publishAs(LUKAS, withTeamManagers(), 1));
      expect(answer).toMatchObject({
        outcome: 'conflict',
        basedOnVersion: 1,
        current: { version: 2, publishedByLabel: 'Maya Okafor' },
      });
      expect(await versionsOf(portal)).toEqual([2, 1]);
    });

    it('two managers publishing on the same version at once: one wins, the other learns who', async () => {
      const [a, b] = await Promise.all([
        publishAs(MANAGER, { ...refusingRetail(), name: 'Maya’s' }, 2),
        publishAs(LUKAS, { ...refusingRetail(), name: 'Lukas’s' }, 2),
      ]);
      const outcomes = [valueOf(a), valueOf(b)];
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['conflict', 'published']);
      const winner = outcomes.find((o) => o.outcome === 'published');
      const loser = outcomes.find((o) => o.outcome === 'conflict');
      expect(winner?.outcome === 'published' && winner.version.version).toBe(3);
      expect(loser?.outcome === 'conflict' && loser.current.version).toBe(3);
      expect(await versionsOf(portal)).toEqual([3, 2, 1]);
    });

    it('rollback: version 1 published again as version 4, by a manager only', async () => {
      expect(errorOf(await rollbackAs(REP, 1, 3))?.code).toBe('not_allowed');
      expect(errorOf(await rollbackAs(SPOOFED_MANAGER, 1, 3))?.code).toBe('not_allowed');
      expect(valueOf(await rollbackAs(MANAGER, 1, 2))).toMatchObject({
        outcome: 'conflict',
        current: { version: 3 },
      });
      expect(await versionsOf(portal)).toEqual([3, 2, 1]);
      const answer = valueOf(await rollbackAs(MANAGER, 1, 3));
      expect(answer).toMatchObject({
        outcome: 'published',
        version: { version: 4, source: 'rollback', rolledBackFrom: 1 },
      });
      const stored = value(await readPublishedStrategy(portal.hs));
      expect(stored?.strategy).toEqual(StrategySchema.parse(withTeamManagers()));
    });

    it('the managers of the currently published version decide: without the team, Lukas may not', async () => {
      const exampleManagers = loadExampleStrategy();
      const v5 = valueOf(await publishAs(MANAGER, exampleManagers, 4));
      expect(v5.outcome === 'published' && v5.version.version).toBe(5);
      expect(errorOf(await publishAs(LUKAS, withTeamManagers(), 5))?.code).toBe('not_allowed');
      expect(valueOf(await loadAs(LUKAS)).viewer.isManager).toBe(false);
      const back = valueOf(await rollbackAs(MANAGER, 4, 5));
      expect(back.outcome === 'published' && back.version.version).toBe(6);
    });

    it('rollback to the current version or to one that never existed is refused', async () => {
      expect(errorOf(await rollbackAs(MANAGER, 6))?.code).toBe('invalid_input');
      expect(errorOf(await rollbackAs(MANAGER, 42))?.code).toBe('record_not_found');
      expect(await versionsOf(portal)).toEqual([6, 5, 4, 3, 2, 1]);
      const { history } = valueOf(await loadAs(MANAGER));
      expect(history.map((v) => [v.version, v.status, v.source, v.rolledBackFrom])).toEqual([
        [6, 'current', 'rollback', 4],
        [5, 'superseded', 'publish', null],
        [4, 'superseded', 'rollback', 1],
        [3, 'superseded', 'publish', null],
        [2, 'superseded', 'publish', null],
        [1, 'superseded', 'publish', null],
      ]);
    });
  });
});

describe('every answer', () => {
  it('carries no access token; refusals are logged, input mistakes are not', () => {
    expect(tokens.length).toBe(2);
    for (const a of answers) {
      const json = JSON.stringify(a);
      for (const t of tokens) expect(json.includes(t)).toBe(false);
    }
    expect(logs.some((l) => l.startsWith('[strategy_publish] not_allowed: '))).toBe(true);
  });
});
