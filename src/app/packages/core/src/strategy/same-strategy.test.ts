import { describe, expect, it } from 'vitest';

import { strategy } from '../../../../../../test/support/core/fixtures.ts';
import { sameStrategy } from './same-strategy.ts';
import type { StrategyInput } from './strategy-schema.ts';

const base: StrategyInput = {
  schemaVersion: 1,
  name: 'S',
  segments: [
    {
      id: 'a',
      name: 'A',
      priority: 'core',
      criteria: [{ property: 'industry', operator: 'IN', values: ['X', 'Y'] }],
    },
    {
      id: 'b',
      name: 'B',
      priority: 'core',
      criteria: [{ property: 'x', operator: 'HAS_PROPERTY' }],
    },
  ],
};

describe('sameStrategy (SCORING §14: nothing to publish)', () => {
  it('equal after defaults, ignoring key order and $schema', () => {
    const explicit = strategy({
      $schema: '../../schema/strategy.schema.json',
      thresholds: { stretch: 40, fit: 70 },
      segments: base.segments.map((s) => ({
        criteria: s.criteria.map((c) => ({ weight: 1, required: false, ...c, object: 'company' })),
        priority: s.priority,
        name: s.name,
        id: s.id,
      })),
      exclusions: [],
      name: 'S',
      schemaVersion: 1,
    });
    expect(sameStrategy(strategy(base), explicit)).toBe(true);
  });

  it.each([
    ['a threshold', { thresholds: { fit: 71 } }],
    ['the name', { name: 'T' }],
    [
      'the order of segments (ties go to the earlier one)',
      { segments: [...base.segments].reverse() },
    ],
    ['a description', { description: 'Why' }],
  ])('differs in %s', (_, change) => {
    expect(sameStrategy(strategy(base), strategy({ ...base, ...change }))).toBe(false);
  });
});
