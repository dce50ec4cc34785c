// SCORING §10–§15 on one seeded sandbox portal, scored by the page's own rescore (the example
// strategy uses every new part): what scoring wrote back (competitors, business, the offer
// warning) against the rules applied by hand to the raw records, and every new review figure of
// the app function `strategy_review` (read as the page reads it: in chunks, merged) against an
// independent computation written naively over the whole record list, read back over plain HTTP
// (not through the adapter or the core), and against the CLI's `strategy-fit report` (the same
// walk in one process). Criterion evidence gives each closed deal of the window its company's
// criterion outcomes today, which the review walk computes from the company pages it reads anyway
// (no request more): checked against each company's explained score, tallied by hand.
import { compileStrategy, scoreCompany } from '@strategy-fit/core';
import type { StrategyReview, StrategyReviewValue, Strategy, WinRecord } from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { criteriaOf } from '../../src/app/pages/view-model/criteria.ts';
import { focusBoardOf } from '../../src/app/pages/view-model/focus-board.ts';
import { focusGuardViewOf } from '../../src/app/pages/view-model/focus-guard.ts';
import { formatAmount as pageAmount, formatNumber } from '../../src/app/pages/view-model/format.ts';
import { marketOf } from '../../src/app/pages/view-model/market.ts';
import { silentProgress } from '../../tools/cli/src/bulk/progress.ts';
import { readReview } from '../../tools/cli/src/bulk/read-review.ts';
import type { ReviewRead } from '../../tools/cli/src/bulk/read-review.ts';
import { renderReview } from '../../tools/cli/src/commands/report.ts';
import { rescoreAll, reviewAll, startManagerPortal } from '../support/functions/manager-portal.ts';
import { loadExampleStrategy } from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { companyOfDeal, discountOf, ms, num, text } from './support/plain-readings.ts';
import { associations, dealStages, listAll, readByIds } from './support/portal.ts';
import { readDefinitions } from './support/sandbox.ts';
import type { Bag, PortalRecord } from './support/portal.ts';
import { csvValues, expectedRows, htmlCells, tableHasRow } from './support/report-formats.ts';

const NOW_MS = Date.parse('2026-11-02T09:00:00Z');
const DAY_MS = 86_400_000;

let portal: TestPortal;
let strategy: Strategy;
let review: StrategyReview;
let cliReview: StrategyReview;
let cliRead: ReviewRead;
let pageValue: StrategyReviewValue;
let reviewChunks: number;
let records: Records;

// ---------------------------------------------------------------------------------------------
// Plain readings (SCORING §3), written here without the core.
// ---------------------------------------------------------------------------------------------
const list = (raw: string | null | undefined): string[] =>
  [...new Set((text(raw) ?? '').split(';').map((x) => x.trim()))].filter((x) => x !== '');
const r2 = (x: number): number => Math.round(x * 100) / 100;
const r6 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e6) / 1e6);
const cents = (xs: readonly (number | null)[]): number =>
  xs.reduce<number>((s, x) => s + (x === null ? 0 : Math.round(x * 100)), 0);
type Total = { count: number; amount: number; withoutAmount: number };
const totalOf = (deals: readonly Deal[]): Total => ({
  count: deals.length,
  amount: r2(cents(deals.map((d) => d.amount)) / 100),
  withoutAmount: deals.filter((d) => d.amount === null).length,
});
const totalFields = (t: Total): Total => ({
  count: t.count,
  amount: r2(t.amount),
  withoutAmount: t.withoutAmount,
});
const win = (deals: readonly Deal[]) => ({
  closed: deals.length,
  won: deals.filter((d) => d.isWon).length,
  winRate: deals.length === 0 ? null : r6(deals.filter((d) => d.isWon).length / deals.length),
});
const winFields = (w: WinRecord) => ({ closed: w.closed, won: w.won, winRate: r6(w.winRate) });
/** The most frequent text, ties in code-unit order. */
const mostFrequent = (texts: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]?.[0] ?? '';
};
const groupBy = <K>(items: readonly Deal[], key: (d: Deal) => K): Map<K, Deal[]> => {
  const out = new Map<K, Deal[]>();
  for (const d of items) out.set(key(d), [...(out.get(key(d)) ?? []), d]);
  return out;
};

