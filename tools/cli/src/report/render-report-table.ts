// The strategy review (SCORING §9) as plain text for a terminal, readable at 100 columns.
import Table from 'cli-table3';

import {
  baselineWords,
  formatAmount,
  formatCount,
  formatDay,
  formatDays,
  formatLift,
  formatOptionalAmount,
  formatPercent,
  formatShare,
  plural,
  NONE,
  SIDE_WORDS,
  tierWords,
  truncate,
} from './format.ts';
import { additionSections } from './addition-sections.ts';
import { pipelineRows } from './pipeline-rows.ts';
import { focusGuardLines } from './focus-guard-lines.ts';
import { additionSectionText, COLUMNS, wrapText } from './render-additions-table.ts';
import type { PipelineRow } from './pipeline-rows.ts';
import { namesOf } from './report-options.ts';
import type { Names, ReportOptions } from './report-options.ts';
import type {
  Completeness,
  EvidenceStats,
  StrategyReview,
  VersionCounts,
} from '@strategy-fit/core';

/** Rows listed per deal table in the terminal; the JSON, CSV and HTML formats list more. */
const LISTED_ROWS = 10;
const NAME_WIDTH = 24;

type Cell = string | number;

/**
 * A table; `aligns` has one letter per column, l or r (default: first left, others right).
 * Without rows it says None, never a bare header.
 */
