// Publishing, rolling back and setting up, played as a rep who knows every id and email: a version
// is published only when HubSpot says a manager of the published version approved it (an edit of
// “Approval” on the prepared record in HubSpot's UI), so every attempt by the rep is refused and
// the published strategy stays as it was. The manager's publish and rollback still work, and before
// the first version the user who approves it must be named in it (SCORING §14).
import { SetupStep, StrategySchema } from '@strategy-fit/core';
import type { PendingVersion, Strategy, StrategyFitSetupValue } from '@strategy-fit/core';
import { listStrategyVersions, readPortalDefinitions, STORE_OBJECT } from '@strategy-fit/hubspot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { approvePending } from '../support/functions/invoke-editor.ts';
import { loadExampleStrategy, startTestPortal } from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { entryNames, secondVersion } from '../reliability/support/function-table.ts';
import { call, COLLEAGUE, EVERY_ID_AND_EMAIL, MANAGER, REP, snapshot } from './support/portal.ts';

let portal: TestPortal;
let restoreEnv: () => void = () => undefined;

beforeAll(async () => {
  portal = await startTestPortal();
  await portal.publish(secondVersion()); // version 2: there is an earlier version to roll back to
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

const versions = async (): Promise<number[]> => {
  const listed = await listStrategyVersions(portal.hs);
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((v) => v.version);
};

const naming = (userIds: string[]): Strategy =>
  StrategySchema.parse({ ...loadExampleStrategy(), managers: { userIds, teamIds: [] } });

/** Prepares `strategy` on the settings page (anyone may); answers the prepared version. */
async function prepare(strategy: unknown, basedOnVersion: number | null): Promise<PendingVersion> {
  const answer = await call('strategy_publish', { strategy, basedOnVersion });
  expect(answer, JSON.stringify(answer)).toMatchObject({
    ok: true,
    value: { outcome: 'awaiting_approval' },
  });
  return (answer.value as { pending: PendingVersion }).pending;
}

/** The confirmation is refused with `code`, and no version is published. */
async function confirmRefused(pendingId: string, code: string): Promise<string> {
  const before = await snapshot(portal);
  const answer = await call('strategy_publish_confirm', { pendingId });
  expect(answer.ok, JSON.stringify(answer)).toBe(false);
  expect(answer.error?.code).toBe(code);
  expect(await snapshot(portal)).toEqual(before);
  return answer.error?.message ?? '';
}

describe('a rep cannot publish', () => {
  it('with the manager’s id and email as parameters', async () => {
    const current = Math.max(...(await versions()));
    const before = await snapshot(portal);
    for (const parameters of [
      {
        user: { id: MANAGER.id, email: MANAGER.email, teamIds: [] },
        strategy: naming([REP.id]),
        basedOnVersion: current,
      },
      { strategy: naming([REP.id]), basedOnVersion: current, publishedBy: MANAGER.id },
      { pendingId: '1', approvedBy: MANAGER.id },
    ]) {
      for (const name of ['strategy_publish', 'strategy_publish_confirm']) {
        const answer = await call(name, parameters);
        expect(answer.error?.code, `${name} ${JSON.stringify(parameters)}`).toBe('invalid_input');
      }
    }
    expect(await snapshot(portal)).toEqual(before);
  });

  it('a version naming herself the only manager: prepared, but nobody approved it', async () => {
    const current = Math.max(...(await versions()));
    const pending = await prepare(naming([REP.id]), current);
    await confirmRefused(pending.recordId, 'not_verified');
    expect(Math.max(...(await versions()))).toBe(current);
  });

  it('a version naming herself, approved by herself in HubSpot: she is not a manager', async () => {
    const current = Math.max(...(await versions()));
    const pending = await prepare(naming([REP.id]), current);
    approvePending(portal, REP, pending, 'approve');
    const message = await confirmRefused(pending.recordId, 'not_allowed');
    expect(message).toMatch(/Only the strategy's managers can publish/);
    approvePending(portal, REP, pending, 'approve_not_manager');
    await confirmRefused(pending.recordId, 'not_allowed');
  });

  it('by changing a version a manager approved: the approval no longer counts', async () => {
    const current = Math.max(...(await versions()));
    const pending = await prepare(loadExampleStrategy(), current);
    approvePending(portal, MANAGER, pending);
    portal.editAs(REP, pending.objectTypeId, pending.recordId, {
      strategy_json: JSON.stringify(naming([REP.id])),
    });
    const message = await confirmRefused(pending.recordId, 'not_allowed');
    expect(message).toMatch(/changed outside Strategy Fit .*user 9100003/);
  });

  it('by creating a “published” version record by hand in HubSpot: it is not used', async () => {
    const current = Math.max(...(await versions()));
    const before = await call('score_record', { objectType: 'company' }, { hs_object_id: '1001' });
    const forged = await fetch(`${portal.sandbox.baseUrl}/crm/v3/objects/${STORE_OBJECT.name}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${portal.sandbox.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        properties: { status: 'pending', version: '-1', strategy_json: '{}' },
      }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    // The record exists (as an app could make it); the rep turns it into a version in HubSpot's UI.
    portal.editAs(REP, STORE_OBJECT.name, forged.id, {
      status: 'published',
      version: String(current + 1),
      strategy_json: JSON.stringify(naming([REP.id])),
    });
    const scored = await call('score_record', { objectType: 'company' }, { hs_object_id: '1001' });
    expect(scored).toMatchObject({ ok: false, error: { code: 'strategy_invalid' } });
    expect(scored.error?.message).toMatch(/not written by Strategy Fit.*user 9100003/);
    expect(before.ok || before.error?.code === 'record_not_found').toBe(true);
    // The admin removes the record (HubSpot's UI, or the API with the token); all is as before.
    await fetch(`${portal.sandbox.baseUrl}/crm/v3/objects/${STORE_OBJECT.name}/${forged.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${portal.sandbox.token}` },
    });
    expect((await call('strategy_editor_load', {})).ok).toBe(true);
  });
});

describe('a rep cannot roll back', () => {
  it('a rollback she prepares is published only on a manager’s approval', async () => {
    const current = Math.max(...(await versions()));
    const answer = await call('strategy_rollback', { version: 1, basedOnVersion: current });
    expect(answer).toMatchObject({ ok: true, value: { outcome: 'awaiting_approval' } });
    const pending = (answer.value as { pending: PendingVersion }).pending;
    approvePending(portal, REP, pending);
    await confirmRefused(pending.recordId, 'not_allowed');
    const claim = await call('strategy_rollback', {
      version: 1,
      basedOnVersion: current,
      user: { id: MANAGER.id, email: MANAGER.email, teamIds: [] },
    });
    expect(claim.error?.code).toBe('invalid_input');
  });
});

describe('a rep cannot set up or administer the portal', () => {
  it('no function takes a setup, token or admin parameter', async () => {
    const before = await snapshot(portal);
    for (const name of entryNames()) {
      for (const parameters of [{ setup: true }, { admin: true }, { token: 'x' }]) {
        const answer = await call(name, parameters, { hs_object_id: '1001' });
        expect(answer.error?.code, `${name} ${JSON.stringify(parameters)}`).toBe('invalid_input');
      }
    }
    expect(await snapshot(portal)).toEqual(before);
  });

  it('setup from the settings page, from any step a rep names, changes nothing on a set-up portal', async () => {
    // Anyone who opens the settings page may run setup (docs/security.md): it only creates Strategy
    // Fit's own missing parts. On a portal that is set up, a rep's calls find everything and change
    // no record, no strategy, no event and no property definition.
    const before = await snapshot(portal);
    const definitions = await readPortalDefinitions(portal.hs);
    for (const from of [undefined, ...SetupStep.options]) {
      const answer = await call('strategy_fit_setup', from === undefined ? {} : { from });
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      const { done } = answer.value as StrategyFitSetupValue;
      const found = done.flatMap((d) => d.changes);
      expect(found.length, 'setup looked at what it would create').toBeGreaterThan(0);
      const changed = found.filter((c) => c.status !== 'unchanged');
      expect(changed, `from ${from ?? 'the start'}`).toEqual([]);
    }
    expect(await readPortalDefinitions(portal.hs)).toEqual(definitions);
    expect(await snapshot(portal)).toEqual(before);
  });
});

describe('the legitimate paths', () => {
  it('a manager publishes: prepare, approve in HubSpot, confirm; once', async () => {
    const current = Math.max(...(await versions()));
    const strategy = { ...loadExampleStrategy(), name: 'Manager’s next version' };
    const pending = await prepare(strategy, current);
    approvePending(portal, MANAGER, pending);
    const published = await call('strategy_publish_confirm', { pendingId: pending.recordId });
    expect(published).toMatchObject({
      ok: true,
      value: {
        outcome: 'published',
        version: { version: current + 1, publishedByLabel: MANAGER.name },
      },
    });
    expect(JSON.stringify(published)).not.toMatch(new RegExp(EVERY_ID_AND_EMAIL.join('|')));
    await confirmRefused(pending.recordId, 'conflict');
  });

  it('a version that does not name its publisher needs the explicit approval', async () => {
    const current = Math.max(...(await versions()));
    const pending = await prepare(
      { ...naming([COLLEAGUE.email]), name: 'Handing over to Lukas' },
      current,
    );
    approvePending(portal, MANAGER, pending, 'approve');
    const message = await confirmRefused(pending.recordId, 'not_allowed');
    expect(message).toMatch(/does not name Maya Okafor as a manager/);
    approvePending(portal, MANAGER, pending, 'approve_not_manager');
    const published = await call('strategy_publish_confirm', { pendingId: pending.recordId });
    expect(published).toMatchObject({ ok: true, value: { outcome: 'published' } });
    // Now Lukas is the manager: he rolls back to the example (which names Maya again).
    const answer = await call('strategy_rollback', { version: 1, basedOnVersion: current + 1 });
    const rollback = (answer.value as { pending: PendingVersion }).pending;
    approvePending(portal, MANAGER, rollback);
    await confirmRefused(rollback.recordId, 'not_allowed');
    approvePending(portal, COLLEAGUE, rollback, 'approve_not_manager');
    expect(await call('strategy_publish_confirm', { pendingId: rollback.recordId })).toMatchObject({
      ok: true,
      value: { outcome: 'published', version: { source: 'rollback', rolledBackFrom: 1 } },
    });
  });

  it('a version must name at least one manager', async () => {
    const current = Math.max(...(await versions()));
    const answer = await call('strategy_publish', {
      strategy: { ...loadExampleStrategy(), managers: { userIds: [], teamIds: [] } },
      basedOnVersion: current,
    });
    expect(answer).toMatchObject({
      ok: true,
      value: { outcome: 'invalid', issues: [expect.objectContaining({ path: 'managers' })] },
    });
  });
});

describe('the first version', () => {
  it('may be published by whoever approves it, if it names them; never in another’s name', async () => {
    const fresh = await startTestPortal({ publish: false });
    const undo = useFunctionEnv(fresh.env);
    try {
      const answer = await call('strategy_publish', {
        strategy: naming([MANAGER.email]),
        basedOnVersion: null,
      });
      const pending = (answer.value as { pending: PendingVersion }).pending;
      approvePending(fresh, REP, pending);
      const refused = await call('strategy_publish_confirm', { pendingId: pending.recordId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
      expect(refused.error?.message).toMatch(/must name who publishes it/);
      // The field still shows the rep's “approve”: HubSpot records no version for an unchanged
      // value, so the manager changes it and sets it again (the card says so).
      approvePending(fresh, MANAGER, pending, 'approve_not_manager');
      approvePending(fresh, MANAGER, pending);
      const published = await call('strategy_publish_confirm', { pendingId: pending.recordId });
      expect(published, JSON.stringify(published)).toMatchObject({
        ok: true,
        value: { outcome: 'published', version: { version: 1, publishedByLabel: MANAGER.name } },
      });
    } finally {
      undo();
      await fresh.close();
    }
  });
});