// ---------------------------------------------------------------------------------------------
// The records, read back over plain HTTP.
// ---------------------------------------------------------------------------------------------
type Deal = {
  id: string;
  amount: number | null;
  ownerId: string | null;
  isClosed: boolean;
  isWon: boolean;
  closedAtMs: number | null;
  raw: Bag;
  lineItems: Bag[];
  companyId: string | null;
  tier: string | null;
  segmentId: string | null;
  offStrategy: boolean;
  reason: string | null;
  discountPercent: number | null;
};
type Records = { companies: PortalRecord[]; deals: Deal[]; companyFacts: Map<string, Bag> };

const DEAL_PROPERTIES = [
  'dealname',
  'amount',
  'hubspot_owner_id',
  'pipeline',
  'dealstage',
  'createdate',
  'closedate',
  'dealtype',
  'competitors',
  'closed_lost_reason',
  'discount_percent',
  'strategy_fit_tier',
  'strategy_fit_segment',
  'strategy_fit_off_strategy',
  'strategy_fit_reason',
  'strategy_fit_version',
  'strategy_fit_focus',
  'strategy_fit_warnings',
  'strategy_fit_open_questions',
  'strategy_fit_competitors',
  'strategy_fit_business',
  'strategy_fit_discount_percent',
  'strategy_fit_exception',
  'strategy_fit_exception_note',
  'strategy_fit_exception_by',
  'strategy_fit_exception_expires',
];

async function readRecords(): Promise<Records> {
  const http = { baseUrl: portal.sandbox.baseUrl, token: portal.sandbox.token };
  const criteriaProperties = [
    ...new Set(strategy.segments.flatMap((s) => s.criteria.map((c) => c.property))),
  ];
  const companies = await listAll(http, 'companies', [
    'hubspot_owner_id',
    'strategy_fit_tier',
    ...criteriaProperties,
  ]);
  const raw = await listAll(http, 'deals', DEAL_PROPERTIES);
  const stages = await dealStages(http);
  const ids = raw.map((d) => d.id);
  const dealCompanies = await associations(http, 'deals', 'companies', ids);
  const dealItems = await associations(http, 'deals', 'line_items', ids);
  const items = await readByIds(
    http,
    'line_items',
    [...dealItems.values()].flatMap((links) => links.map((l) => l.id)),
    ['name', 'hs_sku', 'hs_product_id', 'price', 'quantity', 'amount'],
  );
  const deals = raw.map((r): Deal => {
    const p = r.properties;
    const stage = stages.get(text(p['dealstage']) ?? '');
    const isClosed = stage?.isClosed ?? false;
    const lineItems = (dealItems.get(r.id) ?? []).flatMap((l) => {
      const bag = items.get(l.id);
      return bag === undefined ? [] : [bag];
    });
    return {
      id: r.id,
      amount: num(p['amount']),
      ownerId: text(p['hubspot_owner_id']),
      isClosed,
      isWon: isClosed && stage?.isWon === true,
      closedAtMs: isClosed ? ms(p['closedate']) : null,
      raw: p,
      lineItems,
      companyId: companyOfDeal(dealCompanies.get(r.id)),
      tier: text(p['strategy_fit_tier']),
      segmentId: text(p['strategy_fit_segment']),
      offStrategy: text(p['strategy_fit_off_strategy'])?.toLowerCase() === 'true',
      reason: text(p['strategy_fit_reason']),
      discountPercent: discountOf(lineItems, p),
    };
  });
  return {
    companies,
    deals,
    companyFacts: new Map(companies.map((c) => [c.id, c.properties])),
  };
}