const table = (head: readonly string[], rows: readonly Cell[][], aligns?: string): string => {
  if (rows.length === 0) return `  ${NONE.rows}`;
  const t = new Table({
    head: [...head],
    style: { head: [], border: [] },
    colAligns: head.map((_, i) =>
      (aligns?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? 'left' : 'right',
    ),
  });
  for (const row of rows) t.push(row.map(String));
  return t.toString();
};

const section = (title: string, completeness: Completeness | null, body: string[]): string => {
  const partial =
    completeness?.partial === true ? [`  Partial: ${completeness.reasons.join('; ')}`] : [];
  return [title, ...partial, ...body].join('\n');
};

const share = (part: number, whole: number): string =>
  whole === 0 ? '–' : formatShare(part / whole);

const keyValues = (pairs: readonly [string, string][]): string[] =>
  pairs.map(([key, value]) => `  ${key.padEnd(28)}${value}`);

const summary = (r: StrategyReview): string[] => {
  const p = r.offStrategyPipeline;
  const open = r.totals.openDeals;
  const fitLift = r.lift.fitDeals;
  const stale = r.staleScores;
  const fn = r.falseNegatives.total;
  return keyValues([
    ['Companies', formatCount(r.totals.companies)],
    ['Open deals', `${formatCount(open.count)} (pipeline ${formatAmount(open.amount)})`],
    ['Closed deals', formatCount(r.totals.closedDeals)],
    [
      'Off strategy, unapproved',
      `${formatAmount(p.unapproved.amount)} in ${plural(p.unapproved.count, 'deal', 'deals')} (${share(p.unapproved.amount, open.amount)} of open pipeline)`,
    ],
    [
      'Approved exceptions',
      `${formatAmount(p.approved.amount)} in ${plural(p.approved.count, 'deal', 'deals')}`,
    ],
    [
      'Fit deals vs off strategy',
      fitLift.lift === null
        ? `not enough closed deals (${r.lift.minClosedDeals} needed on each side)`
        : `fit deals win ${formatLift(fitLift.lift)} as often`,
    ],
    [
      'Won off-strategy (12 mo.)',
      `${plural(fn.count, 'deal', 'deals')} (${formatAmount(fn.amount)}) from off-strategy companies`,
    ],
    [
      'Stale scores',
      `${plural(stale.companies.stale, 'company', 'companies')}, ${plural(stale.deals.stale, 'deal', 'deals')}`,
    ],
  ]);
};

const winRecord = (w: { closed: number; winRate: number | null }): string =>
  `${formatShare(w.winRate)} of ${plural(w.closed, 'closed deal', 'closed deals')}`;

const miscalibration = (r: StrategyReview): string[] => {
  const m = r.miscalibration;
  if (!m.warning) return [];
  const off = m.offStrategyAsOftenAsFit
    ? [
        '!! The strategy may be miscalibrated: off-strategy deals win at least as often as fit deals.',
        `!! Off strategy: ${winRecord(m.offStrategyDeals)}; fit: ${winRecord(m.fitDeals)}.`,
      ]
    : ['!! The strategy may be miscalibrated: dream deals win less often than other deals.'];
  const dream = m.dreamBelow.map(
    (b) =>
      `!! Dream: ${winRecord(m.dreamDeals)}; ${SIDE_WORDS[b.tier].replace(/ deals$/, '')}: ${winRecord(b)}.`,
  );
  return [...off, ...dream, ''];
};

const pipelineTable = (title: string, rows: readonly PipelineRow[]): string =>
  table(
    [title, 'Unapproved', 'Amount', 'Approved', 'Amount'],
    rows.map((row) => [
      truncate(row.label, 40),
      formatCount(row.unapproved.count),
      formatAmount(row.unapproved.amount),
      formatCount(row.approved.count),
      formatAmount(row.approved.amount),
    ]),
  );

const offStrategyPipeline = (r: StrategyReview, names: Names): string => {
  const p = r.offStrategyPipeline;
  const deals = p.deals.slice(0, LISTED_ROWS);
  const more = p.deals.length - deals.length + p.dealsOmitted;
  if (p.total.count === 0) {
    return section('Off-strategy pipeline (open deals)', p.completeness, [`  ${NONE.offStrategy}`]);
  }
  return section('Off-strategy pipeline (open deals)', p.completeness, [
    pipelineTable('Owner', pipelineRows(r, names, 'owner')),
    pipelineTable('Stage', pipelineRows(r, names, 'stage')),
    pipelineTable('Reason', pipelineRows(r, names, 'reason')),
    table(
      ['Largest deals', 'Amount', 'Owner', 'Stage', 'Exception'],
      deals.map((d) => [
        truncate(d.name ?? `Deal ${d.dealId}`, NAME_WIDTH),
        formatOptionalAmount(d.amount),
        truncate(names.owner(d.ownerId), 18),
        truncate(names.stage(d.stageId, d.stageLabel), 16),
        d.approved ? `approved to ${d.exception.expiresOn ?? '?'}` : d.exception.status,
      ]),
      'lrlll',
    ),
    ...(more > 0 ? [`  … and ${formatCount(more)} more deals`] : []),
  ]);
};

const tierDistribution = (r: StrategyReview): string => {
  const { companies, openDeals } = r.tierDistribution;
  const partial = companies.completeness.partial ? companies.completeness : openDeals.completeness;
  return section('Tier distribution', partial, [
    table(
      ['Tier', 'Companies', 'Share', 'Open deals', 'Open pipeline', 'Share'],
      companies.rows.map((row, i) => {
        const deals = openDeals.rows[i];
        return [
          tierWords(row.tier),
          formatCount(row.count),
          share(row.count, companies.total),
          formatCount(deals?.count ?? 0),
          formatAmount(deals?.amount ?? 0),
          share(deals?.amount ?? 0, openDeals.total.amount),
        ];
      }),
    ),
  ]);
};

const statsCells = (s: EvidenceStats): Cell[] => [
  formatCount(s.closed),
  formatCount(s.won),
  formatShare(s.winRate),
  formatDays(s.medianCycleDays),
  formatOptionalAmount(s.averageAmount),
  formatPercent(s.averageDiscountPercent),
];
const STATS_HEAD = ['Closed', 'Won', 'Win rate', 'Cycle', 'Avg amount', 'Discount'];

const evidence = (r: StrategyReview, names: Names): string => {
  const e = r.strategyEvidence;
  const lift = new Map(r.lift.byTier.map((t) => [t.tier, t.lift]));
  return section('Strategy evidence (closed deals)', e.completeness, [
    table(
      ['Tier', ...STATS_HEAD, 'Lift'],
      e.byTier.map((row) => [
        tierWords(row.tier),
        ...statsCells(row),
        lift.has(row.tier) ? formatLift(lift.get(row.tier) ?? null) : '',
      ]),
    ),
    table(
      ['Segment', ...STATS_HEAD],
      e.bySegment.map((row) => [
        truncate(names.segment(row.segmentId, row.name), NAME_WIDTH),
        ...statsCells(row),
      ]),
    ),
    '  Cycle: median days from create to close. Lift: win rate ÷ the off-strategy win rate',
    `  (${baselineWords(r.lift.baseline)}), shown where both sides have ${r.lift.minClosedDeals}+ closed deals.`,
    ...(e.unscoredClosed > 0
      ? [`  ${formatCount(e.unscoredClosed)} closed deals were never scored and are not counted.`]
      : []),
  ]);
};

const falseNegatives = (r: StrategyReview): string => {
  const f = r.falseNegatives;
  const deals = f.deals.slice(0, LISTED_ROWS);
  const more = f.deals.length - deals.length + f.dealsOmitted;
  return section('Won deals from off-strategy companies (last 12 months)', f.completeness, [
    deals.length === 0
      ? '  None.'
      : table(
          ['Deal', 'Company', 'Company tier', 'Amount', 'Closed'],
          deals.map((d) => [
            truncate(d.dealName ?? `Deal ${d.dealId}`, 22),
            truncate(d.companyName ?? (d.companyId === null ? '–' : `Company ${d.companyId}`), 20),
            tierWords(d.companyTier),
            formatOptionalAmount(d.amount),
            formatDay(d.closedAtMs),
          ]),
          'lllrr',
        ),
    ...(more > 0 ? [`  … and ${formatCount(more)} more deals`] : []),
    ...(f.withoutCloseDate > 0
      ? [`  ${formatCount(f.withoutCloseDate)} more won deals have no close date.`]
      : []),
  ]);
};

const dreamCapacity = (r: StrategyReview, names: Names): string => {
  const d = r.dreamCapacity;
  const cap = d.capPerOwner === null ? 'no cap set' : `cap ${d.capPerOwner} per owner`;
  if (d.owners.length === 0)
    return section(`Dream capacity (${cap})`, d.completeness, [`  ${NONE.owners}`]);
  return section(`Dream capacity (${cap})`, d.completeness, [
    table(
      ['Owner', 'Scored', 'Dream', 'Dream share', 'Flag'],
      d.owners.map((o) => [
        truncate(names.owner(o.ownerId), NAME_WIDTH),
        formatCount(o.scoredAccounts),
        formatCount(o.dreamAccounts),
        formatShare(o.dreamShare),
        [o.overCap ? 'over cap' : '', o.noFocus ? 'no focus' : ''].filter(Boolean).join(', '),
      ]),
      'lrrrl',
    ),
  ]);
};

const versionCells = (label: string, c: VersionCounts): Cell[] => [
  label,
  ...[c.total, c.stale, c.older, c.missingVersion, c.current].map(formatCount),
];

const staleScores = (r: StrategyReview): string => {
  const s = r.staleScores;
  return section(`Stale scores (published version ${s.publishedVersion})`, s.completeness, [
    table(
      ['Records', 'Total', 'Stale', 'Older version', 'No version', 'Current'],
      [versionCells('Companies', s.companies), versionCells('Deals', s.deals)],
    ),
  ]);
};

/**
 * The strategy review as terminal text: summary, warnings, then one table per figure.
 *
 * @example
 * process.stdout.write(renderReportTable(review, { strategyName: 'B2B SaaS 2026' }));
 */
export const renderReportTable = (review: StrategyReview, options: ReportOptions): string => {
  const names = namesOf(review, options);
  const additions = additionSections(review, names);
  const partial = review.completeness.partial
    ? [`Partial figures: ${review.completeness.reasons.join('; ')}`, '']
    : [];
  return `${[
    `Strategy review: ${options.strategyName} (version ${review.publishedVersion}, ${formatDay(review.nowMs)})`,
    '',
    ...partial,
    ...focusGuardLines(review.focusGuard).flatMap((l) =>
      wrapText(l, COLUMNS, l.startsWith('  ') ? '  ' : ''),
    ),
    '',
    ...miscalibration(review),
    section('Summary', null, summary(review)),
    '',
    tierDistribution(review),
    '',
    offStrategyPipeline(review, names),
    '',
    evidence(review, names),
    '',
    falseNegatives(review),
    '',
    dreamCapacity(review, names),
    '',
    staleScores(review),
    ...additions.flatMap((s) => ['', additionSectionText(s)]),
  ].join('\n')}\n`;
};
