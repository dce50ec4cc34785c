// `strategy-fit demo` (what `npm start` runs): the whole job on a fresh embedded sandbox, offline.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('strategy-fit demo (e2e)', () => {
  it('seeds a portal, sets it up, publishes, scores, reports, writes the HTML report and says how to go live', async () => {
    const out = join(dir, 'report.html');
    // No HUBSPOT_* variables: the demo never needs them (and must not use a real portal).
    const run = await runCli(
      [
        'demo',
        '--companies',
        '300',
        '--deals',
        '450',
        '--no-rate-limit',
        '--no-progress',
        '--out',
        out,
      ],
      { baseUrl: '', token: '' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Seeded 300 companies, 450 deals');
    expect(run.stdout).toMatch(/Setup done: \d+ created/);
    expect(run.stdout).toContain('Published version 1 of “B2B SaaS');
    expect(run.stdout).toMatch(/companies\s+scanned\s+300\s+changed\s+300/);
    expect(run.stdout).toMatch(/deals\s+scanned\s+450\s+changed\s+450/);
    expect(run.stdout).toContain('Strategy review: B2B SaaS');
    // SCORING §13, §15: a focus-guard warning (step 4 simulates the strategy without its
    // exclusions), the guard at the top of the report, competitor and criterion evidence in it.
    expect(run.stdout).toContain('Focus guard: This strategy names no customers we refuse.');
    expect(run.stdout).toMatch(/Strategy review: [^\n]*\n\nFocus guard: /);
    expect(run.stdout).toMatch(/\nCompetitors\n {2}Closed deals in the evidence window: we win /);
    expect(run.stdout).toContain('\nCriterion evidence: do we know what customers expect');
    expect(readFileSync(out, 'utf8')).toContain('data-section="criterion_evidence"');
    expect(run.stdout).toContain('HUBSPOT_ACCESS_TOKEN=');
    expect(run.stdout).toContain('npx strategy-fit score --stale-only');
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8').toLowerCase()).toMatch(/^<!doctype html>/);
  });
});
