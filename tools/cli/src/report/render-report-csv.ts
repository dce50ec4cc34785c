// The strategy review as one tidy CSV (RFC 4180): section,group,key,metric,value.
import { additionSections } from './addition-sections.ts';
import { formatDay } from './format.ts';
import { additionCsvRows } from './render-additions-csv.ts';
import { reasonLabel } from './pipeline-rows.ts';
import { namesOf } from './report-options.ts';
import type { Names, ReportOptions } from './report-options.ts';
import type {
  AmountTotal,
  Completeness,
  EvidenceStats,
  PipelineSplit,
  StrategyReview,
  VersionCounts,
  WinRecord,
} from '@strategy-fit/core';

type Value = string | number | boolean | null;
type Row = readonly [section: string, group: string, key: string, metric: string, value: Value];

/** Spreadsheets run text starting with these as a formula; such text gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

const field = (value: Value, isText: boolean): string => {
  let text = value === null ? '' : String(value);
  if (isText && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const line = (row: Row): string =>
  row.map((v, i) => field(v, i < 4 || typeof v === 'string')).join(',');

/** Rows of one record: every metric of `values` under one section, group and key. */
const metrics = (
  section: string,
  group: string,
  key: string | null,
  values: Readonly<Record<string, Value>>,
): Row[] => Object.entries(values).map(([metric, v]) => [section, group, key ?? '', metric, v]);

const completeness = (section: string, c: Completeness, group = 'completeness'): Row[] => [
  [section, group, '', 'partial', c.partial],
  ...c.reasons.map((reason): Row => [section, group, '', 'partial_reason', reason]),
];

const amounts = (t: AmountTotal) => ({
  count: t.count,
  amount: t.amount,
  without_amount: t.withoutAmount,
});

const stats = (s: EvidenceStats) => ({
  closed: s.closed,
  won: s.won,
  win_rate: s.winRate,
  median_cycle_days: s.medianCycleDays,
  cycle_known: s.cycleKnown,
  average_amount: s.averageAmount,
  amount_known: s.amountKnown,
  average_discount_percent: s.averageDiscountPercent,
  discount_known: s.discountKnown,
});

const wins = (w: WinRecord) => ({ closed: w.closed, won: w.won, win_rate: w.winRate });

const versions = (v: VersionCounts) => ({
  total: v.total,
  stale: v.stale,
  current: v.current,
  older: v.older,
  missing_version: v.missingVersion,
  newer: v.newer,
});

const tierKey = (tier: string | null): string => tier ?? 'unscored';

const split = (side: string, s: PipelineSplit, names: Names): Row[] => {
  const S = 'off_strategy_pipeline';
  return [
    ...metrics(S, side, null, amounts(s)),
    ...s.byOwner.flatMap((o) =>
      metrics(S, `${side}_by_owner`, o.ownerId, { label: names.owner(o.ownerId), ...amounts(o) }),
    ),
    ...s.byStage.flatMap((st) =>
      metrics(S, `${side}_by_stage`, `${st.pipelineId ?? ''}:${st.stageId ?? ''}`, {
        label: names.stage(st.stageId, st.stageLabel),
        ...amounts(st),
      }),
    ),
    ...s.byReason.flatMap((r) =>
      metrics(S, `${side}_by_reason`, `${r.tier ?? ''}:${r.reason ?? ''}`, {
        label: reasonLabel(r),
        ...amounts(r),
      }),
    ),
  ];
};

const pipelineRows = (r: StrategyReview, names: Names): Row[] => {
  const p = r.offStrategyPipeline;
  const S = 'off_strategy_pipeline';
  return [
    ...completeness(S, p.completeness),
    ...metrics(S, 'total', null, amounts(p.total)),
    ...split('unapproved', p.unapproved, names),
    ...split('approved', p.approved, names),
    ...p.deals.flatMap((d) =>
      metrics(S, 'deals', d.dealId, {
        name: d.name,
        amount: d.amount,
        owner_id: d.ownerId,
        pipeline_id: d.pipelineId,
        stage_id: d.stageId,
        stage: names.stage(d.stageId, d.stageLabel),
        tier: d.tier,
        reason: d.reason,
        approved: d.approved,
        exception_status: d.exception.status,
        exception_expires_on: d.exception.expiresOn,
        company_id: d.companyId,
      }),
    ),
    [S, 'deals', '', 'omitted', p.dealsOmitted],
  ];
};

const distributionRows = (r: StrategyReview): Row[] => {
  const t = r.tierDistribution;
  const S = 'tier_distribution';
  return [
    ...completeness(S, t.companies.completeness, 'companies_completeness'),
    ...t.companies.rows.map((row): Row => [S, 'companies', tierKey(row.tier), 'count', row.count]),
    [S, 'companies', 'total', 'count', t.companies.total],
    ...completeness(S, t.openDeals.completeness, 'open_deals_completeness'),
    ...t.openDeals.rows.flatMap((row) => metrics(S, 'open_deals', tierKey(row.tier), amounts(row))),
    ...metrics(S, 'open_deals', 'total', amounts(t.openDeals.total)),
  ];
};

