import { describe, expect, it } from 'vitest';

import { COMPANIES, dealValue } from '../../../../test/support/cards/score-values.ts';
import { exceptionView, whoDecides } from './exception.ts';

const offStrategyDeal = (exception: Record<string, string>) => {
  const value = dealValue({ amount: '20000', ...exception }, COMPANIES.offStrategy);
  return exceptionView(value.deal);
};

describe('exceptionView (SCORING §7)', () => {
  it('an on-strategy deal without an exception shows nothing', () => {
    const value = dealValue({ amount: '60000' }, COMPANIES.dream);
    expect(exceptionView(value.deal)).toBeNull();
  });

  it('an off-strategy deal without an exception may request one', () => {
    expect(offStrategyDeal({})).toEqual({
      status: 'none',
      label: 'No exception',
      variant: 'default',
      text: 'If this deal deserves an exception, explain why; a strategy manager decides.',
      note: null,
      requestedBy: null,
      seq: 0,
      canRequest: true,
      canDecide: false,
    });
  });

  it('a requested exception waits for a manager: the card offers the decision to whoever looks (the function checks who set it)', () => {
    const requested = {
      strategy_fit_exception: 'requested',
      strategy_fit_exception_note: 'Strategic logo for the region',
      strategy_fit_exception_requested_by: 'Priya Raman',
      strategy_fit_exception_seq: '3',
    };
    expect(offStrategyDeal(requested)).toMatchObject({
      status: 'requested',
      label: 'Exception requested',
      note: 'Strategic logo for the region',
      requestedBy: 'Priya Raman',
      seq: 3,
      canRequest: false,
      canDecide: true,
    });
  });

  it('an existing customer kept under the retain policy needs no exception: nothing to ask (SCORING §12)', () => {
    const value = dealValue(
      { amount: '20000', dealtype: 'existingbusiness' },
      COMPANIES.offStrategy,
    );
    expect(value.deal.retained).toBe(true);
    expect(exceptionView(value.deal)).toBeNull();
  });

  it('a retained deal with an earlier exception shows it, and offers no new request', () => {
    const value = dealValue(
      {
        amount: '20000',
        dealtype: 'existingbusiness',
        strategy_fit_exception: 'rejected',
        strategy_fit_exception_by: 'Maya Okafor',
      },
      COMPANIES.offStrategy,
    );
    expect(exceptionView(value.deal)).toMatchObject({ status: 'rejected', canRequest: false });
  });

  it('whom a rep asks: the managers by name', () => {
    expect(whoDecides(['Maya Okafor'])).toBe('Maya Okafor decides.');
    expect(whoDecides(['Lukas Berg', 'Maya Okafor', 'Aiko Tanaka'])).toBe(
      'Lukas Berg, Maya Okafor or Aiko Tanaka decide.',
    );
    expect(whoDecides([])).toBe('The strategy names no manager who could decide yet.');
  });

  it('an approved exception is valid through its expiry day', () => {
    expect(
      offStrategyDeal({
        strategy_fit_exception: 'approved',
        strategy_fit_exception_by: 'Maya Okafor',
        strategy_fit_exception_expires: '2026-04-15',
      }),
    ).toMatchObject({
      status: 'approved',
      label: 'Approved until 2026-04-15',
      variant: 'success',
      text: 'Approved by Maya Okafor: this deal counts as an approved exception through 2026-04-15.',
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
      offStrategyDeal({
        strategy_fit_exception: 'rejected',
        strategy_fit_exception_by: 'Maya Okafor',
      }),
    ).toMatchObject({
      status: 'rejected',
      text: 'Rejected by Maya Okafor. The deal counts as unapproved off-strategy pipeline.',
      canRequest: true,
    });
  });
});
