// The open pending versions the settings page shows again after a reload: pending (not consumed),
// based on the current version, written by the app alone; newest first, at most `limit`, each
// with the history a confirmation checks. Against the sandbox through the real client.
import { approvalOf } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';
import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HubSpot } from './create-client.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import { connect, startTestSandbox, value } from '../../../../../test/support/hubspot/sandbox.ts';
import { oneSegmentStrategy } from '../../../../../test/support/hubspot/one-segment-strategy.ts';
import { ensureStrategyStore } from './strategy-store/ensure-strategy-store.ts';
import { listOpenPendingVersions } from './strategy-store/open-pending-versions.ts';
import {
  consumePendingVersion,
  preparePendingVersion,
  readPendingVersion,
} from './strategy-store/pending-versions.ts';
import { publishStrategy } from './strategy-store/publish-strategy.ts';
import { readPublishedStrategy } from './strategy-store/read-strategies.ts';
import { APPROVAL_PROPERTY, STORE_OBJECT } from './strategy-store/store-schema.ts';

const strategy = (name: string): Strategy =>
  oneSegmentStrategy(name, 'industry', { managers: { userIds: ['9100001'], teamIds: [] } });

let sandbox: RunningSandbox;
let hs: HubSpot;
let objectTypeId: string;

const prepare = async (name: string, basedOnVersion: number | null, nowMs: number) =>
  value(
    await preparePendingVersion(
      hs,
      strategy(name),
      { basedOnVersion, source: 'publish', nowMs },
      value(await readPublishedStrategy(hs)),
    ),
  ).recordId;
const open = async (limit = 5) => value(await listOpenPendingVersions(hs, limit));
const openIds = async (limit = 5) => (await open(limit)).pending.map((p) => p.recordId);

beforeAll(async () => {
  sandbox = await startTestSandbox({
    seed: { seed: 3, companies: 2, deals: 0, asOf: '2026-11-01' },
  });
  hs = connect(sandbox).hs;
  value(await ensureFitProperties(hs));
  value(await ensureStrategyStore(hs));
  const pending = await prepare('probe', null, 1);
  objectTypeId = value(await readPendingVersion(hs, pending)).store.objectTypeId;
  // The probe is consumed (as if published), so it is open no more.
  value(await consumePendingVersion(hs, value(await readPendingVersion(hs, pending)), 99));
});
afterAll(() => sandbox.close());

describe('listOpenPendingVersions', () => {
  it('before version 1: the pending first versions, newest first, with their history; consumed ones left out', async () => {
    expect(await open()).toEqual({ current: 0, pending: [] });
    const older = await prepare('First A', null, Date.parse('2026-12-01T10:00:00Z'));
    const newer = await prepare('First B', null, Date.parse('2026-12-01T11:00:00Z'));
    const listed = await open();
    expect(listed.current).toBe(0);
    expect(listed.pending.map((p) => p.recordId)).toEqual([newer, older]);
    expect(listed.pending[0]?.properties['strategy_name']).toBe('First B');
    expect(listed.pending[0]?.store.objectTypeId).toBe(objectTypeId);
    // The history of every property: the app's writes, and no approval yet.
    expect(listed.pending[0]?.history['status']?.[0]?.sourceType).toBe('INTEGRATION');
    expect(await openIds(1)).toEqual([newer]);
  });

  it('a manager’s approval in HubSpot’s UI is in the history; a record changed by hand is left out', async () => {
    const [newer, older] = await openIds();
    if (newer === undefined || older === undefined) throw new Error('two pending versions');
    sandbox.control.editAsUser({
      objectType: STORE_OBJECT.name,
      id: newer,
      userId: '9100001',
      properties: { [APPROVAL_PROPERTY]: 'approve' },
    });
    const approved = (await open()).pending.find((p) => p.recordId === newer);
    if (approved === undefined) throw new Error('the approved version is still open');
    const { [APPROVAL_PROPERTY]: approval = [], ...made } = approved.history;
    expect(approvalOf(made, approval)).toMatchObject({ userId: '9100001', value: 'approve' });
    sandbox.control.editAsUser({
      objectType: STORE_OBJECT.name,
      id: older,
      userId: '9100003',
      properties: { strategy_name: 'Edited by hand' },
    });
    expect(await openIds()).toEqual([newer]);
  });

  it('once a version is published, only versions based on it are open', async () => {
    const [before] = await openIds();
    value(await publishStrategy(hs, strategy('Version 1'), { publishedBy: 'cli', nowMs: 5 }));
    expect(await open()).toEqual({ current: 1, pending: [] });
    const onOne = await prepare('Version 2', 1, Date.parse('2026-12-02T09:00:00Z'));
    expect(await openIds()).toEqual([onOne]);
    expect(before).toBeDefined();
  });
});