beforeAll(async () => {
  strategy = loadExampleStrategy();
  portal = await startManagerPortal({
    seed: { companies: 600, deals: 1200, seed: 5 },
    now: () => NOW_MS,
  });
  const chunks = await rescoreAll(portal.runtime);
  expect(chunks.at(-1)?.cursor).toBeNull();
  // As the page reads it: chunk after chunk (blocks of 300 records), merged.
  const read = await reviewAll(portal.runtime, {}, { budgetMs: 0, blockSize: 300 });
  review = read.value.review;
  pageValue = read.value;
  reviewChunks = read.chunks.length;
  const cli = await readReview(portal.hs, { nowMs: NOW_MS, progress: silentProgress });
  if (!cli.ok) throw new Error(cli.error.message);
  cliReview = cli.value.review;
  cliRead = cli.value;
  records = await readRecords();
}, 120_000);
afterAll(() => portal.close());

// ---------------------------------------------------------------------------------------------
// The rules by hand (SCORING §10–§12), from the example strategy and the raw values.
// ---------------------------------------------------------------------------------------------
const lower = (v: string): string => v.trim().toLowerCase();

/** §11: matched competitor ids, sorted; `other` for a value no competitor lists. */
const competitorIdsByHand = (deal: Deal): string[] => {
  const ids = new Set<string>();
  for (const value of list(deal.raw['competitors'])) {
    const c = (strategy.competitors ?? []).find((x) =>
      (x.values ?? [x.name]).map(lower).includes(lower(value)),
    );
    ids.add(c?.id ?? 'other');
  }
  return [...ids].sort();
};

/** §10: a judged line item outside the segment's offers (SKU, else product id). */
const outsideOfferByHand = (deal: Deal): boolean => {
  if (deal.offStrategy || deal.tier === null) return false;
  const offers = strategy.segments.find((s) => s.id === deal.segmentId)?.offers;
  if (offers === undefined) return false;
  return deal.lineItems.some((i) => {
    const key = text(i['hs_sku']) ?? text(i['hs_product_id']);
    return key !== null && !offers.map(lower).includes(key.toLowerCase());
  });
};

const scored = (): Deal[] => records.deals.filter((d) => d.tier !== null);
const startMs = (): number => NOW_MS - (strategy.evidenceWindowDays ?? 365) * DAY_MS;
const inWindow = (d: Deal): boolean =>
  d.isClosed && d.closedAtMs !== null && d.closedAtMs >= startMs();
const open = (): Deal[] => records.deals.filter((d) => !d.isClosed);
const evidence = (): Deal[] => scored().filter(inWindow);
/** §15 discount bands: below 5 % (negative included), 5 to below 10, 10 to below 20, 20 and more. */
const bandByHand = (d: Deal): string => {
  const p = d.discountPercent;
  return p === null
    ? 'unknown'
    : p < 5
      ? 'under_5'
      : p < 10
        ? 'from_5_to_10'
        : p < 20
          ? 'from_10_to_20'
          : 'from_20';
};

describe('what scoring wrote back on the seeded portal (SCORING §8, §10–§12)', () => {
  it('strategy_fit_competitors: the matched competitor ids, ;-joined, sorted; an unmatched value adds other', () => {
    for (const d of scored()) {
      expect([d.id, text(d.raw['strategy_fit_competitors']) ?? '']).toEqual([
        d.id,
        competitorIdsByHand(d).join(';'),
      ]);
    }
    const all = scored().flatMap(competitorIdsByHand);
    expect(new Set(all)).toEqual(
      new Set(['pipewise', 'forecastly', 'revstack', 'do-it-yourself', 'other']),
    );
  });

  it('strategy_fit_business: existing exactly when dealtype is existingbusiness; unknown counts as new', () => {
    for (const d of scored()) {
      const existing = text(d.raw['dealtype'])?.toLowerCase() === 'existingbusiness';
      expect([d.id, d.raw['strategy_fit_business']]).toEqual([d.id, existing ? 'existing' : 'new']);
    }
    expect(
      scored().filter((d) => d.raw['strategy_fit_business'] === 'existing').length,
    ).toBeGreaterThan(100);
  });

  it('offer_outside_segment: exactly the deals of a segment with offers that have a judged line item outside them', () => {
    for (const d of scored()) {
      const warned = list(d.raw['strategy_fit_warnings']).includes('offer_outside_segment');
      expect([d.id, warned]).toEqual([d.id, outsideOfferByHand(d)]);
    }
    expect(scored().filter(outsideOfferByHand).length).toBeGreaterThan(50);
  });
});

