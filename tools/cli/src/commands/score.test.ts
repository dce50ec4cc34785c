import { describe, expect, it } from 'vitest';

import { optionErrors } from './option-errors.ts';
import { ReportArgsSchema } from './report.ts';
import { ScoreArgsSchema } from './score.ts';

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

  it('refuses two selections, a batch over HubSpot’s 100 and a date it cannot read, in plain words', () => {
    const refused = (input: Record<string, unknown>): string => {
      const parsed = ScoreArgsSchema.safeParse(input);
      return parsed.success
        ? 'accepted'
        : optionErrors(ScoreArgsSchema, input, parsed.error.issues);
    };
    expect(refused({ all: true, staleOnly: true })).toBe(
      'Use only one of --all, --since and --stale-only.',
    );
    expect(refused({ batch: '500' })).toBe(
      '--batch is “500”, but it takes a whole number from 1 to 100.',
    );
    expect(refused({ concurrency: 'x' })).toBe(
      '--concurrency is “x”, but it takes a whole number from 1 to 16.',
    );
    expect(refused({ since: 'yesterday' })).toBe(
      '--since is “yesterday”, but it takes an ISO date or date-time, e.g. 2026-11-01 or 2026-11-01T08:00:00Z.',
    );
  });
});

describe('the report command line', () => {
  it('knows four formats, and names them when another is asked for', () => {
    expect(ReportArgsSchema.parse({}).format).toBe('table');
    const parsed = ReportArgsSchema.safeParse({ format: 'pdf' });
    expect(
      !parsed.success && optionErrors(ReportArgsSchema, { format: 'pdf' }, parsed.error.issues),
    ).toBe('--format is “pdf”, but it takes one of: table, json, csv, html.');
  });
});
