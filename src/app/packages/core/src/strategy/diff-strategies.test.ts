import { describe, expect, it } from 'vitest';

import { segment, strategyOf } from '../../../../../../test/support/core/fixtures.ts';
import { describeCriterion, diffStrategies } from './diff-strategies.ts';

// The full wording is pinned by the CLI's `strategy diff` tests (tools/cli), which render it.
describe('diffStrategies', () => {
  const base = strategyOf([
    segment('saas', [{ property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }]),
  ]);

  it('finds nothing between a strategy and itself', () => {
    expect(diffStrategies(base, base)).toEqual([]);
  });

  it('names a changed criterion, a new segment and new managers', () => {
    const next = strategyOf(
      [
        segment('saas', [{ property: 'industry', operator: 'EQ', value: 'INTERNET', weight: 2 }]),
        segment('fintech', [{ property: 'industry', operator: 'EQ', value: 'BANKING' }]),
      ],
      { managers: { userIds: ['9100001'] } },
    );
    expect(diffStrategies(base, next)).toEqual([
      {
        kind: 'changed',
        where: 'segment saas',
        summary: '“saas” (core, 1 criterion)',
        details: [
          {
            kind: 'changed',
            where: 'criterion',
            summary: 'industry EQ “COMPUTER_SOFTWARE” → industry EQ “INTERNET” (weight 2)',
          },
        ],
      },
      { kind: 'added', where: 'segment fintech', summary: '“fintech” (core, 1 criterion)' },
      { kind: 'changed', where: 'managers.userIds', summary: '[] → [“9100001”]' },
    ]);
  });

  it('names changes of positioning, offers, competitors and the SCORING §12–§15 settings', () => {
    const next = strategyOf(
      [
        segment('saas', [{ property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }], {
          positioning: { valueProposition: 'Forecasts you can trust' },
          offers: ['PLAT'],
        }),
      ],
      {
        competitors: [{ id: 'acme', name: 'Acme' }],
        competitorProperty: 'competitors',
        existingCustomers: { policy: 'score' },
        evidenceWindowDays: 180,
      },
    );
    expect(diffStrategies(base, next).map((c) => `${c.kind} ${c.where}`)).toEqual([
      'changed segment saas',
      'added competitor acme',
      'changed competitorProperty',
      'changed evidenceWindowDays',
      'changed existingCustomers.policy',
    ]);
    expect(diffStrategies(base, next)[0]?.details?.map((d) => d.where)).toEqual([
      'positioning',
      'offers',
    ]);
    // Absent existing-customer settings are their defaults: writing the defaults changes nothing.
    const explicit = strategyOf(base.segments, {
      existingCustomers: { policy: 'retain' },
    });
    expect(diffStrategies(base, explicit)).toEqual([]);
  });

  it('describes a criterion in one line', () => {
    const [c] =
      strategyOf([
        segment('s', [
          {
            property: 'amount',
            object: 'deal',
            operator: 'BETWEEN',
            value: 1,
            highValue: 9,
            required: true,
          },
        ]),
      ]).segments[0]?.criteria ?? [];
    expect(c && describeCriterion(c)).toBe('deal.amount BETWEEN 1..9 (required)');
  });
});
