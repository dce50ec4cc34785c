import { describe, expect, it } from 'vitest';

import { NOW_MS } from '../../../../../../test/support/core/fixtures.ts';
import type { ExceptionEvent } from './exception-event.ts';
import { planDecision, planRequest } from './plan-transition.ts';

const REQUEST: ExceptionEvent = {
  dealId: '77',
  seq: 1,
  kind: 'requested',
  actorUserId: '9100003',
  actorName: 'Priya Raman',
  reason: 'Strategic logo in a new market',
  requesterName: 'Priya Raman',
  expiresOn: null,
  answersSeq: null,
  selfApproved: false,
  editedAtMs: NOW_MS - 60_000,
};
const edit = (value: string, atMs: number, userId = '9100001') => ({ value, atMs, userId });
const offStrategy = { offStrategy: true, retained: false };

const request = (over: Partial<Parameters<typeof planRequest>[0]> = {}) =>
  planRequest({
    dealId: '77',
    latest: null,
    reasonEdit: edit('Strategic logo in a new market', NOW_MS - 1000, '9100003'),
    requesterName: 'Priya Raman',
    deal: offStrategy,
    nowMs: NOW_MS,
    ...over,
  });

const decide = (over: Partial<Parameters<typeof planDecision>[0]> = {}) =>
  planDecision({
    latest: REQUEST,
    seenSeq: 1,
    seenDecision: 'approve',
    decisionEdit: edit('approve', NOW_MS - 500),
    expiresEdit: null,
    deciderName: 'Maya Okafor',
    otherManagers: 1,
    nowMs: NOW_MS,
    ...over,
  });

describe('a request is the reason HubSpot says the rep wrote (SCORING §7)', () => {
  it('records who wrote the reason, as event 1', () => {
    expect(request()).toEqual({ ok: true, value: { ...REQUEST, editedAtMs: NOW_MS - 1000 } });
  });

  it('without a reason written in HubSpot’s UI after the last event, nobody asked', () => {
    expect(request({ reasonEdit: null })).toMatchObject({
      ok: false,
      error: { code: 'not_verified' },
    });
    const rejected: ExceptionEvent = { ...REQUEST, seq: 2, kind: 'rejected', editedAtMs: NOW_MS };
    expect(request({ latest: rejected })).toMatchObject({
      ok: false,
      error: { code: 'not_verified' },
    });
  });

  it('one open request per deal', () => {
    expect(request({ latest: REQUEST })).toMatchObject({
      ok: false,
      error: { code: 'exception_not_allowed' },
    });
  });

  it('a reason of 10 to 1,000 characters', () => {
    expect(request({ reasonEdit: edit('too short', NOW_MS, '9100003') }).ok).toBe(false);
    expect(request({ reasonEdit: edit('x'.repeat(1001), NOW_MS, '9100003') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', path: 'reason' },
    });
    expect(request({ reasonEdit: edit('x'.repeat(1000), NOW_MS, '9100003') }).ok).toBe(true);
  });

  it('only an off-strategy deal needs one', () => {
    expect(request({ deal: { offStrategy: false, retained: false } })).toMatchObject({
      ok: false,
      error: { code: 'exception_not_allowed' },
    });
  });

  it('an existing-business deal kept under policy retain needs none: the request is refused with a message that says why (SCORING §12)', () => {
    const refused = request({ deal: { offStrategy: true, retained: true } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'exception_not_allowed' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /existing business with a customer we keep \(policy “retain”\): it needs no exception/,
    );
  });
});

describe('a decision is the one HubSpot says a manager set, on the request they saw', () => {
  it('approves request 1 as event 2, valid 90 days by default', () => {
    expect(decide()).toMatchObject({
      ok: true,
      value: {
        seq: 2,
        kind: 'approved',
        actorUserId: '9100001',
        actorName: 'Maya Okafor',
        answersSeq: 1,
        expiresOn: '2026-04-15',
        reason: REQUEST.reason,
        selfApproved: false,
      },
    });
  });

  it('a decision on another request than the open one is refused with what changed', () => {
    const newer = { ...REQUEST, seq: 3 };
    expect(decide({ latest: newer })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/#3 requested by Priya Raman/) },
    });
    const decided: ExceptionEvent = {
      ...REQUEST,
      seq: 2,
      kind: 'rejected',
      actorName: 'Lukas Berg',
    };
    expect(decide({ latest: decided })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/#2 rejected by Lukas Berg/) },
    });
  });

  it('a decision set before the request does not answer it', () => {
    expect(decide({ decisionEdit: edit('approve', REQUEST.editedAtMs - 1) })).toMatchObject({
      ok: false,
      error: { code: 'not_verified' },
    });
  });

  it('the expiry counts when the same manager set it after the request, within 365 days', () => {
    expect(decide({ expiresEdit: edit('2026-02-01', NOW_MS - 400) })).toMatchObject({
      ok: true,
      value: { expiresOn: '2026-02-01' },
    });
    expect(decide({ expiresEdit: edit('2026-02-01', NOW_MS - 400, '9100003') })).toMatchObject({
      ok: true,
      value: { expiresOn: '2026-04-15' },
    });
    expect(decide({ expiresEdit: edit('9999-12-31', NOW_MS - 400) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('a manager’s own request goes to another manager; the only manager self-approves, marked', () => {
    const own = { ...REQUEST, actorUserId: '9100001' };
    expect(decide({ latest: own })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(decide({ latest: own, otherManagers: 0 })).toMatchObject({
      ok: true,
      value: { selfApproved: true, kind: 'approved' },
    });
  });

  it('a decision other than the one the card showed (set meanwhile) is refused', () => {
    expect(decide({ decisionEdit: edit('reject', NOW_MS - 500, '9100002') })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/now says “reject”.*user 9100002/),
      },
    });
  });

  it('a rejection carries no expiry', () => {
    expect(
      decide({ seenDecision: 'reject', decisionEdit: edit('reject', NOW_MS - 500) }),
    ).toMatchObject({
      ok: true,
      value: { kind: 'rejected', expiresOn: null },
    });
  });
});
