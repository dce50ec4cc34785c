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
import { exceptionFromProperties } from './exception.ts';
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
      requestedBy: null,
      by: null,
      expiresOn: null,
      seq: 0,
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
      requestedBy: null,
      by: 'anna@example.com',
      expiresOn: '2026-03-01',
      seq: 0,
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
