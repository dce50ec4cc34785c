import { describe, expect, it } from 'vitest';

import { renderSummary, runFailed } from './summary.ts';
import type { RunSummary } from './summary.ts';

const base: RunSummary = {
  mode: { kind: 'all' },
  strategyVersion: 3,
  newerVersion: null,
  resumed: false,
  durationMs: 12_345,
  companies: { scanned: 1200, changed: 300, unchanged: 899, failed: 1 },
  deals: { scanned: 2000, changed: 0, unchanged: 2000, failed: 0 },
  dealsOfChangedCompanies: null,
  failed: [
    {
      objectType: 'companies',
      id: '1001',
      code: 'hubspot_bad_request',
      message: 'Property values were not valid',
    },
  ],
  failedOmitted: 0,
  stopped: null,
  interrupted: false,
  stillStale: { companies: 0, deals: 0 },
  checkpointPath: '.data/checkpoints/abc.json',
};

describe('the run summary', () => {
  it('says what was scanned, changed and failed, with ids and codes', () => {
    expect(renderSummary(base)).toMatchInlineSnapshot(`
      "Scored all records with strategy version 3 in 12.3 s
        companies  scanned     1,200  changed       300  unchanged       899  failed       1
        deals      scanned     2,000  changed         0  unchanged     2,000  failed       0
      Failed records (object, id, code: message):
        companies 1001 hubspot_bad_request: Property values were not valid
      Every company and deal carries version 3 or a newer one.
      Some records failed; run the same command again to retry them (diff-only: the rest is not rewritten).
      "
    `);
    expect(runFailed(base)).toBe(true);
  });

  it('says when a newer version appeared and when the run stopped early', () => {
    const text = renderSummary({
      ...base,
      mode: { kind: 'stale' },
      companies: { ...base.companies, failed: 0 },
      failed: [],
      newerVersion: 4,
      resumed: true,
      stopped: { code: 'hubspot_unavailable', message: 'HubSpot did not answer' },
    });
    expect(text).toContain(
      'records with an older or no strategy version with strategy version 3 (resumed run)',
    );
    expect(text).toContain(
      'Strategy version 4 was published during the run; this run kept version 3.',
    );
    expect(text).toContain('Stopped early: hubspot_unavailable: HubSpot did not answer');
    expect(text).toContain('strategy-fit score --resume');
  });

  it('says how many deals were rescored because their company changed (--since)', () => {
    const since = {
      ...base,
      mode: { kind: 'since', sinceMs: Date.parse('2026-11-01T08:00:00Z') },
      companies: { scanned: 12, changed: 3, unchanged: 9, failed: 0 },
      deals: { scanned: 4, changed: 1, unchanged: 3, failed: 0 },
      dealsOfChangedCompanies: { scanned: 1530, changed: 210, unchanged: 1319, failed: 1 },
      failed: [],
    } satisfies RunSummary;
    expect(renderSummary(since)).toMatchInlineSnapshot(`
      "Scored records modified since 2026-11-01T08:00:00.000Z with strategy version 3 in 12.3 s
        companies  scanned        12  changed         3  unchanged         9  failed       0
        deals      scanned         4  changed         1  unchanged         3  failed       0
        + 1,530 deals rescored because their company changed: changed 210, unchanged 1,319, failed 1
      Every company and deal carries version 3 or a newer one.
      Some records failed; run the same command again to retry them (diff-only: the rest is not rewritten).
      "
    `);
    expect(runFailed(since)).toBe(true);
    expect(runFailed({ ...since, dealsOfChangedCompanies: { ...since.deals } })).toBe(false);
  });

  it('exits 0 only when every record was scored', () => {
    const clean = { ...base, companies: { ...base.companies, failed: 0 }, failed: [] };
    expect(runFailed(clean)).toBe(false);
    expect(runFailed({ ...clean, interrupted: true })).toBe(true);
  });

  it('counts what is still stale at the end and says so; an --all or --stale-only run that left any exits 1', () => {
    const clean = { ...base, companies: { ...base.companies, failed: 0 }, failed: [] };
    const left = { ...clean, stillStale: { companies: 0, deals: 2250 } };
    expect(runFailed(left)).toBe(true);
    expect(runFailed({ ...left, mode: { kind: 'stale' } })).toBe(true);
    // A --since run selects what changed: other stale records are said, not failed.
    expect(runFailed({ ...left, mode: { kind: 'since', sinceMs: 0 } })).toBe(false);
    expect(renderSummary(left)).toContain(
      'Still stale (below version 3 or never scored): 0 companies and 2,250 deals. Run `strategy-fit score --stale-only` to score them.',
    );
    expect(renderSummary(clean)).toContain(
      'Every company and deal carries version 3 or a newer one.',
    );
  });
});
