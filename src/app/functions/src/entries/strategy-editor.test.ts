// The strategy editor's functions: main(context) as HubSpot calls it, against an in-process
// sandbox through the real client. A version is prepared on the page, approved by a manager in
// HubSpot's UI (the sandbox's editAs) and published by strategy_publish_confirm. Every refusal is
// checked to publish nothing, and the simulation to write nothing. Attacks: test/security/.
import {
  compileStrategy,
  emptyPortalPart,
  emptySimulationPart,
  mergePortalParts,
  mergeSimulationParts,
  simulationMatrixOf,
  simulationMoversOfPart,
  PublishOutcome,
  StrategyEditorLoadResponse,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
  StrategyRollbackResponse,
  StrategySchema,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import type { PendingVersion, SimulationMatrix, StrategyInput } from '@strategy-fit/core';
import {
  listRecords,
  listStrategyVersions,
  readPublishedStrategy,
  STORE_OBJECT,
} from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

import {
  observeRequests,
  useFunctionEnv,
} from '../../../../../test/support/functions/hubspot-env.ts';
import {
  approvePending,
  invokeSimulate,
} from '../../../../../test/support/functions/invoke-editor.ts';
import {
  COLLEAGUE,
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
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main as load } from './strategy-editor-load.ts';
import { main as confirm } from './strategy-publish-confirm.ts';
import { main as publish } from './strategy-publish.ts';
import { main as rollback } from './strategy-rollback.ts';
import { main as simulate } from './strategy-simulate.ts';
import { main as validate } from './strategy-validate.ts';

/** A second manager, by team: the example names user 9100001 only, so tests add the team. */
const LUKAS = COLLEAGUE;

const answers: unknown[] = [];
const logs: string[] = [];
/** The tokens of the portals the tests ran on: no answer may contain one. */
const tokens: string[] = [];
let restoreEnv: () => void = () => {};

const remember = <T>(answer: T): T => {
  answers.push(answer);
  return answer;
};

const loadEditor = async () =>
  StrategyEditorLoadResponse.parse(remember(await load(hubspotContext({}))));
const validateDraft = async (strategy: unknown) =>
  StrategyValidateResponse.parse(remember(await validate(hubspotContext({ strategy }))));
const simulateDraft = async (strategy: unknown, cursor?: unknown) =>
  StrategySimulateResponse.parse(
    remember(
      await simulate(hubspotContext({ strategy, ...(cursor === undefined ? {} : { cursor }) })),
    ),
  );
const prepare = async (strategy: unknown, basedOnVersion: number | null) =>
  StrategyPublishResponse.parse(
    remember(await publish(hubspotContext({ strategy, basedOnVersion }))),
  );
const prepareRollback = async (version: number, basedOnVersion?: number) =>
  StrategyRollbackResponse.parse(
    remember(
      await rollback(
        hubspotContext({ version, ...(basedOnVersion === undefined ? {} : { basedOnVersion }) }),
      ),
    ),
  );
const confirmPending = async (pending: PendingVersion) =>
  StrategyPublishConfirmResponse.parse(
    remember(await confirm(hubspotContext({ pendingId: pending.recordId }))),
  );

const valueOf = <T>(answer: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`);
  return answer.value;
};
const errorOf = (answer: { ok: boolean; error?: { code: string; message: string } }) =>
  answer.ok ? null : (answer.error ?? null);
const pendingOf = (answer: StrategyPublishResponse): PendingVersion => {
  const outcome = valueOf(answer);
  if (outcome.outcome !== 'awaiting_approval') throw new Error(`not prepared: ${outcome.outcome}`);
  return outcome.pending;
};

/** Prepares on the page, `approver` approves in HubSpot, the page confirms: the outcome. */
const publishAs = async (
  portal: TestPortal,
  approver: typeof MANAGER,
  strategy: unknown,
  basedOnVersion: number | null,
) => {
  const prepared = valueOf(await prepare(strategy, basedOnVersion));
  if (prepared.outcome !== 'awaiting_approval') return prepared;
  approvePending(portal, approver, prepared.pending);
  return valueOf(await confirmPending(prepared.pending));
};

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

/** The issue's trap criteria (SCORING §14), added to the first segment of `s`. */
const withTraps = (s: StrategyInput, ...traps: StrategyInput['segments'][number]['criteria']) => {
  const [first, ...others] = s.segments;
  if (first === undefined) throw new Error('no segment');
  return { ...s, segments: [{ ...first, criteria: [...first.criteria, ...traps] }, ...others] };
};
const TRAPS = [
  { property: 'country', operator: 'GTE', value: 5 },
  { property: 'createdate', operator: 'EQ', value: '2026-01-01' },
  { property: 'amount', operator: 'GTE', value: 10000 },
] as const;

const versionsOf = async (portal: TestPortal) =>
  value(await listStrategyVersions(portal.hs)).map((v) => v.version);
/** How many records the strategy store holds, pending ones too: a refused preparation adds none. */
const storeRecordsOf = async (portal: TestPortal): Promise<number> => {
  const answer = await fetch(
    `${portal.sandbox.baseUrl}/crm/objects/2026-09/${STORE_OBJECT.name}?limit=100`,
    { headers: { authorization: `Bearer ${portal.sandbox.token}` } },
  );
  return z.object({ results: z.array(z.unknown()) }).parse(await answer.json()).results.length;
};

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

  it('strategy_editor_load: no strategy, no history, the pickers, the teams; no user list', async () => {
    const loaded = valueOf(await loadEditor());
    expect(loaded.current).toBeNull();
    expect([loaded.history, loaded.historyTotal]).toEqual([[], 0]);
    const industry = loaded.properties.company.find((p) => p.name === 'industry');
    expect(industry).toMatchObject({ label: 'Industry', type: 'enumeration', fieldType: 'select' });
    expect(industry?.options?.some((o) => o.value === 'COMPUTER_SOFTWARE')).toBe(true);
    expect(loaded.properties.deal.some((p) => p.name === 'amount')).toBe(true);
    // Strategy Fit's own output is never offered as a criterion.
    const names = [...loaded.properties.company, ...loaded.properties.deal].map((p) => p.name);
    expect(names.filter((n) => n.startsWith('strategy_fit_'))).toEqual([]);
    expect(loaded.people.managers).toEqual([]);
    expect(loaded.people.teams).toContainEqual({ id: '4810001', name: 'Enterprise' });
    expect(JSON.stringify(loaded)).not.toMatch(/@demo-sales\.example/);
  });

  it('the first version: prepared on the page, published when whoever approves it is named in it (SCORING §14)', async () => {
    const strategy = {
      ...loadExampleStrategy(),
      managers: { userIds: [MANAGER.email], teamIds: [] },
    };
    const pending = pendingOf(await prepare(strategy, null));
    expect(pending).toMatchObject({ targetVersion: 1, basedOnVersion: null, source: 'publish' });
    expect(await versionsOf(portal)).toEqual([]);
    expect(errorOf(await confirmPending(pending))?.code).toBe('not_verified');
    approvePending(portal, REP, pending);
    expect(errorOf(await confirmPending(pending))?.message).toMatch(/must name who publishes it/);
    // The field still shows the rep's value: the manager changes it and sets it again.
    approvePending(portal, MANAGER, pending, 'approve_not_manager');
    approvePending(portal, MANAGER, pending);
    const published = valueOf(await confirmPending(pending));
    expect(published).toMatchObject({
      outcome: 'published',
      version: { version: 1, publishedByLabel: 'Maya Okafor' },
    });
    // The email named the manager: the stored version holds her user id.
    expect(value(await readPublishedStrategy(portal.hs))?.strategy.managers?.userIds).toEqual([
      MANAGER.id,
    ]);
    expect(await versionsOf(portal)).toEqual([1]);
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
    it('the published strategy, its history, its managers by name: the same for everyone', async () => {
      const loaded = valueOf(await loadEditor());
      expect(loaded.current?.summary).toMatchObject({
        version: 1,
        status: 'current',
        strategyName: 'B2B SaaS — FY2026 go-to-market',
        publishedByLabel: 'Maya Okafor',
        source: 'publish',
      });
      // The managers' user ids become refs; the names stand beside them.
      expect(loaded.current?.strategy).toEqual({
        ...StrategySchema.parse(withTeamManagers()),
        managers: { userIds: ['manager:0'], teamIds: ['4810001'] },
      });
      expect(loaded.people.managers).toEqual([{ ref: 'manager:0', name: 'Maya Okafor' }]);
      expect(loaded.history.map((v) => v.version)).toEqual([1]);
    });
  });

  describe('strategy_validate', () => {
    it('the schema’s issues, each at its path, with the portal’s of every readable criterion in one pass', async () => {
      const s = loadExampleStrategy();
      const [first, ...others] = s.segments;
      if (first === undefined) throw new Error('no segment');
      const draft = {
        ...s,
        name: '',
        thresholds: { fit: 40, stretch: 50 },
        segments: [
          { ...first, criteria: [{ property: 'industri', operator: 'HAS_PROPERTY' }] },
          { ...first, name: 'Again' },
          ...others,
        ],
      };
      const answer = valueOf(await validateDraft(draft));
      expect(answer.valid).toBe(false);
      expect(answer.portalChecked).toBe(true);
      expect(answer.issues.map((i) => [i.source, i.code, i.path])).toEqual([
        ['schema', 'too_short', 'name'],
        ['schema', 'stretch_not_below_fit', 'thresholds.stretch'],
        ['schema', 'duplicate_id', 'segments[1].id'],
        ['portal', 'property_unknown', 'segments[0].criteria[0].property'],
      ]);
    });

    it('refuses the issue’s trap criteria with their paths and advice (SCORING §14)', async () => {
      const draft = withTraps(loadExampleStrategy(), ...TRAPS, {
        property: 'amount',
        object: 'deal',
        operator: 'GTE',
        value: 10000,
      });
      const answer = valueOf(await validateDraft(draft));
      expect(answer.valid).toBe(false);
      expect(answer.issues.map((i) => [i.source, i.code, i.path])).toEqual([
        ['schema', 'deal_criterion_in_segment', 'segments[0].criteria[8].object'],
        ['portal', 'property_unreadable', 'segments[0].criteria[5].property'],
        ['portal', 'day_on_datetime', 'segments[0].criteria[6].operator'],
        ['portal', 'property_wrong_object', 'segments[0].criteria[7].property'],
      ]);
      const messages = answer.issues.map((i) => i.message);
      expect(messages[2]).toContain("Use BETWEEN the day's start and end");
      for (const m of [messages[0], messages[3]]) {
        expect(m).toContain('Deal properties belong in the dream-customer test');
        expect(m).not.toContain('Add "object": "deal"');
      }
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
      const whole = valueOf(await simulateDraft(refusingRetail()));
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
      expect(matrix.noCompany.openDeals).toBe(1);
      expect(matrix.openPipeline.openDeals).toBe(4);
      expect(matrix.changed.companies).toBe(1);
      // Which accounts move, and what the portal holds (issue 13), from the same pages.
      const movers = simulationMoversOfPart(whole.part);
      expect([movers.companies.total, movers.deals.total]).toEqual([1, 2]);
      expect(whole.portal).toMatchObject({ companies: 6, deals: 4 });

      // In chunks of one block of 2 records (open deals first, then companies), on the cursor.
      const rt = portal.runtime;
      let merged = emptySimulationPart();
      let portalMerged = emptyPortalPart(compileStrategy(StrategySchema.parse(refusingRetail())));
      let cursor: unknown;
      const chunks: number[] = [];
      do {
        const answer = valueOf(
          StrategySimulateResponse.parse(
            await invokeSimulate(
              rt,
              hubspotContext({
                strategy: refusingRetail(),
                ...(cursor === undefined ? {} : { cursor }),
              }),
              { budgetMs: 0, blocks: { blockSize: 2, listPageSize: 2, searchPageSize: 2 } },
            ),
          ),
        );
        merged = mergeSimulationParts(merged, answer.part);
        portalMerged = mergePortalParts(portalMerged, answer.portal);
        chunks.push(answer.progress.companiesDone);
        cursor = answer.cursor ?? undefined;
      } while (cursor !== undefined);
      expect(chunks).toEqual([0, 0, 2, 4, 6]);
      expect(simulationMatrixOf(merged)).toEqual(matrix);
      expect(simulationMoversOfPart(merged)).toEqual(movers);
      expect(portalMerged).toEqual(whole.portal);
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
      const { sent } = await observeRequests(() => simulateDraft(refusingRetail()));
      const writes = sent.filter(
        (r) => r.method !== 'GET' && !/\/(batch\/read|search)$/.test(r.path.split('?')[0] ?? ''),
      );
      expect(writes).toEqual([]);
      expect(sent.length).toBeGreaterThan(3);
      expect(await readPublishedStrategy(portal.hs)).toEqual(before);
      expect(records.flat().length).toBe(6 + 5);
      expect(await snapshot()).toEqual(records);
    });

    it('an invalid strategy or a stale cursor is refused', async () => {
      const invalid = await simulateDraft({ ...refusingRetail(), segments: [] });
      expect(errorOf(invalid)?.code).toBe('strategy_invalid');
      const stale = {
        phase: 'companies',
        page: '1',
        publishedVersion: 99,
        companiesDone: 0,
        totalCompanies: 6,
      };
      const answer = await simulateDraft(refusingRetail(), stale);
      expect(errorOf(answer)?.code).toBe('invalid_input');
      expect(errorOf(answer)?.message).toMatch(/Simulate again/);
    });
  });

  describe('strategy_publish and strategy_rollback', () => {
    it('refuses the trap criteria at their paths; nothing is prepared, version 1 stays current (SCORING §14)', async () => {
      const traps = withTraps(refusingRetail(), ...TRAPS);
      const refused = valueOf(await prepare(traps, 1));
      expect(refused.outcome === 'invalid' && refused.issues.map((i) => [i.code, i.path])).toEqual([
        ['property_unreadable', 'segments[0].criteria[5].property'],
        ['day_on_datetime', 'segments[0].criteria[6].operator'],
        ['property_wrong_object', 'segments[0].criteria[7].property'],
      ]);
      expect(await versionsOf(portal)).toEqual([1]);
    });

    it('preparing the active version’s strategy again prepares nothing: nothing to publish', async () => {
      const before = await storeRecordsOf(portal);
      const same = await prepare(withTeamManagers(), 1);
      expect(errorOf(same)).toMatchObject({
        code: 'strategy_unchanged',
        message: expect.stringMatching(
          /^Nothing to publish: the strategy is the same as version 1/,
        ),
      });
      expect(await storeRecordsOf(portal)).toEqual(before);
      expect(await versionsOf(portal)).toEqual([1]);
    });

    it('refuses an invalid strategy with every issue; version 1 stays current', async () => {
      const draft = { ...refusingRetail(), name: '', segments: [] };
      const answer = PublishOutcome.parse(valueOf(await prepare(draft, 1)));
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
      const refused = valueOf(await prepare(portalInvalid, 1));
      expect(refused.outcome === 'invalid' && refused.issues[0]).toMatchObject({
        source: 'portal',
        code: 'property_unknown',
        path: 'exclusions[0].criteria[0].property',
      });
      expect(await versionsOf(portal)).toEqual([1]);
    });

    it('a manager approves version 2 in HubSpot: recorded with her name and user id, shown by name', async () => {
      const answer = await publishAs(portal, MANAGER, refusingRetail(), 1);
      expect(answer).toEqual({
        outcome: 'published',
        version: {
          version: 2,
          status: 'current',
          strategyName: 'B2B SaaS — no retail',
          publishedByLabel: 'Maya Okafor',
          publishedAt: expect.any(String),
          source: 'publish',
          rolledBackFrom: null,
        },
      });
      const history = value(await listStrategyVersions(portal.hs));
      expect(history[0]?.publishedBy).toBe('Maya Okafor (user 9100001)');
      const stored = value(await readPublishedStrategy(portal.hs));
      expect(stored?.strategy).toEqual(StrategySchema.parse(refusingRetail()));
    });

    it('a publish based on an older version is refused, naming who published and when', async () => {
      const answer = valueOf(await prepare(withTeamManagers(), 1));
      expect(answer).toMatchObject({
        outcome: 'conflict',
        basedOnVersion: 1,
        current: { version: 2, publishedByLabel: 'Maya Okafor' },
      });
      expect(await versionsOf(portal)).toEqual([2, 1]);
    });

    it('two managers publishing on the same version at once: one wins, the other learns who', async () => {
      const mayas = pendingOf(await prepare({ ...refusingRetail(), name: 'Maya’s' }, 2));
      const lukass = pendingOf(await prepare({ ...refusingRetail(), name: 'Lukas’s' }, 2));
      approvePending(portal, MANAGER, mayas);
      approvePending(portal, LUKAS, lukass);
      const [a, b] = await Promise.all([confirmPending(mayas), confirmPending(lukass)]);
      const outcomes = [valueOf(a), valueOf(b)];
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['conflict', 'published']);
      const winner = outcomes.find((o) => o.outcome === 'published');
      const loser = outcomes.find((o) => o.outcome === 'conflict');
      expect(winner?.outcome === 'published' && winner.version.version).toBe(3);
      expect(loser?.outcome === 'conflict' && loser.current.version).toBe(3);
      expect(await versionsOf(portal)).toEqual([3, 2, 1]);
    });

    it('rollback: version 1 published again as version 4, on a manager’s approval only', async () => {
      expect(valueOf(await prepareRollback(1, 2))).toMatchObject({
        outcome: 'conflict',
        current: { version: 3 },
      });
      const pending = pendingOf(await prepareRollback(1, 3));
      expect(pending).toMatchObject({ targetVersion: 4, source: 'rollback' });
      approvePending(portal, REP, pending);
      expect(errorOf(await confirmPending(pending))?.code).toBe('not_allowed');
      expect(await versionsOf(portal)).toEqual([3, 2, 1]);
      approvePending(portal, MANAGER, pending, 'approve_not_manager');
      approvePending(portal, MANAGER, pending);
      const answer = valueOf(await confirmPending(pending));
      expect(answer).toMatchObject({
        outcome: 'published',
        version: { version: 4, source: 'rollback', rolledBackFrom: 1 },
      });
      const stored = value(await readPublishedStrategy(portal.hs));
      expect(stored?.strategy).toEqual(StrategySchema.parse(withTeamManagers()));
    });

    it('the managers of the currently published version decide: a member of a named team may; without the team, Lukas may not', async () => {
      // Version 4 names Maya and the Enterprise team: Lukas approves a version naming Maya only.
      const pending = pendingOf(await prepare(loadExampleStrategy(), 4));
      approvePending(portal, LUKAS, pending, 'approve');
      expect(errorOf(await confirmPending(pending))?.message).toMatch(/does not name Lukas Berg/);
      approvePending(portal, LUKAS, pending, 'approve_not_manager');
      const v5 = valueOf(await confirmPending(pending));
      expect(v5.outcome === 'published' && v5.version.version).toBe(5);
      // Version 5 names Maya only: Lukas may no longer approve.
      const next = pendingOf(await prepare(withTeamManagers(), 5));
      approvePending(portal, LUKAS, next);
      expect(errorOf(await confirmPending(next))?.code).toBe('not_allowed');
      const rolled = pendingOf(await prepareRollback(4, 5));
      approvePending(portal, MANAGER, rolled);
      const back = valueOf(await confirmPending(rolled));
      expect(back.outcome === 'published' && back.version.version).toBe(6);
    });

    it('rollback to the current version (or one equal to it) prepares nothing; to one that never existed is refused', async () => {
      const before = await storeRecordsOf(portal);
      expect(errorOf(await prepareRollback(6))?.code).toBe('strategy_unchanged');
      // Version 6 is the rollback of version 4: the same strategy.
      expect(errorOf(await prepareRollback(4, 6))).toMatchObject({
        code: 'strategy_unchanged',
        message: expect.stringMatching(
          /^Nothing to publish: the strategy is the same as version 6/,
        ),
      });
      expect(errorOf(await prepareRollback(42))?.code).toBe('record_not_found');
      expect(await storeRecordsOf(portal)).toEqual(before);
      expect(await versionsOf(portal)).toEqual([6, 5, 4, 3, 2, 1]);
      const { history } = valueOf(await loadEditor());
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
    expect(logs.some((l) => l.startsWith('[strategy_publish_confirm] not_allowed: '))).toBe(true);
  });
});
