// `strategy-fit demo` (what `npm start` runs): the whole job on a fresh embedded sandbox, offline.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('strategy-fit demo (e2e)', () => {
  it('seeds a portal, sets it up and publishes version 1 in HubSpot (the app’s functions), scores, reports, writes the HTML report and says how to go live', async () => {
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
    // Steps 1 and 2 inside HubSpot, through the app's functions (issue 11), each named.
    expect(run.stdout).toContain('── 1. In HubSpot, the settings page: “Set up Strategy Fit”');
    expect(run.stdout).toMatch(/strategy_fit_setup call 1: .*\n(?:.*\n)*? {2}Set up: \d+ created/);
    expect(run.stdout).toContain('strategy_validate: valid on this portal.');
    expect(run.stdout).toMatch(/strategy_simulate: \d+ calls?, \d+ ms: Dream \d+/);
    expect(run.stdout).toContain('strategy_publish: version 1 prepared');
    expect(run.stdout).toContain('Maya Okafor opens the record in HubSpot');
    expect(run.stdout).toContain(
      'strategy_publish_confirm: Published version 1 of “B2B SaaS — FY2026 go-to-market”, approved by Maya Okafor',
    );
    expect(run.stdout).toMatch(/score_record \(the company card of .+\): (Dream|Fit), \d+ %/);
    // The company cards opened in step 2 scored their records already: the bulk job finds them.
    expect(run.stdout).toMatch(
      /companies\s+scanned\s+300\s+changed\s+(\d+)\s+unchanged\s+(\d+)\s+failed\s+0/,
    );
    expect(run.stdout).toMatch(/deals\s+scanned\s+450\s+changed\s+450/);
    expect(run.stdout).toContain('Strategy review: B2B SaaS');
    // SCORING §13, §15: a focus-guard warning (step 4 simulates the strategy without its
    // exclusions), the guard at the top of the report, competitor and criterion evidence in it.
    expect(run.stdout).toContain('Focus guard: This strategy names no customers we refuse.');
    expect(run.stdout).toMatch(/Strategy review: [^\n]*\n\nFocus guard: /);
    expect(run.stdout).toMatch(/\nCompetitors\n {2}Closed deals in the evidence window: we win /);
    expect(run.stdout).toContain('\nCriterion evidence: do we know what customers expect');
    expect(readFileSync(out, 'utf8')).toContain('data-section="criterion_evidence"');
    // What a rep sees: score_record's answers for a deal and its company, as the cards show them.
    const cards = run.stdout.slice(run.stdout.indexOf('── 6. What a rep sees'));
    expect(cards).toMatch(/Company card · .+ \(company \d+\)\n {2}(Dream|Fit) · score \d+\/100 · /);
    expect(cards).toMatch(/Deal card · .+ \(deal \d+\)/);
    expect(cards).toMatch(
      / {2}Positioning for (Enterprise SaaS|Mid-market tech|Financial services)\n/,
    );
    expect(cards).toContain('    Value proposition: ');
    expect(cards).toContain('npx hs project dev');
    expect(run.stdout).toContain('HUBSPOT_ACCESS_TOKEN=');
    expect(run.stdout).toContain('npx strategy-fit score --stale-only');
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8').toLowerCase()).toMatch(/^<!doctype html>/);
  });
});