describe('the §12, §13, §15 figures of `strategy_review` = the CLI report = computed by hand', () => {
  it('is complete, read in chunks, and the CLI report (the walk in one process) has the same figures', () => {
    expect(review.completeness).toEqual({ partial: false, reasons: [] });
    expect(reviewChunks).toBeGreaterThan(3);
    expect(review).toEqual(cliReview);
  });

  it('the focus guard at the top, over the scored companies', () => {
    const tiers = records.companies.map((c) => text(c.properties['strategy_fit_tier']));
    const n = (ts: string[]) => tiers.filter((t) => t !== null && ts.includes(t)).length;
    const companies = tiers.filter((t) => t !== null).length;
    const dreamOrFit = n(['dream', 'fit']);
    const refused = n(['refused', 'off_strategy']);
    const max = strategy.focusGuard?.maxAcceptedPercent ?? 50;
    expect(review.focusGuard).toMatchObject({
      companies,
      dreamOrFit,
      refusedOrOffStrategy: refused,
      stretchOrNeedsData: n(['stretch', 'needs_data']),
      maxAcceptedPercent: max,
    });
    expect(review.focusGuard.warnings.map((w) => w.code)).toEqual([
      ...(refused === 0 ? ['refuses_nobody'] : []),
      ...(strategy.exclusions.length === 0 ? ['no_exclusions'] : []),
      ...(100 * dreamOrFit > max * companies ? ['accepts_most'] : []),
    ]);
  });

  it('the evidence window: deals closed in the last evidenceWindowDays days, and says so', () => {
    const closed = records.deals.filter((d) => d.isClosed);
    expect(review.evidenceWindow).toMatchObject({
      days: strategy.evidenceWindowDays,
      startMs: startMs(),
      closedInWindow: closed.filter(inWindow).length,
      closedWithoutDate: closed.filter((d) => d.closedAtMs === null).length,
      closedBefore: closed.filter((d) => d.closedAtMs !== null && d.closedAtMs < startMs()).length,
    });
    expect(review.evidenceWindow.note).toContain(`last ${strategy.evidenceWindowDays} days`);
    expect(closed.filter((d) => !inWindow(d)).length).toBeGreaterThan(0);
    // §9 evidence counts only the window too.
    const byTier = review.strategyEvidence.byTier.reduce((s, t) => s + t.closed, 0);
    expect(byTier).toBe(evidence().length);
  });

  it('the focus board: open focus deals by owner, unanswered dream tests by question, price and offer warnings by owner', () => {
    const byOwner = (ds: Deal[]) =>
      new Map([...groupBy(ds, (d) => d.ownerId)].map(([k, v]) => [k, totalOf(v)]));
    const board = review.focusBoard;
    const focus = open().filter((d) => text(d.raw['strategy_fit_focus']) === 'true');
    expect(totalFields(board.focusDeals)).toEqual(totalOf(focus));
    expect(new Map(board.focusDeals.byOwner.map((o) => [o.ownerId, totalFields(o)]))).toEqual(
      byOwner(focus),
    );
    const unanswered = open().filter(
      (d) =>
        (d.tier === 'dream' || d.tier === 'fit') &&
        list(d.raw['strategy_fit_open_questions']).length > 0,
    );
    expect(totalFields(board.unanswered)).toEqual(totalOf(unanswered));
    for (const q of board.unanswered.byQuestion) {
      expect(totalFields(q)).toEqual(
        totalOf(
          unanswered.filter((d) => list(d.raw['strategy_fit_open_questions']).includes(q.question)),
        ),
      );
    }
    for (const w of board.warnings) {
      const warned = open().filter((d) => list(d.raw['strategy_fit_warnings']).includes(w.warning));
      expect(totalFields(w)).toEqual(totalOf(warned));
      expect(new Map(w.byOwner.map((o) => [o.ownerId, totalFields(o)]))).toEqual(byOwner(warned));
      expect(warned.length).toBeGreaterThan(0);
    }
    expect(focus.length).toBeGreaterThan(0);
    expect(unanswered.length).toBeGreaterThan(0);
  });

  it('existing customers outside the strategy (policy retain): count, amount, by reason and owner; not in the off-strategy pipeline', () => {
    const retained = open().filter(
      (d) => d.offStrategy && d.raw['strategy_fit_business'] === 'existing',
    );
    const e = review.existingCustomers;
    expect(e.policy).toBe('retain');
    expect(totalFields(e.total)).toEqual(totalOf(retained));
    const reasonKey = (d: Deal) =>
      JSON.stringify([d.tier, d.tier === 'off_strategy' ? null : d.reason]);
    expect(
      new Map(e.byReason.map((r) => [JSON.stringify([r.tier, r.reason]), totalFields(r)])),
    ).toEqual(new Map([...groupBy(retained, reasonKey)].map(([k, v]) => [k, totalOf(v)])));
    expect(new Map(e.byOwner.map((o) => [o.ownerId, totalFields(o)]))).toEqual(
      new Map([...groupBy(retained, (d) => d.ownerId)].map(([k, v]) => [k, totalOf(v)])),
    );
    const pipeline = open().filter((d) => d.offStrategy && !retained.includes(d));
    expect(totalFields(review.offStrategyPipeline.total)).toEqual(totalOf(pipeline));
    expect(retained.length).toBeGreaterThan(5);
  });

  it('competitors: per competitor (and other) × segment over closed deals, count and win rate; open deals and amount per competitor; where we lose and to whom', () => {
    const c = review.competitors;
    const closed = evidence();
    expect(winFields(c.overall)).toEqual(win(closed));
    expect(winFields(c.withoutCompetitor)).toEqual(
      win(closed.filter((d) => competitorIdsByHand(d).length === 0)),
    );
    const ids = [...(strategy.competitors ?? []).map((x) => x.id), 'other'];
    expect(c.rows.map((r) => r.competitorId)).toEqual(ids);
    for (const row of c.rows) {
      const against = closed.filter((d) => competitorIdsByHand(d).includes(row.competitorId));
      expect(winFields(row)).toEqual(win(against));
      const cells = new Map(row.bySegment.map((s) => [s.segmentId, winFields(s)]));
      for (const [segmentId, ds] of groupBy(against, (d) => d.segmentId)) {
        expect(cells.get(segmentId)).toEqual(win(ds));
      }
      const openAgainst = open().filter((d) => competitorIdsByHand(d).includes(row.competitorId));
      expect(totalFields(row.open)).toEqual(totalOf(openAgainst));
    }
    const overall = win(closed);
    const losing = c.rows
      .filter((r) => r.closed >= 10 && r.won * overall.closed < overall.won * r.closed)
      .map((r) => r.competitorId)
      .sort();
    expect(c.whereWeLose.map((r) => r.competitorId).sort()).toEqual(losing);
    expect(losing).toContain('pipewise');
  });

  it('what customers say: the five most frequent lost reasons per segment (trimmed, case-insensitive; ties by amount, then alphabetically), count and amount; lost deals without a reason counted as such', () => {
    const lost = evidence().filter((d) => !d.isWon);
    const segments = review.customersSay.segments;
    const bySegment = groupBy(lost, (d) => d.segmentId);
    for (const s of segments) {
      const ds = bySegment.get(s.segmentId) ?? [];
      expect(totalFields(s.lost)).toEqual(totalOf(ds));
      expect(totalFields(s.withoutReason)).toEqual(
        totalOf(ds.filter((d) => text(d.raw['closed_lost_reason']) === null)),
      );
      const groups = [
        ...groupBy(
          ds.filter((d) => text(d.raw['closed_lost_reason']) !== null),
          (d) => (text(d.raw['closed_lost_reason']) ?? '').toLowerCase(),
        ),
      ]
        .map(([key, v]) => ({
          key,
          ...totalOf(v),
          spellings: v.map((d) => text(d.raw['closed_lost_reason']) ?? ''),
        }))
        .sort(
          (a, b) =>
            b.count - a.count ||
            Math.round(b.amount * 100) - Math.round(a.amount * 100) ||
            (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
        );
      expect(s.reasons.map((r) => ({ reason: r.reason, ...totalFields(r) }))).toEqual(
        groups.slice(0, 5).map((g) => ({
          reason: mostFrequent(g.spellings),
          count: g.count,
          amount: g.amount,
          withoutAmount: g.withoutAmount,
        })),
      );
      expect(s.distinctReasons).toBe(groups.length);
    }
    expect(new Set(segments.map((s) => s.segmentId))).toEqual(
      new Set([...strategy.segments.map((s) => s.id), ...bySegment.keys()]),
    );
    expect(lost.some((d) => text(d.raw['closed_lost_reason']) === null)).toBe(true);
    expect(
      lost.some((d) => d.raw['closed_lost_reason'] !== text(d.raw['closed_lost_reason'])),
    ).toBe(true);
  });

  it('price the customer accepts: win rate and count by discount band per segment', () => {
    const bands = (ds: Deal[]) =>
      new Map(
        ['under_5', 'from_5_to_10', 'from_10_to_20', 'from_20', 'unknown'].map((b) => [
          b,
          win(ds.filter((d) => bandByHand(d) === b)),
        ]),
      );
    const asMap = (rows: { band: string; closed: number; won: number; winRate: number | null }[]) =>
      new Map(rows.map((r) => [r.band, winFields(r)]));
    expect(asMap(review.discountBands.all)).toEqual(bands(evidence()));
    for (const s of review.discountBands.segments) {
      expect([s.segmentId, asMap(s.bands)]).toEqual([
        s.segmentId,
        bands(evidence().filter((d) => d.segmentId === s.segmentId)),
      ]);
    }
    expect(evidence().filter((d) => bandByHand(d) === 'from_20').length).toBeGreaterThan(0);
  });
});

describe('criterion evidence (SCORING §15) of `strategy_review` on the seeded portal', () => {
  it('= each segment criterion’s outcome on the deal’s company today, tallied by hand per outcome, with inverse / no_signal at 20 deals a side', async () => {
    const http = { baseUrl: portal.sandbox.baseUrl, token: portal.sandbox.token };
    const compiled = compileStrategy(strategy);
    const definitions = await readDefinitions(http, 'companies');
    // Each company's explained score today (refused included): its outcome per segment criterion.
    const scores = new Map(
      [...records.companyFacts].map(([id, properties]) => [
        id,
        scoreCompany(compiled, { id, properties, definitions, nowMs: NOW_MS }),
      ]),
    );
    const e = review.criterionEvidence;
    expect(e.completeness).toEqual({ partial: false, reasons: [] });

    // By hand: closed deals of the window with a company, per criterion and outcome.
    const closed = records.deals.filter(inWindow);
    const withCompany = closed.filter((d) => d.companyId !== null);
    expect([e.deals, e.withoutOutcomes]).toEqual([
      withCompany.length,
      closed.length - withCompany.length,
    ]);
    let flagged = 0;
    strategy.segments.forEach((segment, i) => {
      segment.criteria.forEach((_, j) => {
        const side = (outcome: string) =>
          win(
            withCompany.filter(
              (d) => scores.get(d.companyId ?? '')?.segments[i]?.criteria[j]?.outcome === outcome,
            ),
          );
        const [match, miss, unknown] = [side('match'), side('miss'), side('unknown')];
        const row = e.segments[i]?.criteria[j];
        expect([
          segment.id,
          j,
          row && winFields(row.match),
          row && winFields(row.miss),
          row && winFields(row.unknown),
        ]).toEqual([segment.id, j, match, miss, unknown]);
        const enough = match.closed >= 20 && miss.closed >= 20;
        const rm = match.won / match.closed;
        const rx = miss.won / miss.closed;
        const flag = !enough
          ? null
          : rm === 0 && rx === 0
            ? 'no_signal'
            : rm / rx < 0.9
              ? 'inverse'
              : rm / rx <= 1.1
                ? 'no_signal'
                : null;
        expect([segment.id, j, row?.flag]).toEqual([segment.id, j, flag]);
        if (enough) flagged += 1;
      });
    });
    expect(flagged).toBeGreaterThan(0);
    expect(e.note).toMatch(/today's data/);
  });
});

describe('the same §13/§15 figures on the review page and in the report’s four formats', () => {
  const SECTION_TITLES: Record<string, string> = {
    focus_guard: 'Focus guard',
    evidence_window: 'Evidence window',
    focus_board: 'Focus board: where the best resources should go this week',
    existing_customers: 'Existing customers outside the strategy',
    competitors: 'Competitors',
    customers_say: 'What customers say (lost reasons)',
    discount_bands: 'Price the customer accepts: win rate by discount',
    criterion_evidence: 'Criterion evidence: do we know what customers expect, or only think so?',
  };

  it('JSON ⇔ CSV ⇔ table ⇔ HTML: every row of every section carries the same numbers', () => {
    const json = JSON.parse(renderReview(cliRead, 'json')) as StrategyReview;
    expect(json).toEqual(review);
    const csv = csvValues(renderReview(cliRead, 'csv'));
    const table = renderReview(cliRead, 'table');
    const html = renderReview(cliRead, 'html');
    const rows = expectedRows(json);
    const sections = new Set(rows.map((r) => r.section));
    expect([...sections].sort()).toEqual(Object.keys(SECTION_TITLES).sort());
    for (const row of rows) {
      const where = `${row.section} ${row.group} ${row.key}`;
      for (const [metric, v] of Object.entries(row.values)) {
        expect([
          where,
          metric,
          csv.get(`${row.section}|${row.group}|${row.key}|${metric}`),
        ]).toEqual([where, metric, v === null ? '' : String(v)]);
      }
      expect([where, htmlCells(html, row)]).toEqual([where, row.texts]);
      expect([where, tableHasRow(table, SECTION_TITLES[row.section] ?? '', row.texts)]).toEqual([
        where,
        true,
      ]);
    }
    // Every section has rows with data on the seeded portal (not only zeros).
    for (const section of sections) {
      expect(
        rows.filter(
          (r) =>
            r.section === section &&
            Object.values(r.values).some((v) => typeof v === 'number' && v > 0),
        ).length,
      ).toBeGreaterThan(0);
    }
    // The focus guard at the top of the table and of the HTML report.
    expect(table.split('\n')[2]).toMatch(/Focus guard/);
    expect(html.indexOf('data-section="focus_guard_banner"')).toBeLessThan(
      html.indexOf('class="cards"'),
    );
  });

  it('the page’s view models of its merged chunks = the CLI report’s JSON = computed by hand', () => {
    const json = JSON.parse(renderReview(cliRead, 'json')) as StrategyReview;
    const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
    const wins = (w: { closed: number; winRate: number | null }) =>
      w.closed === 0 ? '—' : `${pct(w.winRate)} of ${formatNumber(w.closed)}`;
    const deals = (t: { count: number; amount: number; withoutAmount: number }) =>
      `${formatNumber(t.count)} ${t.count === 1 ? 'deal' : 'deals'} · ${pageAmount(t.amount)}${t.withoutAmount > 0 ? ` (${formatNumber(t.withoutAmount)} without an amount)` : ''}`;

    // The focus guard.
    const guard = focusGuardViewOf(pageValue);
    expect(guard.warnings.map((w) => w.message)).toEqual(
      json.focusGuard.warnings.map((w) => w.message),
    );
    expect(guard.summary).toContain(
      `${formatNumber(json.focusGuard.dreamOrFit)} of ${formatNumber(json.focusGuard.companies)} scored companies`,
    );
    const scoredCompanies = records.companies.filter(
      (c) => text(c.properties['strategy_fit_tier']) !== null,
    );
    expect(json.focusGuard.companies).toBe(scoredCompanies.length);

    // The focus board: unanswered dream tests and the warnings by owner.
    const board = focusBoardOf(pageValue);
    const unanswered = open().filter(
      (d) =>
        (d.tier === 'dream' || d.tier === 'fit') &&
        list(d.raw['strategy_fit_open_questions']).length > 0,
    );
    const group = (id: string) => board.groups.find((g) => g.id === id);
    expect(group('unanswered')?.total).toContain(deals(json.focusBoard.unanswered));
    expect(group('unanswered')?.total).toContain(deals(totalOf(unanswered)));
    for (const w of json.focusBoard.warnings) {
      const g = group(w.warning.replace(/_/g, '-'));
      expect(g?.rows.map((r) => [r.key, r.deals, r.amount])).toEqual(
        w.byOwner.map((o) => [o.ownerId ?? '', formatNumber(o.count), pageAmount(o.amount)]),
      );
      const warned = open().filter((d) => list(d.raw['strategy_fit_warnings']).includes(w.warning));
      expect(g?.total).toContain(deals(totalOf(warned)));
    }
    expect(board.existing.total).toContain(deals(json.existingCustomers.total));

    // Competitors, what customers say, discount bands.
    const market = marketOf(pageValue);
    const closed = evidence();
    expect(
      market.competitors.rows.map((r) => [
        r.key,
        r.closed,
        r.won,
        r.winRate,
        r.openDeals,
        r.openAmount,
      ]),
    ).toEqual(
      json.competitors.rows.map((r) => {
        const against = closed.filter((d) => competitorIdsByHand(d).includes(r.competitorId));
        const hand = win(against);
        expect([r.competitorId, r.closed, r.won]).toEqual([r.competitorId, hand.closed, hand.won]);
        return [
          r.competitorId,
          formatNumber(r.closed),
          formatNumber(r.won),
          pct(r.winRate),
          formatNumber(r.open.count),
          pageAmount(r.open.amount),
        ];
      }),
    );
    expect(market.competitors.whereWeLose.map((l) => l.key)).toEqual(
      json.competitors.whereWeLose.map((l) => l.competitorId),
    );
    expect(
      market.customersSay.segments.map((s) => [s.key, s.lost, s.reasons.map((x) => x.deals)]),
    ).toEqual(
      json.customersSay.segments.map((s) => [
        s.segmentId ?? '',
        deals(s.lost),
        s.reasons.map((x) => formatNumber(x.count)),
      ]),
    );
    expect(market.discountBands.rows.map((r) => r.cells)).toEqual([
      json.discountBands.all.map(wins),
      ...json.discountBands.segments.map((s) => s.bands.map(wins)),
    ]);
    expect(market.discountBands.rows[0]?.cells).toEqual(
      json.discountBands.all.map((b) => wins(win(closed.filter((d) => bandByHand(d) === b.band)))),
    );

    // Criterion evidence: each criterion's match / miss / unknown and its flag.
    const criteria = criteriaOf(pageValue);
    expect(
      criteria.segments.map((s) =>
        s.rows.map((r) => [r.match, r.miss, r.unknown, r.flag?.code ?? null]),
      ),
    ).toEqual(
      json.criterionEvidence.segments.map((s) =>
        s.criteria.map((c) => [wins(c.match), wins(c.miss), wins(c.unknown), c.flag]),
      ),
    );
    expect(criteria.note).toBe(json.criterionEvidence.note);
    expect(criteria.evidenceWindow).toBe(json.evidenceWindow.note);
  });
});
