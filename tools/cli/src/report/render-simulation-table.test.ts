import { describe, expect, it } from 'vitest';

import { renderSimulationTable } from './render-simulation-table.ts';
import { createSimulationAccumulator } from '@strategy-fit/core';

describe('renderSimulationTable', () => {
  it('shows the old-tier → new-tier matrix of companies and open pipeline, and what moves', () => {
    const sim = createSimulationAccumulator();
    const companies = [
      { oldTier: 'fit', newTier: 'fit', deals: ['20000', '20000'] },
      { oldTier: 'fit', newTier: 'stretch', deals: ['12500'] },
      { oldTier: 'dream', newTier: 'fit', deals: ['1250000', '', '0'] },
      { oldTier: 'off_strategy', newTier: 'stretch', deals: [] },
      { oldTier: null, newTier: 'refused', deals: ['900'] },
    ] as const;
    companies.forEach((c, i) => {
      for (const amount of c.deals) sim.addOpenDeal({ companyId: `c${i}`, amount });
      sim.addCompany({ id: `c${i}`, oldTier: c.oldTier, newTier: c.newTier });
    });
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

      Open pipeline (open deals in brackets)
      ┌──────────────┬───────┬──────────┬───────────┬────────────┬────────────┬─────────┬───────────┐
      │ Today \\ New  │ Dream │      Fit │   Stretch │ Needs data │ Off strat. │ Refused │     Total │
      ├──────────────┼───────┼──────────┼───────────┼────────────┼────────────┼─────────┼───────────┤
      │ Dream        │     · │ 1.3M (3) │         · │          · │          · │       · │  1.3M (3) │
      ├──────────────┼───────┼──────────┼───────────┼────────────┼────────────┼─────────┼───────────┤
      │ Fit          │     · │  40k (2) │ 12.5k (1) │          · │          · │       · │ 52.5k (3) │
      ├──────────────┼───────┼──────────┼───────────┼────────────┼────────────┼─────────┼───────────┤
      │ Stretch      │     · │        · │         · │          · │          · │       · │         · │
      ├──────────────┼───────┼──────────┼───────────┼────────────┼────────────┼─────────┼───────────┤
      │ Needs data   │     · │        · │         · │          · │          · │       · │         · │
      ├──────────────┼───────┼──────────┼───────────┼────────────┼────────────┼─────────┼───────────┤
      │ Off strategy │     · │        · │         · │          · │          · │       · │         · │
      ├──────────────┼───────┼──────────┼───────────┼────────────┼────────────┼─────────┼───────────┤
      │ Refused      │     · │        · │         · │          · │          · │       · │         · │
      ├──────────────┼───────┼──────────┼───────────┼────────────┼────────────┼─────────┼───────────┤
      │ Not scored   │     · │        · │         · │          · │          · │ 900 (1) │   900 (1) │
      ├──────────────┼───────┼──────────┼───────────┼────────────┼────────────┼─────────┼───────────┤
      │ Total        │     · │ 1.3M (5) │ 12.5k (1) │          · │          · │ 900 (1) │  1.3M (7) │
      └──────────────┴───────┴──────────┴───────────┴────────────┴────────────┴─────────┴───────────┘
      No company:  0 in 0 open deals (no associated company: in no row above)
      Open pipeline in all: 1,303,400 in 7 open deals (as the report counts it)

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