const evidenceRows = (r: StrategyReview, names: Names): Row[] => {
  const e = r.strategyEvidence;
  const S = 'strategy_evidence';
  return [
    ...completeness(S, e.completeness),
    ...e.byTier.flatMap((row) => metrics(S, 'by_tier', row.tier, stats(row))),
    ...e.bySegment.flatMap((row) =>
      metrics(S, 'by_segment', row.segmentId, {
        label: names.segment(row.segmentId, row.name),
        ...stats(row),
      }),
    ),
    ...metrics(S, 'fit_deals', null, stats(e.fitDeals)),
    ...metrics(S, 'off_strategy_deals', null, stats(e.offStrategyDeals)),
    [S, 'unscored', '', 'closed', e.unscoredClosed],
  ];
};

const comparisonRows = (r: StrategyReview): Row[] => {
  const m = r.miscalibration;
  const l = r.lift;
  return [
    ...completeness('miscalibration', m.completeness),
    ...metrics('miscalibration', 'result', null, {
      status: m.status,
      warning: m.warning,
      min_closed_deals: m.minClosedDeals,
      off_strategy_as_often_as_fit: m.offStrategyAsOftenAsFit,
    }),
    ...metrics('miscalibration', 'fit_deals', null, wins(m.fitDeals)),
    ...metrics('miscalibration', 'off_strategy_deals', null, wins(m.offStrategyDeals)),
    ...metrics('miscalibration', 'dream_deals', null, wins(m.dreamDeals)),
    ...m.dreamBelow.flatMap((b) => metrics('miscalibration', 'dream_below', b.tier, wins(b))),
    ...completeness('lift', l.completeness),
    ...metrics('lift', 'baseline', null, {
      ...wins(l.baseline),
      min_closed_deals: l.minClosedDeals,
    }),
    ...metrics('lift', 'fit_deals', null, {
      ...wins(l.fitDeals),
      lift: l.fitDeals.lift,
      unavailable: l.fitDeals.unavailable,
    }),
    ...l.byTier.flatMap((t) =>
      metrics('lift', 'by_tier', t.tier, { ...wins(t), lift: t.lift, unavailable: t.unavailable }),
    ),
  ];
};

const falseNegativeRows = (r: StrategyReview, names: Names): Row[] => {
  const f = r.falseNegatives;
  const S = 'false_negatives';
  return [
    ...completeness(S, f.completeness),
    ...metrics(S, 'total', null, {
      ...amounts(f.total),
      window_start: formatDay(f.windowStartMs),
      without_close_date: f.withoutCloseDate,
    }),
    ...f.deals.flatMap((d) =>
      metrics(S, 'deals', d.dealId, {
        deal_name: d.dealName,
        amount: d.amount,
        closed_on: formatDay(d.closedAtMs),
        owner_id: d.ownerId,
        owner: names.owner(d.ownerId),
        company_id: d.companyId,
        company_name: d.companyName,
        company_tier: d.companyTier,
        deal_tier: d.dealTier,
      }),
    ),
    [S, 'deals', '', 'omitted', f.dealsOmitted],
  ];
};

const capacityRows = (r: StrategyReview, names: Names): Row[] => {
  const d = r.dreamCapacity;
  const S = 'dream_capacity';
  return [
    ...completeness(S, d.completeness),
    ...metrics(S, 'result', null, {
      cap_per_owner: d.capPerOwner,
      owners_over_cap: d.ownersOverCap,
      owners_without_focus: d.ownersWithoutFocus,
    }),
    ...d.owners.flatMap((o) =>
      metrics(S, 'owners', o.ownerId, {
        label: names.owner(o.ownerId),
        scored_accounts: o.scoredAccounts,
        dream_accounts: o.dreamAccounts,
        dream_share: o.dreamShare,
        over_cap: o.overCap,
        no_focus: o.noFocus,
      }),
    ),
  ];
};

const staleRows = (r: StrategyReview): Row[] => {
  const s = r.staleScores;
  return [
    ...completeness('stale_scores', s.completeness),
    ['stale_scores', 'result', '', 'published_version', s.publishedVersion],
    ...metrics('stale_scores', 'companies', null, versions(s.companies)),
    ...metrics('stale_scores', 'deals', null, versions(s.deals)),
  ];
};

/**
 * The strategy review as one tidy CSV: a header, then one `section,group,key,metric,value` row per
 * figure. Keys are ids (empty for none); `label` rows carry the names. Lines end with CRLF.
 */
export const renderReportCsv = (
  review: StrategyReview,
  options: Partial<ReportOptions> = {},
): string => {
  const names = namesOf(review, options);
  const rows: Row[] = [
    ...metrics('summary', 'review', null, {
      strategy_name: options.strategyName ?? review.strategyName,
      published_version: review.publishedVersion,
      as_of: formatDay(review.nowMs),
    }),
    ...completeness('summary', review.completeness),
    ...metrics('summary', 'totals', null, {
      companies: review.totals.companies,
      deals: review.totals.deals,
      open_deals: review.totals.openDeals.count,
      open_amount: review.totals.openDeals.amount,
      open_without_amount: review.totals.openDeals.withoutAmount,
      closed_deals: review.totals.closedDeals,
    }),
    ...pipelineRows(review, names),
    ...distributionRows(review),
    ...evidenceRows(review, names),
    ...comparisonRows(review),
    ...falseNegativeRows(review, names),
    ...capacityRows(review, names),
    ...staleRows(review),
    ...additionSections(review, names).flatMap(additionCsvRows),
  ];
  const header = 'section,group,key,metric,value';
  return `${[header, ...rows.map(line)].join('\r\n')}\r\n`;
};
