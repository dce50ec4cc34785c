import { describe, expect, it } from 'vitest';

import { argumentErrors } from '../bulk/command-io.ts';
import { ScoreArgsSchema } from './score.ts';
import { ReportArgsSchema } from './report.ts';

describe('the score command line', () => {
  it('defaults to every record, batches of 100, 4 pages in flight, a progress display', () => {
    expect(ScoreArgsSchema.parse({})).toEqual({
      all: false,
      staleOnly: false,
      resume: false,
      batch: 100,
      concurrency: 4,
      progress: true,
      json: false,
    });
  });

  it('reads --since and --now as instants', () => {
    const args = ScoreArgsSchema.parse({ since: '2026-11-01', now: '2026-11-02T09:00:00Z' });
    expect(args.since).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(args.now).toBe(Date.parse('2026-11-02T09:00:00Z'));
  });

  it('refuses two selections, a batch over HubSpot’s 100 and a date it cannot read', () => {
    const refused = (input: Record<string, unknown>): string => {
      const parsed = ScoreArgsSchema.safeParse(input);
      return parsed.success ? 'accepted' : argumentErrors(parsed.error.issues);
    };
    expect(refused({ all: true, staleOnly: true })).toBe(
      'use only one of --all, --since and --stale-only',
    );
    expect(refused({ batch: '250' })).toMatch(/^--batch: /);
    expect(refused({ since: 'yesterday' })).toBe(
      '--since: use an ISO date or date-time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z',
    );
  });
});

describe('the report command line', () => {
  it('knows four formats', () => {
    expect(ReportArgsSchema.parse({}).format).toBe('table');
    const parsed = ReportArgsSchema.safeParse({ format: 'pdf' });
    expect(!parsed.success && argumentErrors(parsed.error.issues)).toMatch(
      /^--format: .*"table"\|"json"\|"csv"\|"html"/,
    );
  });
});
