import { StrategySchema } from '@strategy-fit/core';
import type { StrategyInput } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { describeCriterion, diffStrategies, renderDiff } from './strategy-diff.ts';

const base: StrategyInput = {
  schemaVersion: 1,
  name: 'Base',
  segments: [
    {
      id: 'saas',
      name: 'SaaS',
      priority: 'dream',
      criteria: [
        {
          property: 'industry',
          operator: 'IN',
          values: ['COMPUTER_SOFTWARE'],
          weight: 3,
          required: true,
        },
        { property: 'numberofemployees', operator: 'BETWEEN', value: 50, highValue: 500 },
        { property: 'numberofemployees', operator: 'LT', value: 10000 },
      ],
    },
    {
      id: 'smb',
      name: 'SMB',
      priority: 'opportunistic',
      criteria: [{ property: 'country', operator: 'EQ', value: 'Germany' }],
    },
  ],
  exclusions: [
    {
      id: 'tiny',
      reason: 'Too small',
      criteria: [{ property: 'numberofemployees', operator: 'LT', value: 5 }],
    },
  ],
};

const parse = (input: StrategyInput) => StrategySchema.parse(input);

describe('diffStrategies', () => {
  it('finds nothing between a strategy and itself', () => {
    expect(diffStrategies(parse(base), parse(base))).toEqual([]);
  });

  it('reports segments, criteria and exclusions added, removed and changed, in document order', () => {
    const next: StrategyInput = {
      ...base,
      thresholds: { fit: 80, stretch: 40 },
      segments: [
        {
          id: 'saas',
          name: 'SaaS',
          priority: 'core',
          criteria: [
            {
              property: 'industry',
              operator: 'IN',
              values: ['COMPUTER_SOFTWARE', 'INTERNET'],
              weight: 3,
              required: true,
            },
            { property: 'numberofemployees', operator: 'LT', value: 10000 },
            { property: 'annualrevenue', operator: 'GTE', value: 1000000 },
          ],
        },
        {
          id: 'fintech',
          name: 'Fintech',
          priority: 'core',
          criteria: [{ property: 'industry', operator: 'EQ', value: 'FINANCIAL_SERVICES' }],
        },
      ],
      exclusions: [
        {
          id: 'tiny',
          reason: 'Too small to pay',
          criteria: [{ property: 'numberofemployees', operator: 'LT', value: 5 }],
        },
      ],
      dealChecks: { maxDiscountPercent: 15 },
    };
    expect(renderDiff(diffStrategies(parse(base), parse(next)))).toBe(
      [
        '  ~ thresholds.fit: 70 → 80',
        '  ~ segment saas: “SaaS” (core, 3 criteria)',
        '      ~ priority: “dream” → “core”',
        '      ~ criterion: industry IN [“COMPUTER_SOFTWARE”] (weight 3, required) → industry IN [“COMPUTER_SOFTWARE”, “INTERNET”] (weight 3, required)',
        '      - criterion: numberofemployees BETWEEN 50..500',
        '      + criterion: annualrevenue GTE 1000000',
        '  - segment smb: “SMB” (opportunistic, 1 criterion)',
        '  + segment fintech: “Fintech” (core, 1 criterion)',
        '  ~ exclusion tiny: “Too small to pay” (1 criterion)',
        '      ~ reason: “Too small” → “Too small to pay”',
        '  ~ dealChecks.maxDiscountPercent: (none) → 15',
        '',
      ].join('\n'),
    );
  });

  it('notices a new order of segments (ties go to the earlier one) and the dream-customer test', () => {
    const reordered: StrategyInput = {
      ...base,
      segments: [...base.segments].reverse(),
      dreamCustomer: {
        need: [{ property: 'pain_identified', operator: 'EQ', value: true }],
        abilityToPay: [{ property: 'amount', operator: 'GTE', value: 1 }],
        urgency: [{ property: 'decision_date', operator: 'WITHIN_NEXT_DAYS', value: 90 }],
      },
    };
    const changes = diffStrategies(parse(base), parse(reordered));
    expect(changes.map((c) => [c.kind, c.where])).toEqual([
      ['changed', 'segment order'],
      ['added', 'dream-customer test'],
    ]);
  });

  it('describes a criterion in one line', () => {
    const c = parse(base).segments[0]?.criteria[1];
    expect(c && describeCriterion(c)).toBe('numberofemployees BETWEEN 50..500');
  });
});
