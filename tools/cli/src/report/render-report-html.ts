// The strategy review as ONE self-contained HTML file: inline CSS, inline SVG, no script, no
// external resource. Every string from the review or the options is escaped.
import type { Tier } from '@strategy-fit/core';

import {
  baselineWords,
  formatAmount,
  formatCompactAmount,
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
} from './format.ts';
import { additionSections } from './addition-sections.ts';
import { barChart, escapeHtml as esc, legend } from './html-charts.ts';
import type { BarRow } from './html-charts.ts';
import { pipelineRows } from './pipeline-rows.ts';
import { additionSectionHtml, focusGuardBanner } from './render-additions-html.ts';
import type { PipelineRow } from './pipeline-rows.ts';
import { namesOf } from './report-options.ts';
import type { Names, ReportOptions } from './report-options.ts';
import type { Completeness, EvidenceStats, StrategyReview } from '@strategy-fit/core';

export type HtmlReportOptions = ReportOptions & {
  /**
   * The HubSpot record page of a company or deal, e.g. built from the portal id and its app host.
   * Only `https:` URLs are linked; without it, nothing is linked.
   */
  recordUrl?: (objectType: 'company' | 'deal', id: string) => string;
};

const LISTED_ROWS = 25;
const CHART_ROWS = 12;

const TIER_COLORS: Record<Tier | 'unscored', string> = {
  dream: '#6d28d9',
  fit: '#15803d',
  stretch: '#65a30d',
  needs_data: '#ca8a04',
  off_strategy: '#dc2626',
  refused: '#7f1d1d',
  unscored: '#9ca3af',
};
const UNAPPROVED = '#dc2626';
const APPROVED = '#f59e0b';
const NEUTRAL = '#2563eb';

const tierColor = (tier: Tier | null): string => TIER_COLORS[tier ?? 'unscored'];

const CSS = `
:root{--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#f9fafb;--bad:#b91c1c;--warn:#b45309}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:1080px;margin:0 auto;padding:28px 20px 48px}
h1{font-size:26px;margin:0}
h2{font-size:19px;margin:0 0 4px}
.sub,.hint{color:var(--muted);margin:4px 0 14px}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:18px 0}
.guard .chart{margin-top:8px}
.note table,.alert table{background:#fff}
.alert{background:#fef2f2;border:2px solid var(--bad);color:var(--bad);border-radius:10px;padding:14px 18px;margin:18px 0;font-size:16px}
.note{background:#fffbeb;border:1px solid #fcd34d;color:var(--warn);border-radius:10px;padding:10px 16px;margin:18px 0}
.badge{display:inline-block;font-size:12px;font-weight:600;color:var(--warn);background:#fef3c7;border-radius:999px;padding:1px 8px;margin-left:8px;vertical-align:middle}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;background:none;border:0;padding:0}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card .big{font-size:26px;font-weight:700;line-height:1.2}
.card .what{color:var(--muted);font-size:13px}
.card.bad .big{color:var(--bad)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px}
.chart{display:block;max-width:100%;height:auto;font-size:13px}
.chart .label{fill:var(--ink)}
.chart .label.flag{fill:var(--bad);font-weight:700}
.chart .value{fill:var(--muted)}
.chart .track{fill:#f3f4f6}
.chart .cap{stroke:var(--bad);stroke-width:2;stroke-dasharray:5 4}
.chart .cap-label{fill:var(--bad);font-size:12px}
.legend{display:flex;gap:16px;flex-wrap:wrap;color:var(--muted);font-size:13px;margin:6px 0 0}
table{border-collapse:collapse;width:100%;font-size:14px;margin-top:10px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
@media (min-width:900px){td.num{white-space:nowrap}}
tr.flag td{color:var(--bad)}
footer{color:var(--muted);font-size:13px}
a{color:#1d4ed8}
`;

type Ctx = { review: StrategyReview; names: Names; options: HtmlReportOptions };

