// Requests and decisions raced against each other at 100–200 ms of HubSpot latency (issue 10: a
// request and a decision sent at the same time left the deal "requested" while the manager was
// told "approved", with the audit line missing). Each transition is recorded as the deal's next
// exception event, a key HubSpot accepts once: of two transitions from the same state one wins, the
// other is refused with what changed, the deal shows the winner and the trail has every event.
import { StrategySchema } from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import {
  exceptionEventsOf,
  loadExampleStrategy,
  readBack,
  setDecision,
  startTestPortal,
  writeReason,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { call, COLLEAGUE, MANAGER, offStrategyDeal, REP } from './support/portal.ts';

const ROUNDS = 3;

let portal: TestPortal;
let restoreEnv: () => void = () => undefined;

beforeAll(async () => {
  portal = await startTestPortal();
  // Two managers, so two decisions can race.
  await portal.publish(
    StrategySchema.parse({
      ...loadExampleStrategy(),
      managers: { userIds: [MANAGER.id, COLLEAGUE.id], teamIds: [] },
    }),
  );
  restoreEnv = useFunctionEnv(portal.env);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnv();
  await portal.close();
});

/** 100 ms on every request, 200 ms on about half of them. */
const slow = (): void => {
  portal.sandbox.control.setLatency(100);
  portal.sandbox.control.setFaults({ seed: 7, rates: { slow: 0.5 }, slowMs: 100 });
};
const fast = (): void => {
  portal.sandbox.control.setLatency(0);
  portal.sandbox.control.setFaults(undefined);
};

const decide = (dealId: string, requestSeq: number, decision: 'approve' | 'reject') =>
  call('decide_exception', { requestSeq, decision }, { hs_object_id: dealId });
const request = (dealId: string) => call('request_exception', {}, { hs_object_id: dealId });

async function requested(): Promise<string> {
  const dealId = await offStrategyDeal(portal);
  writeReason(portal, REP, dealId, 'Strategic logo in a new market');
  expect((await request(dealId)).ok).toBe(true);
  return dealId;
}

/** The trail is complete (1, 2, 3… with no gap) and the deal shows its last event. */
async function consistent(dealId: string): Promise<Record<string, string | null>[]> {
  const events = await exceptionEventsOf(portal, dealId);
  expect(events.map((e) => Number(e['seq']))).toEqual(events.map((_, i) => i + 1));
  const last = events.at(-1);
  const deal = await readBack(portal.hs, 'deals', dealId, [
    'strategy_fit_exception',
    'strategy_fit_exception_seq',
  ]);
  expect(deal).toMatchObject({
    strategy_fit_exception: last?.['kind'] ?? null,
    strategy_fit_exception_seq: last?.['seq'] ?? null,
  });
  return events;
}

describe('at 100–200 ms latency', () => {
  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    'two managers decide the same request at once: one decision, the other told what changed (round %i)',
    async () => {
      const dealId = await requested();
      setDecision(portal, MANAGER, dealId, 'approve');
      slow();
      // Both managers' edits are on record before either confirmation reads them.
      const [first, second] = await Promise.all([
        decide(dealId, 1, 'approve'),
        (async () => {
          setDecision(portal, COLLEAGUE, dealId, 'reject');
          return decide(dealId, 1, 'reject');
        })(),
      ]);
      fast();
      const answers = [first, second];
      const won = answers.filter((a) => a.ok);
      const lost = answers.filter((a) => !a.ok);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.error?.code).toBe('conflict');
      const events = await consistent(dealId);
      expect(events).toHaveLength(2);
      // Maya's confirmation reads the field after Lukas set it: she is told it changed, and by whom.
      expect(lost[0]?.error?.message).toMatch(
        /now says “reject”.*user 9100002|#2 rejected by Lukas Berg/,
      );
      expect((won[0]?.value as { exception: { status: string } }).exception.status).toBe(
        events[1]?.['kind'],
      );
    },
  );

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    'a new request raced against the manager’s approval: the deal is never left “requested” while the manager is told “approved” (round %i)',
    async () => {
      const dealId = await requested();
      setDecision(portal, MANAGER, dealId, 'approve');
      writeReason(portal, REP, dealId, 'Asking again while the manager decides');
      slow();
      const [decision, again] = await Promise.all([decide(dealId, 1, 'approve'), request(dealId)]);
      fast();
      expect(decision.ok, JSON.stringify(decision)).toBe(true);
      expect(again.ok).toBe(false);
      const events = await consistent(dealId);
      expect(events.map((e) => e['kind'])).toEqual(['requested', 'approved']);
    },
  );

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    'a decision on a request that was answered and asked again meanwhile is refused (round %i)',
    async () => {
      const dealId = await requested();
      setDecision(portal, COLLEAGUE, dealId, 'reject');
      expect((await decide(dealId, 1, 'reject')).ok).toBe(true);
      // The manager still sees request #1; the rep asks again (#3) as the manager approves.
      setDecision(portal, MANAGER, dealId, 'approve');
      writeReason(portal, REP, dealId, 'New facts: the board signed a letter of intent');
      slow();
      const [decision, again] = await Promise.all([decide(dealId, 1, 'approve'), request(dealId)]);
      fast();
      expect(again.ok, JSON.stringify(again)).toBe(true);
      expect(decision).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(decision.error?.message).toMatch(
        /#2 rejected by Lukas Berg|#3 requested by Priya Raman/,
      );
      const events = await consistent(dealId);
      expect(events.map((e) => e['kind'])).toEqual(['requested', 'rejected', 'requested']);
    },
  );

  it('two reps ask at once: one request, and every answer names who asked', async () => {
    const dealId = await offStrategyDeal(portal);
    writeReason(portal, REP, dealId, 'Strategic logo in a new market');
    slow();
    const [a, b] = await Promise.all([
      request(dealId),
      (async () => {
        writeReason(portal, COLLEAGUE, dealId, 'A reference customer we need');
        return request(dealId);
      })(),
    ]);
    fast();
    // Both confirmations may read Lukas's reason, written last: then both record the same request
    // (HubSpot's key admits it once) and both answers name Lukas as the one who asked.
    const events = await consistent(dealId);
    expect(events.map((e) => e['kind'])).toEqual(['requested']);
    for (const answer of [a, b].filter((x) => x.ok)) {
      expect(answer.value).toMatchObject({ exception: { requestedBy: events[0]?.['actor_name'] } });
    }
    for (const answer of [a, b].filter((x) => !x.ok)) {
      expect(['conflict', 'exception_not_allowed']).toContain(answer.error?.code);
    }
  });
});
