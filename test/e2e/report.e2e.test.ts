// `strategy-fit report` through the CLI: its figures checked against figures computed straight
// from the records read back (tier counts, off-strategy open pipeline with an approved exception,
// win rate per tier), and the other formats written where asked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './support/cli.ts';
import { dealStages, listAll } from './support/portal.ts';
import type { PortalRecord } from './support/portal.ts';
import { setUpAndPublish } from './support/prepare.ts';
import { EXAMPLE_STRATEGY, NOW, startPortal } from './support/sandbox.ts';
import type { TestPortal } from './support/sandbox.ts';

let portal: TestPortal;
const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-e2e-report-'));
let companies: PortalRecord[];
let deals: PortalRecord[];
let stages: Awaited<ReturnType<typeof dealStages>>;
let approvedDeal: PortalRecord;

beforeAll(async () => {
  portal = await startPortal({ seed: 5, companies: 600, deals: 1200 });
  await setUpAndPublish(portal, EXAMPLE_STRATEGY);
  const scored = await runCli(
    ['score', '--now', NOW, '--checkpoint', join(dir, 'checkpoint.json')],
    portal,
  );
  expect(scored.code, scored.stderr).toBe(0);
  stages = await dealStages(portal);
  const dealProps = [
    'amount',
    'dealstage',
    'closedate',
    'strategy_fit_tier',
    'strategy_fit_off_strategy',
    'strategy_fit_business',
  ];
  // One open off-strategy deal of new business gets an approved exception that runs well past
  // today (existing business needs none under policy retain, SCORING §12).
  const open = (await listAll(portal, 'deals', dealProps)).filter(
    (d) =>
      d.properties.strategy_fit_off_strategy === 'true' &&
      d.properties.strategy_fit_business === 'new' &&
      stages.get(d.properties.dealstage ?? '')?.isClosed === false &&
      Number(d.properties.amount) > 0,
  );
  const chosen = open[0];
  if (chosen === undefined) throw new Error('the seed has no open off-strategy deal');
  approvedDeal = chosen;
  const patch = await fetch(`${portal.baseUrl}/crm/objects/2026-09/deals/${chosen.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${portal.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      properties: {
        strategy_fit_exception: 'approved',
        strategy_fit_exception_note: 'Strategic logo for the region',
        strategy_fit_exception_by: 'manager@example.com',
        strategy_fit_exception_expires: '2099-12-31',
      },
    }),
  });
  expect(patch.status).toBe(200);
  companies = await listAll(portal, 'companies', ['strategy_fit_tier']);
  deals = await listAll(portal, 'deals', dealProps);
});
afterAll(async () => {
  await portal.sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

type Review = {
  totals: { companies: number; deals: number };
  tierDistribution: { companies: { rows: { tier: string | null; count: number }[] } };
  offStrategyPipeline: {
    total: { count: number; amount: number };
    unapproved: { count: number; amount: number };
    approved: { count: number; amount: number };
  };
  strategyEvidence: {
    byTier: { tier: string; closed: number; won: number; winRate: number | null }[];
  };
  evidenceWindow: { startMs: number };
  existingCustomers: { total: { count: number } };
  staleScores: { companies: { stale: number } };
};

const sum = (xs: readonly number[]): number =>
  Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;

describe('strategy-fit report (e2e)', () => {
  it('reports the figures an independent count over the records gives', async () => {
    const run = await runCli(['report', '--format', 'json', '--no-progress'], portal);
    expect(run.code, run.stderr).toBe(0);
    const review = JSON.parse(run.stdout) as Review;
    expect(review.totals).toMatchObject({ companies: 600, deals: 1200 });

    // Tier counts of companies.
    const tierCount = new Map<string, number>();
    for (const c of companies) {
      const tier = c.properties.strategy_fit_tier ?? 'unscored';
      tierCount.set(tier, (tierCount.get(tier) ?? 0) + 1);
    }
    for (const row of review.tierDistribution.companies.rows) {
      expect(row.count, String(row.tier)).toBe(tierCount.get(row.tier ?? 'unscored') ?? 0);
    }

    // Off-strategy open pipeline: unapproved vs the approved exception; existing business
    // outside the strategy is kept apart (policy retain, SCORING §12).
    const isOpen = (d: PortalRecord) =>
      stages.get(d.properties.dealstage ?? '')?.isClosed === false;
    const offOpenAll = deals.filter(
      (d) => isOpen(d) && d.properties.strategy_fit_off_strategy === 'true',
    );
    const offOpen = offOpenAll.filter((d) => d.properties.strategy_fit_business !== 'existing');
    expect(review.existingCustomers.total.count).toBe(offOpenAll.length - offOpen.length);
    expect(offOpenAll.length - offOpen.length).toBeGreaterThan(0);
    const amountOf = (d: PortalRecord) => Number(d.properties.amount ?? 0) || 0;
    expect(review.offStrategyPipeline.total.count).toBe(offOpen.length);
    expect(review.offStrategyPipeline.total.amount).toBeCloseTo(sum(offOpen.map(amountOf)), 2);
    expect(review.offStrategyPipeline.approved).toMatchObject({
      count: 1,
      amount: amountOf(approvedDeal),
    });
    expect(review.offStrategyPipeline.unapproved.count).toBe(offOpen.length - 1);
    expect(review.offStrategyPipeline.unapproved.amount).toBeCloseTo(
      sum(offOpen.map(amountOf)) - amountOf(approvedDeal),
      2,
    );

    // Win rate per tier over the deals closed in the evidence window (SCORING §15).
    let checked = 0;
    for (const row of review.strategyEvidence.byTier) {
      const closed = deals.filter(
        (d) =>
          d.properties.strategy_fit_tier === row.tier &&
          stages.get(d.properties.dealstage ?? '')?.isClosed === true &&
          Date.parse(d.properties.closedate ?? '') >= review.evidenceWindow.startMs,
      );
      const won = closed.filter((d) => stages.get(d.properties.dealstage ?? '')?.isWon === true);
      expect({ tier: row.tier, closed: row.closed, won: row.won }).toEqual({
        tier: row.tier,
        closed: closed.length,
        won: won.length,
      });
      if (closed.length > 0) {
        expect(row.winRate).toBeCloseTo(won.length / closed.length, 10);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(review.staleScores.companies.stale).toBe(0);
  });

  it('writes the HTML report to --out and CSV to stdout', async () => {
    const out = join(dir, 'report.html');
    const html = await runCli(
      ['report', '--format', 'html', '--out', out, '--no-progress'],
      portal,
    );
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page.toLowerCase()).toMatch(/^<!doctype html>/);
    expect(page).toContain('B2B SaaS');
    const csv = await runCli(['report', '--format', 'csv', '--no-progress'], portal);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('section,group,key,metric,value');
  });

  it('refuses an unknown format with exit code 2', async () => {
    const run = await runCli(['report', '--format', 'pdf'], portal);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/table.*json.*csv.*html|Invalid option/);
  });
});