const linkTo = (ctx: Ctx, objectType: 'company' | 'deal', id: string | null, text: string) => {
  const url = id === null ? null : (ctx.options.recordUrl?.(objectType, id) ?? null);
  return url !== null && /^https:\/\/[^\s"'<>]+$/.test(url)
    ? `<a href="${esc(url)}">${esc(text)}</a>`
    : esc(text);
};

const partialBadge = (c: Completeness): string =>
  c.partial ? `<span class="badge" title="${esc(c.reasons.join('; '))}">partial</span>` : '';

const section = (title: string, c: Completeness | null, hint: string, body: string): string =>
  `<section><h2>${esc(title)}${c === null ? '' : partialBadge(c)}</h2><p class="hint">${esc(hint)}</p>${body}</section>`;

type Column = { head: string; num?: boolean };
/** A table; without rows it says None, never a bare header. */
const htmlTable = (
  columns: readonly Column[],
  rows: readonly { cells: readonly string[]; flag?: boolean }[],
) =>
  rows.length === 0
    ? `<p>${esc(NONE.rows)}</p>`
    : `<table><thead><tr>${columns.map((c) => `<th${c.num === true ? ' class="num"' : ''}>${esc(c.head)}</th>`).join('')}</tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr${r.flag === true ? ' class="flag"' : ''}>${r.cells.map((cell, i) => `<td${columns[i]?.num === true ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`;

const share = (part: number, whole: number): string =>
  whole === 0 ? '–' : formatShare(part / whole);

const card = (big: string, what: string, bad = false): string =>
  `<div class="card${bad ? ' bad' : ''}"><div class="big">${esc(big)}</div><div class="what">${esc(what)}</div></div>`;

const headline = ({ review: r }: Ctx): string => {
  const p = r.offStrategyPipeline;
  const open = r.totals.openDeals;
  const lift = r.lift.fitDeals;
  const fn = r.falseNegatives.total;
  const stale = r.staleScores.companies.stale + r.staleScores.deals.stale;
  return `<section class="cards">${[
    card(
      formatCompactAmount(open.amount),
      `open pipeline in ${plural(open.count, 'deal', 'deals')}`,
    ),
    card(
      formatCompactAmount(p.unapproved.amount),
      `off strategy, unapproved: ${plural(p.unapproved.count, 'deal', 'deals')}, ${share(p.unapproved.amount, open.amount)} of open pipeline`,
      p.unapproved.count > 0,
    ),
    card(
      formatCompactAmount(p.approved.amount),
      `approved exceptions: ${plural(p.approved.count, 'deal', 'deals')}`,
    ),
    lift.lift === null
      ? card('–', `fit vs off-strategy win rate: needs ${r.lift.minClosedDeals} closed deals each`)
      : card(formatLift(lift.lift), 'fit deals win this many times as often as off-strategy deals'),
    card(
      formatCount(fn.count),
      `won deals from off-strategy companies in 12 months (${formatCompactAmount(fn.amount)})`,
      fn.count > 0,
    ),
    card(formatCount(stale), 'records with a stale or missing score version', stale > 0),
  ].join('')}</section>`;
};

const alerts = ({ review: r }: Ctx): string => {
  const m = r.miscalibration;
  const out: string[] = [];
  if (m.warning) {
    const findings = [
      ...(m.offStrategyAsOftenAsFit
        ? [
            `Off-strategy deals win ${formatShare(m.offStrategyDeals.winRate)} of ${formatCount(m.offStrategyDeals.closed)} closed deals, fit deals only ${formatShare(m.fitDeals.winRate)} of ${formatCount(m.fitDeals.closed)}.`,
          ]
        : []),
      ...m.dreamBelow.map(
        (b) =>
          `Dream deals win only ${formatShare(m.dreamDeals.winRate)} of ${formatCount(m.dreamDeals.closed)} closed deals, less often than ${SIDE_WORDS[b.tier]} (${formatShare(b.winRate)} of ${formatCount(b.closed)}).`,
      ),
    ];
    out.push(
      `<div class="alert" role="alert"><strong>The strategy may be miscalibrated.</strong> ${esc(findings.join(' '))} Revisit the segments and exclusions before trusting the tiers.</div>`,
    );
  }
  if (r.completeness.partial) {
    out.push(
      `<div class="note"><strong>Some figures are partial:</strong> ${esc(r.completeness.reasons.join('; '))}</div>`,
    );
  }
  return out.join('');
};

const distribution = ({ review: r }: Ctx): string => {
  const { companies, openDeals } = r.tierDistribution;
  const companyRows: BarRow[] = companies.rows.map((row) => ({
    label: tierWords(row.tier),
    parts: [{ value: row.count, color: tierColor(row.tier), title: `${formatCount(row.count)}` }],
    text: `${formatCount(row.count)} · ${share(row.count, companies.total)}`,
  }));
  const dealRows: BarRow[] = openDeals.rows.map((row) => ({
    label: tierWords(row.tier),
    parts: [{ value: row.amount, color: tierColor(row.tier), title: formatAmount(row.amount) }],
    text: `${formatCompactAmount(row.amount)} · ${plural(row.count, 'deal', 'deals')}`,
  }));
  return `<section><h2>Where the portfolio stands</h2><p class="hint">Companies and open pipeline per tier.</p><div class="grid2"><div><h3>Companies${partialBadge(companies.completeness)}</h3>${barChart({ title: 'Companies per tier', rows: companyRows, width: 520, valueWidth: 110 })}</div><div><h3>Open pipeline${partialBadge(openDeals.completeness)}</h3>${barChart({ title: 'Open pipeline per tier', rows: dealRows, width: 520, valueWidth: 130 })}</div></div></section>`;
};

const statsCells = (s: EvidenceStats): string[] =>
  [
    formatCount(s.closed),
    formatCount(s.won),
    formatShare(s.winRate),
    formatDays(s.medianCycleDays),
    formatOptionalAmount(s.averageAmount),
    s.discountKnown === 0
      ? '–'
      : `${formatPercent(s.averageDiscountPercent)} (${formatCount(s.discountKnown)})`,
  ].map(esc);

const STATS_COLUMNS: Column[] = [
  { head: 'Closed', num: true },
  { head: 'Won', num: true },
  { head: 'Win rate', num: true },
  { head: 'Median cycle', num: true },
  { head: 'Avg amount', num: true },
  { head: 'Avg discount (deals)', num: true },
];

const evidence = (ctx: Ctx): string => {
  const r = ctx.review;
  const e = r.strategyEvidence;
  const lift = new Map(r.lift.byTier.map((t) => [t.tier, t]));
  const rows: BarRow[] = e.byTier.map((row) => {
    const l = lift.get(row.tier)?.lift ?? null;
    return {
      label: tierWords(row.tier),
      parts: [
        { value: row.winRate ?? 0, color: tierColor(row.tier), title: formatShare(row.winRate) },
      ],
      text:
        row.closed === 0
          ? 'no closed deals'
          : `${formatShare(row.winRate)} of ${formatCount(row.closed)}${l === null ? '' : ` · lift ${formatLift(l)}`}`,
    };
  });
  const baseline = r.lift.baseline;
  const chart = barChart({
    title: 'Win rate per tier',
    rows,
    max: 1,
    ...(baseline.winRate === null
      ? {}
      : {
          marker: {
            value: baseline.winRate,
            label: `off strategy ${formatShare(baseline.winRate)}`,
          },
        }),
  });
  const tierTable = htmlTable(
    [{ head: 'Tier' }, ...STATS_COLUMNS, { head: 'Lift', num: true }],
    e.byTier.map((row) => ({
      cells: [
        esc(tierWords(row.tier)),
        ...statsCells(row),
        esc(lift.has(row.tier) ? formatLift(lift.get(row.tier)?.lift ?? null) : ''),
      ],
    })),
  );
  const segmentTable = htmlTable(
    [{ head: 'Segment' }, ...STATS_COLUMNS],
    e.bySegment.map((row) => ({
      cells: [esc(ctx.names.segment(row.segmentId, row.name)), ...statsCells(row)],
    })),
  );
  const unscored =
    e.unscoredClosed > 0
      ? `<p class="hint">${esc(formatCount(e.unscoredClosed))} closed deals were never scored and are not counted.</p>`
      : '';
  return section(
    'Does the strategy win?',
    e.completeness,
    `Closed deals. Lift = win rate ÷ the off-strategy win rate (${baselineWords(baseline)}), shown where both sides have at least ${r.lift.minClosedDeals} closed deals.`,
    `${chart}${tierTable}<h3>Per segment</h3>${segmentTable}${unscored}`,
  );
};

const ownerChartRows = (rows: readonly PipelineRow[]): BarRow[] => {
  const shown = rows.slice(0, CHART_ROWS);
  const rest = rows.slice(CHART_ROWS);
  const sum = (list: readonly PipelineRow[], side: 'unapproved' | 'approved') =>
    list.reduce((t, r) => ({ count: t.count + r[side].count, amount: t.amount + r[side].amount }), {
      count: 0,
      amount: 0,
    });
  const others =
    rest.length === 0
      ? []
      : [
          {
            label: `${formatCount(rest.length)} more owners`,
            unapproved: { ...sum(rest, 'unapproved'), withoutAmount: 0 },
            approved: { ...sum(rest, 'approved'), withoutAmount: 0 },
          },
        ];
  return [...shown, ...others].map((row) => ({
    label: row.label,
    parts: [
      {
        value: row.unapproved.amount,
        color: UNAPPROVED,
        title: `Unapproved: ${formatAmount(row.unapproved.amount)} in ${plural(row.unapproved.count, 'deal', 'deals')}`,
      },
      {
        value: row.approved.amount,
        color: APPROVED,
        title: `Approved exceptions: ${formatAmount(row.approved.amount)} in ${plural(row.approved.count, 'deal', 'deals')}`,
      },
    ],
    text: `${formatCompactAmount(row.unapproved.amount)} unapproved (${formatCount(row.unapproved.count)}) · ${formatCompactAmount(row.approved.amount)} approved (${formatCount(row.approved.count)})`,
  }));
};

const pipelineTable = (title: string, rows: readonly PipelineRow[]): string =>
  htmlTable(
    [
      { head: title },
      { head: 'Unapproved deals', num: true },
      { head: 'Unapproved amount', num: true },
      { head: 'Approved deals', num: true },
      { head: 'Approved amount', num: true },
    ],
    rows.map((row) => ({
      cells: [
        esc(row.label),
        esc(formatCount(row.unapproved.count)),
        esc(formatAmount(row.unapproved.amount)),
        esc(formatCount(row.approved.count)),
        esc(formatAmount(row.approved.amount)),
      ],
    })),
  );

const offStrategy = (ctx: Ctx): string => {
  const p = ctx.review.offStrategyPipeline;
  const owners = pipelineRows(ctx.review, ctx.names, 'owner');
  const body =
    p.total.count === 0
      ? `<p>${esc(NONE.offStrategy)}</p>`
      : `${barChart({ title: 'Off-strategy pipeline by owner', rows: ownerChartRows(owners), width: 800, valueWidth: 240 })}${legend(
          [
            { color: UNAPPROVED, label: 'Unapproved' },
            { color: APPROVED, label: 'Approved exceptions' },
          ],
        )}<h3>By reason</h3>${pipelineTable('Reason', pipelineRows(ctx.review, ctx.names, 'reason'))}<h3>By stage</h3>${pipelineTable('Stage', pipelineRows(ctx.review, ctx.names, 'stage'))}`;
  return section(
    'Off-strategy pipeline',
    p.completeness,
    'Open deals of off-strategy or refused companies. An approved, unexpired exception counts as approved; an expired one as unapproved again.',
    body,
  );
};

const offStrategyDeals = (ctx: Ctx): string => {
  const p = ctx.review.offStrategyPipeline;
  if (p.deals.length === 0) return '';
  const deals = p.deals.slice(0, LISTED_ROWS);
  const more = p.deals.length - deals.length + p.dealsOmitted;
  return section(
    'Largest off-strategy deals',
    p.completeness,
    more > 0 ? `The ${deals.length} largest; ${formatCount(more)} more are counted above.` : '',
    htmlTable(
      [
        { head: 'Deal' },
        { head: 'Amount', num: true },
        { head: 'Owner' },
        { head: 'Stage' },
        { head: 'Why' },
        { head: 'Exception' },
      ],
      deals.map((d) => ({
        flag: !d.approved,
        cells: [
          linkTo(ctx, 'deal', d.dealId, d.name ?? `Deal ${d.dealId}`),
          esc(formatOptionalAmount(d.amount)),
          esc(ctx.names.owner(d.ownerId)),
          esc(ctx.names.stage(d.stageId, d.stageLabel)),
          esc(d.reason ?? tierWords(d.tier)),
          esc(
            d.approved
              ? `approved until ${d.exception.expiresOn ?? '?'}`
              : d.exception.expired
                ? 'approval expired'
                : d.exception.status === 'none'
                  ? 'none'
                  : d.exception.status,
          ),
        ],
      })),
    ),
  );
};

const capacity = (ctx: Ctx): string => {
  const d = ctx.review.dreamCapacity;
  const cap = d.capPerOwner;
  const owners = d.owners.filter((o) => o.ownerId !== null).slice(0, CHART_ROWS * 2);
  const rows: BarRow[] = owners.map((o) => ({
    label: ctx.names.owner(o.ownerId),
    flag: o.overCap || o.noFocus,
    parts: [
      {
        value: o.dreamAccounts,
        color: o.overCap ? UNAPPROVED : TIER_COLORS.dream,
        title: `${formatCount(o.dreamAccounts)} dream of ${formatCount(o.scoredAccounts)} scored`,
      },
    ],
    text: `${formatCount(o.dreamAccounts)} of ${formatCount(o.scoredAccounts)} (${formatShare(o.dreamShare)})${o.overCap ? ' · over cap' : ''}${o.noFocus ? ' · no focus' : ''}`,
  }));
  const hint =
    cap === null
      ? 'Dream-tier companies per owner. No cap is set (dreamCapacityPerOwner). If every second account is a dream, there is no focus.'
      : `Dream-tier companies per owner against the cap of ${cap}. If every second account is a dream, there is no focus.`;
  const chart =
    rows.length === 0
      ? `<p>${esc(NONE.owners)}</p>`
      : barChart({
          title: 'Dream accounts per owner',
          rows,
          valueWidth: 230,
          ...(cap === null ? {} : { marker: { value: cap, label: `cap ${cap}` } }),
        });
  const summary = `<p>${esc(plural(d.ownersOverCap, 'owner', 'owners'))} over the cap · ${esc(plural(d.ownersWithoutFocus, 'owner', 'owners'))} with half or more of their scored accounts in dream.</p>`;
  return section('Dream capacity', d.completeness, hint, `${chart}${summary}`);
};

const falseNegatives = (ctx: Ctx): string => {
  const f = ctx.review.falseNegatives;
  const deals = f.deals.slice(0, LISTED_ROWS);
  const more = f.deals.length - deals.length + f.dealsOmitted;
  const list =
    deals.length === 0
      ? '<p>None: no won deal of the last 12 months came from a company the strategy now rejects.</p>'
      : htmlTable(
          [
            { head: 'Deal' },
            { head: 'Amount', num: true },
            { head: 'Closed' },
            { head: 'Company' },
            { head: 'Company today' },
          ],
          deals.map((d) => ({
            cells: [
              linkTo(ctx, 'deal', d.dealId, d.dealName ?? `Deal ${d.dealId}`),
              esc(formatOptionalAmount(d.amount)),
              esc(formatDay(d.closedAtMs)),
              d.companyId === null
                ? '–'
                : linkTo(ctx, 'company', d.companyId, d.companyName ?? `Company ${d.companyId}`),
              esc(tierWords(d.companyTier)),
            ],
          })),
        );
  const notes = [
    more > 0 ? `${formatCount(more)} more deals are counted but not listed.` : '',
    f.withoutCloseDate > 0
      ? `${plural(f.withoutCloseDate, 'won deal has', 'won deals have')} no close date.`
      : '',
  ].filter(Boolean);
  return section(
    'Won deals the strategy would turn away',
    f.completeness,
    `${plural(f.total.count, 'won deal', 'won deals')} (${formatAmount(f.total.amount)}) since ${formatDay(f.windowStartMs)} from companies that are off strategy or refused today: a prompt to revisit the strategy rather than trust it blindly.`,
    `${list}${notes.length === 0 ? '' : `<p class="hint">${esc(notes.join(' '))}</p>`}`,
  );
};

const stale = ({ review: r }: Ctx): string => {
  const s = r.staleScores;
  const rows: BarRow[] = (
    [
      ['Companies', s.companies],
      ['Deals', s.deals],
    ] as const
  ).map(([label, c]) => ({
    label,
    parts: [
      { value: c.current + c.newer, color: NEUTRAL, title: `${formatCount(c.current)} current` },
      { value: c.older, color: APPROVED, title: `${formatCount(c.older)} older version` },
      {
        value: c.missingVersion,
        color: UNAPPROVED,
        title: `${formatCount(c.missingVersion)} no version`,
      },
    ],
    text: `${formatCount(c.stale)} of ${formatCount(c.total)} stale`,
  }));
  return section(
    'Stale scores',
    s.completeness,
    `Records still scored by a version older than the published version ${s.publishedVersion}, or never scored. Rescore them with: strategy-fit score --stale-only`,
    `${barChart({ title: 'Score versions', rows })}${legend([
      { color: NEUTRAL, label: 'Current' },
      { color: APPROVED, label: 'Older version' },
      { color: UNAPPROVED, label: 'No version' },
    ])}`,
  );
};

/**
 * The strategy review as one self-contained HTML page with charts a manager would rather look at
 * than read: headline numbers, tiers, win rates and lift, off-strategy pipeline, dream capacity.
 *
 * @example
 * await writeFile('strategy-review.html', renderReportHtml(review, { strategyName }));
 */
export const renderReportHtml = (review: StrategyReview, options: HtmlReportOptions): string => {
  const ctx: Ctx = { review, names: namesOf(review, options), options };
  const title = `Strategy review: ${options.strategyName}`;
  const additions = additionSections(review, ctx.names);
  const guard = additions.find((s) => s.id === 'focus_guard');
  const sections = additions
    .filter((s) => s.id !== 'focus_guard')
    .map((s) => additionSectionHtml(s, review, ctx.names))
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${esc(title)}</h1><p class="sub">Published version ${esc(String(review.publishedVersion))} · as of ${esc(formatDay(review.nowMs))} · ${esc(formatCount(review.totals.companies))} companies, ${esc(formatCount(review.totals.deals))} deals</p></header>
${guard === undefined ? '' : focusGuardBanner(guard, review)}
${alerts(ctx)}
${headline(ctx)}
${distribution(ctx)}
${evidence(ctx)}
${offStrategy(ctx)}
${capacity(ctx)}
${falseNegatives(ctx)}
${offStrategyDeals(ctx)}
${stale(ctx)}
${sections}
<footer><p>SCORING §9, §13, §15. Win rate = won ÷ closed. Cycle = days from create to close. Amounts in the portal currency, summed over deals whose amount is known.</p></footer>
</main>
</body>
</html>
`;
};
