import { describe, expect, it } from 'vitest';

import { COMPANIES, dealValue } from '../../../../test/support/cards/score-values.ts';
import { exceptionView } from './exception.ts';

const offStrategyDeal = (exception: Record<string, string>, viewerIsManager = false) => {
  const value = dealValue({ amount: '20000', ...exception }, COMPANIES.offStrategy, {
    viewerIsManager,
  });
  return exceptionView(value.deal, value.viewerIsManager);
};

describe('exceptionView (SCORING §7)', () => {
  it('an on-strategy deal without an exception shows nothing', () => {
    const value = dealValue({ amount: '60000' }, COMPANIES.dream);
    expect(exceptionView(value.deal, false)).toBeNull();
  });

  it('an off-strategy deal without an exception may request one', () => {
    expect(offStrategyDeal({})).toEqual({
      status: 'none',
      label: 'No exception',
      variant: 'default',
      text: 'If this deal deserves an exception, explain why; a strategy manager decides.',
      note: null,
      canRequest: true,
      canDecide: false,
    });
  });

  it('a requested exception waits for a manager; only a manager may decide it', () => {
    const requested = {
      strategy_fit_exception: 'requested',
      strategy_fit_exception_note: 'Strategic logo for the region',
    };
    expect(offStrategyDeal(requested)).toMatchObject({
      status: 'requested',
      label: 'Exception requested',
      note: 'Strategic logo for the region',
      canRequest: false,
      canDecide: false,
    });
    expect(offStrategyDeal(requested, true)?.canDecide).toBe(true);
  });

  it('an approved exception is valid through its expiry day', () => {
    expect(
      offStrategyDeal({
        strategy_fit_exception: 'approved',
        strategy_fit_exception_by: 'manager@example.com',
        strategy_fit_exception_expires: '2026-04-15',
      }),
    ).toMatchObject({
      status: 'approved',
      label: 'Approved until 2026-04-15',
      variant: 'success',
      text: 'Approved by manager@example.com: this deal counts as an approved exception through 2026-04-15.',
      canRequest: false,
      canDecide: false,
    });
  });

  it('an expired approval counts as unapproved again and may be requested anew', () => {
    expect(
      offStrategyDeal({
        strategy_fit_exception: 'approved',
        strategy_fit_exception_expires: '2026-01-14',
      }),
    ).toMatchObject({ status: 'expired', label: 'Expired (2026-01-14)', canRequest: true });
  });

  it('a rejected exception may be requested anew', () => {
    expect(
      offStrategyDeal({ strategy_fit_exception: 'rejected', strategy_fit_exception_by: '9100001' }),
    ).toMatchObject({
      status: 'rejected',
      text: 'Rejected by 9100001. The deal counts as unapproved off-strategy pipeline.',
      canRequest: true,
    });
  });
});
