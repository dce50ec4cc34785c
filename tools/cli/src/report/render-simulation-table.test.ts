import { describe, expect, it } from 'vitest';

import { renderSimulationTable } from './render-simulation-table.ts';
import { createSimulationAccumulator } from '@strategy-fit/core';

describe('renderSimulationTable', () => {
  it('shows the old-tier → new-tier matrix of companies and open pipeline, and what moves', () => {
    const sim = createSimulationAccumulator();
    sim.add({ oldTier: 'fit', newTier: 'fit', openDeals: 2, openAmount: 40_000 });
    sim.add({ oldTier: 'fit', newTier: 'stretch', openDeals: 1, openAmount: 12_500 });
    sim.add({ oldTier: 'dream', newTier: 'fit', openDeals: 3, openAmount: 1_250_000 });
    sim.add({ oldTier: 'off_strategy', newTier: 'stretch', openDeals: 0, openAmount: 0 });
    sim.add({ oldTier: null, newTier: 'refused', openDeals: 1, openAmount: 900 });
    const text = renderSimulationTable(sim.finish());
    expect(text).toMatchInlineSnapshot(`
      "Companies: tier today (rows) → tier under the proposed strategy (columns)
      ┌──────────────┬───────┬─────┬─────────┬────────────┬────────────┬─────────┬───────┐
      │ Today \\ New  │ Dream │ Fit │ Stretch │ Needs data │ Off strat. │ Refused │ Total │
      ├──────────────┼───────┼─────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Dream        │     · │   1 │       · │          · │          · │       · │     1 │
      ├──────────────┼───────┼─────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Fit          │     · │   1 │       1 │          · │          · │       · │     2 │
      ├──────────────┼───────┼─────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Stretch      │     · │   · │       · │          · │          · │       · │     · │
      ├──────────────┼───────┼─────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Needs data   │     · │   · │       · │          · │          · │       · │     · │
      ├──────────────┼───────┼─────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Off strategy │     · │   · │       1 │          · │          · │       · │     1 │
      ├──────────────┼───────┼─────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Refused      │     · │   · │       · │          · │          · │       · │     · │
      ├──────────────┼───────┼─────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Not scored   │     · │   · │       · │          · │          · │       1 │     1 │
      ├──────────────┼───────┼─────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Total        │     · │   2 │       2 │          · │          · │       1 │     5 │
      └──────────────┴───────┴─────┴─────────┴────────────┴────────────┴─────────┴───────┘

      Open pipeline
      ┌──────────────┬───────┬──────┬─────────┬────────────┬────────────┬─────────┬───────┐
      │ Today \\ New  │ Dream │  Fit │ Stretch │ Needs data │ Off strat. │ Refused │ Total │
      ├──────────────┼───────┼──────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Dream        │     · │ 1.3M │       · │          · │          · │       · │  1.3M │
      ├──────────────┼───────┼──────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Fit          │     · │  40k │   12.5k │          · │          · │       · │ 52.5k │
      ├──────────────┼───────┼──────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Stretch      │     · │    · │       · │          · │          · │       · │     · │
      ├──────────────┼───────┼──────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Needs data   │     · │    · │       · │          · │          · │       · │     · │
      ├──────────────┼───────┼──────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Off strategy │     · │    · │       · │          · │          · │       · │     · │
      ├──────────────┼───────┼──────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Refused      │     · │    · │       · │          · │          · │       · │     · │
      ├──────────────┼───────┼──────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Not scored   │     · │    · │       · │          · │          · │     900 │   900 │
      ├──────────────┼───────┼──────┼─────────┼────────────┼────────────┼─────────┼───────┤
      │ Total        │     · │ 1.3M │   12.5k │          · │          · │     900 │  1.3M │
      └──────────────┴───────┴──────┴─────────┴────────────┴────────────┴─────────┴───────┘

      Change tier: 3 companies (1,262,500 in 4 open deals)
        up:        1 company (0 in 0 open deals)
        down:      2 companies (1,262,500 in 4 open deals)
      Unchanged:   1 company (40,000 in 2 open deals)
      First score: 1 company (900 in 1 open deal)
      "
    `);
    expect(Math.max(...text.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });
});
