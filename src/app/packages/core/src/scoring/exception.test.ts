import { describe, expect, it } from 'vitest';

import {
  company,
  DAY_MS,
  deal,
  NOW_MS,
  segment,
  strategyOf,
} from '../../../../../../test/support/core/fixtures.ts';
import { isStrategyManager } from '../strategy/managers.ts';
import { compileStrategy } from './compile-strategy.ts';
import { scoreCompany } from './score-company.ts';
import {
  EXCEPTION_VALIDITY_DAYS,
  exceptionDecisionProperties,
  exceptionFromProperties,
  exceptionRequestProperties,
} from './exception.ts';
import { scoreDeal } from './score-deal.ts';

const TODAY = new Date(NOW_MS).toISOString().slice(0, 10);
const approved = (expires: string | null) => ({
  strategy_fit_exception: 'approved',
  strategy_fit_exception_note: 'Strategic logo for the DACH launch',
  strategy_fit_exception_by: 'anna@example.com',
  strategy_fit_exception_expires: expires,
});

describe('SCORING §7 exceptions', () => {
  it('no exception properties: status none', () => {
    expect(exceptionFromProperties({}, NOW_MS)).toEqual({
      status: 'none',
      active: false,
      expired: false,
      note: null,
      by: null,
      expiresOn: null,
    });
  });

  it("requested, approved and rejected are read from the deal's strategy_fit_exception properties", () => {
    expect(
      exceptionFromProperties(
        { strategy_fit_exception: 'requested', strategy_fit_exception_note: ' Big logo ' },
        NOW_MS,
      ),
    ).toMatchObject({
      status: 'requested',
      active: false,
      note: 'Big logo',
    });
    expect(exceptionFromProperties(approved('2026-03-01'), NOW_MS)).toEqual({
      status: 'approved',
      active: true,
      expired: false,
      note: 'Strategic logo for the DACH launch',
      by: 'anna@example.com',
      expiresOn: '2026-03-01',
    });
    expect(exceptionFromProperties({ strategy_fit_exception: 'REJECTED' }, NOW_MS).status).toBe(
      'rejected',
    );
    expect(exceptionFromProperties({ strategy_fit_exception: 'maybe' }, NOW_MS).status).toBe(
      'none',
    );
  });

  it('an approval is valid through its expiry day (UTC)', () => {
    expect(exceptionFromProperties(approved(TODAY), NOW_MS).active).toBe(true);
    expect(
      exceptionFromProperties(approved(String(Date.parse(`${TODAY}T00:00:00Z`))), NOW_MS).active,
    ).toBe(true);
  });

  it('an expired approval counts as unapproved again', () => {
    const yesterday = new Date(NOW_MS - DAY_MS).toISOString().slice(0, 10);
    expect(exceptionFromProperties(approved(yesterday), NOW_MS)).toMatchObject({
      status: 'approved',
      active: false,
      expired: true,
    });
  });

  it('an approval without a readable expiry date does not count as approved', () => {
    expect(exceptionFromProperties(approved(null), NOW_MS)).toMatchObject({
      active: false,
      expired: false,
    });
    expect(exceptionFromProperties(approved('soon'), NOW_MS)).toMatchObject({
      active: false,
      expiresOn: null,
    });
  });

  it('an approved, unexpired exception does not change the tier', () => {
    const compiled = compileStrategy(
      strategyOf([segment('s', [{ property: 'country', operator: 'EQ', value: 'Germany' }])]),
    );
    const facts = company({ country: 'France' });
    const score = (props: Record<string, string | null>) =>
      scoreDeal(compiled, {
        deal: deal(props),
        company: { facts, score: scoreCompany(compiled, facts) },
        lineItems: [],
        nowMs: NOW_MS,
      });
    const plain = score({});
    const excepted = score(approved('2026-12-31'));
    expect([plain.tier, plain.offStrategy]).toEqual(['off_strategy', true]);
    expect([excepted.tier, excepted.offStrategy, excepted.exception.active]).toEqual([
      'off_strategy',
      true,
      true,
    ]);
  });

  it('a rep may request an exception for an off-strategy deal with a written reason of at least 10 characters', () => {
    const none = exceptionFromProperties({}, NOW_MS);
    expect(
      exceptionRequestProperties({ offStrategy: true, exception: none }, '  Strategic logo  '),
    ).toEqual({
      ok: true,
      value: {
        strategy_fit_exception: 'requested',
        strategy_fit_exception_note: 'Strategic logo',
        strategy_fit_exception_by: '',
        strategy_fit_exception_expires: '',
      },
    });
    expect(exceptionRequestProperties({ offStrategy: true, exception: none }, 'too short'))
      .toMatchInlineSnapshot(`
      {
        "error": {
          "code": "invalid_input",
          "message": "Explain why this deal deserves an exception, in at least 10 characters.",
          "path": "note",
        },
        "ok": false,
      }
    `);
    expect(
      exceptionRequestProperties({ offStrategy: false, exception: none }, 'A long enough reason'),
    ).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "exception_not_allowed",
          "message": "Only an off-strategy deal needs an exception.",
        },
        "ok": false,
      }
    `);
    const active = exceptionFromProperties(approved('2026-12-31'), NOW_MS);
    expect(
      exceptionRequestProperties({ offStrategy: true, exception: active }, 'A long enough reason')
        .ok,
    ).toBe(false);
  });

  it('a manager approves with the approver and an expiry date (default 90 days), or rejects', () => {
    const requested = exceptionFromProperties({ strategy_fit_exception: 'requested' }, NOW_MS);
    expect(EXCEPTION_VALIDITY_DAYS).toBe(90);
    expect(
      exceptionDecisionProperties({
        exception: requested,
        decision: 'approved',
        by: '12345',
        nowMs: NOW_MS,
      }),
    ).toEqual({
      ok: true,
      value: {
        strategy_fit_exception: 'approved',
        strategy_fit_exception_by: '12345',
        strategy_fit_exception_expires: '2026-04-15',
      },
    });
    expect(
      exceptionDecisionProperties({
        exception: requested,
        decision: 'approved',
        by: '12345',
        nowMs: NOW_MS,
        validityDays: 30,
      }),
    ).toMatchObject({ ok: true, value: { strategy_fit_exception_expires: '2026-02-14' } });
    expect(
      exceptionDecisionProperties({
        exception: requested,
        decision: 'rejected',
        by: '12345',
        nowMs: NOW_MS,
      }),
    ).toEqual({
      ok: true,
      value: {
        strategy_fit_exception: 'rejected',
        strategy_fit_exception_by: '12345',
        strategy_fit_exception_expires: '',
      },
    });
    const none = exceptionFromProperties({}, NOW_MS);
    expect(
      exceptionDecisionProperties({
        exception: none,
        decision: 'approved',
        by: '1',
        nowMs: NOW_MS,
      }),
    ).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "exception_not_allowed",
          "message": "There is no open exception request on this deal.",
        },
        "ok": false,
      }
    `);
    expect(
      exceptionDecisionProperties({
        exception: requested,
        decision: 'approved',
        by: ' ',
        nowMs: NOW_MS,
      }).ok,
    ).toBe(false);
  });

  it("managers are the strategy's userIds and the members of its teamIds", () => {
    const s = strategyOf([segment('s', [{ property: 'country', operator: 'HAS_PROPERTY' }])], {
      managers: { userIds: ['1'], teamIds: ['77'] },
    });
    expect(isStrategyManager(s, { userId: '1', teamIds: [] })).toBe(true);
    expect(isStrategyManager(s, { userId: '2', teamIds: ['77'] })).toBe(true);
    expect(isStrategyManager(s, { userId: '2', teamIds: ['78'] })).toBe(false);
    expect(isStrategyManager({ managers: undefined }, { userId: '1', teamIds: [] })).toBe(false);
  });
});
