// The smallest strategy the adapter's tests publish: one core segment of software companies.
import { StrategySchema } from '@strategy-fit/core';
import type { Strategy, StrategyInput } from '@strategy-fit/core';

/** One core segment, `property` EQ COMPUTER_SOFTWARE; `extra` adds keys (managers, …). */
export const oneSegmentStrategy = (
  name: string,
  property = 'industry',
  extra: Partial<StrategyInput> = {},
): Strategy =>
  StrategySchema.parse({
    schemaVersion: 1,
    name,
    segments: [
      {
        id: 'core',
        name: 'Core',
        priority: 'core',
        criteria: [{ property, operator: 'EQ', value: 'COMPUTER_SOFTWARE' }],
      },
    ],
    ...extra,
  });
