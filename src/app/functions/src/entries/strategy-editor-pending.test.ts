// A version prepared on the settings page survives a reload: `strategy_editor_load` answers the
// open pending versions (based on the current version, written by the app alone, newest first),
// with whether HubSpot recorded an approval and by whom (a name), and the page confirms one with
// the pendingId from the load. main(context) against a sandbox through the real client.
import {
  StrategyEditorLoadResponse,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
} from '@strategy-fit/core';
import type { StrategyInput } from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { useFunctionEnv } from '../../../../../test/support/functions/hubspot-env.ts';
import { approvePending } from '../../../../../test/support/functions/invoke-editor.ts';
import {
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  REP,
  startTestPortal,
} from '../../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../../test/support/functions/test-portal.ts';
import { main as load } from './strategy-editor-load.ts';
import { main as confirm } from './strategy-publish-confirm.ts';
import { main as publish } from './strategy-publish.ts';

const valueOf = <T>(answer: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!answer.ok) throw new Error(`expected ok, got ${JSON.stringify(answer.error)}`);
  return answer.value;
};
const loadEditor = async () =>
  valueOf(StrategyEditorLoadResponse.parse(await load(hubspotContext({}))));
const prepare = async (strategy: unknown, basedOnVersion: number | null) => {
  const outcome = valueOf(
    StrategyPublishResponse.parse(await publish(hubspotContext({ strategy, basedOnVersion }))),
  );
  if (outcome.outcome !== 'awaiting_approval') throw new Error(`not prepared: ${outcome.outcome}`);
  return outcome.pending;
};
const confirmId = async (pendingId: string) =>
  StrategyPublishConfirmResponse.parse(await confirm(hubspotContext({ pendingId })));

const firstVersion = (): StrategyInput => ({
  ...loadExampleStrategy(),
  managers: { userIds: [MANAGER.email], teamIds: [] },
});
const renamed = (name: string) => ({
  ...loadExampleStrategy(),
  name,
  managers: { userIds: ['manager:0'], teamIds: [] },
});

describe('strategy_editor_load answers the versions waiting for approval', () => {
  let portal: TestPortal;
  let restoreEnv: () => void = () => {};
  beforeAll(async () => {
    portal = await startTestPortal({ publish: false });
    restoreEnv = useFunctionEnv(portal.env);
  });
  afterAll(async () => {
    restoreEnv();
    await portal.close();
  });

  it('a first version prepared, the page reloaded: it is there, approved in HubSpot, confirmed with the load’s pendingId', async () => {
    expect((await loadEditor()).pending).toEqual([]);
    const prepared = await prepare(firstVersion(), null);
    // The page reloads (a manager followed the link in the same tab): the load has it.
    const reloaded = await loadEditor();
    expect(reloaded.current).toBeNull();
    expect(reloaded.pending).toEqual([
      {
        pending: prepared,
        strategyName: 'B2B SaaS — FY2026 go-to-market',
        preparedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        rolledBackFrom: null,
        changeCount: null,
        approval: { set: false, byName: null },
      },
    ]);
    approvePending(portal, MANAGER, prepared);
    const approved = await loadEditor();
    expect(approved.pending[0]?.approval).toEqual({ set: true, byName: 'Maya Okafor' });
    // Names only: neither her user id nor an email (the stored strategy holds her id).
    expect(JSON.stringify(approved.pending)).not.toMatch(/9100001|@demo-sales\.example/);
    const pendingId = approved.pending[0]?.pending.recordId ?? '';
    expect(valueOf(await confirmId(pendingId))).toMatchObject({
      outcome: 'published',
      version: { version: 1, publishedByLabel: 'Maya Okafor' },
    });
    const after = await loadEditor();
    expect(after.current?.summary.version).toBe(1);
    expect(after.pending).toEqual([]);
  });

  it('newest first, with what changes; one based on an older version, or changed by hand, is left out', async () => {
    const older = await prepare(renamed('FY2026 — older draft'), 1);
    const newer = await prepare(renamed('FY2026 — newer draft'), 1);
    const loaded = await loadEditor();
    expect(loaded.pending.map((p) => [p.pending.recordId, p.strategyName, p.changeCount])).toEqual([
      [newer.recordId, 'FY2026 — newer draft', 1],
      [older.recordId, 'FY2026 — older draft', 1],
    ]);
    expect(loaded.pending[0]?.pending).toEqual({ ...newer, targetVersion: 2, basedOnVersion: 1 });
    // A rep edits the older one on its record page: the confirmation would refuse it, so the
    // load leaves it out.
    portal.editAs(REP, older.objectTypeId, older.recordId, { strategy_name: 'Mine now' });
    expect((await loadEditor()).pending.map((p) => p.pending.recordId)).toEqual([newer.recordId]);
    // Version 2 is published from another pending version: `newer` is based on version 1 now.
    const third = await prepare(renamed('FY2026 — third draft'), 1);
    approvePending(portal, MANAGER, third);
    expect(valueOf(await confirmId(third.recordId))).toMatchObject({ outcome: 'published' });
    expect((await loadEditor()).pending).toEqual([]);
  });
});
