// The SCORING §13 and §15 sections of the review in the HTML report: the focus guard as a banner
// at the top, each section's tables, and bars where a manager would rather look than read (our
// win rate per competitor, per discount band, and per criterion on match and miss).
import type { StrategyReview, WinRecord } from '@strategy-fit/core';

import type { AdditionSection, FigureTable } from './addition-sections.ts';
import { formatCount, formatShare } from './format.ts';
import { barChart, escapeHtml as esc, legend } from './html-charts.ts';
import type { BarRow } from './html-charts.ts';
import type { Names } from './report-options.ts';

const WIN = '#2563eb';
const LOSE = '#dc2626';
const MATCH = '#15803d';
const MISS = '#9ca3af';

const partialBadge = (s: AdditionSection): string =>
  s.completeness.partial
    ? `<span class="badge" title="${esc(s.completeness.reasons.join('; '))}">partial</span>`
    : '';

/** A column of numbers (right-aligned, never wrapped), or of words. */
const numericColumns = (t: FigureTable): boolean[] =>
  t.head.map(
    (_, i) =>
      i > 0 &&
      t.rows.every((row) =>
        (row.cells[i - 1]?.values ?? []).every(([, v]) => typeof v === 'number' || v === null),
      ),
  );

const tableHtml = (t: FigureTable): string => {
  const title = `<h3>${esc(t.title)}</h3>`;
  if (t.rows.length === 0) return `${title}<p>${esc(t.none)}</p>`;
  const num = numericColumns(t);
  const cls = (i: number) => (num[i] === true ? ' class="num"' : '');
  const head = t.head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('');
  const rows = t.rows
    .map(
      (row) =>
        `<tr${row.flag === undefined ? '' : ' class="flag"'} data-key="${esc(row.key)}"><td>${esc(row.label)}</td>${row.cells
          .map((c, i) => `<td${cls(i + 1)}>${esc(c.text)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `${title}<table data-table="${esc(t.id)}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
};

const winBar = (label: string, w: WinRecord, color: string, flag = false): BarRow => ({
  label,
  flag,
  parts: [{ value: w.winRate ?? 0, color, title: formatShare(w.winRate) }],
  text:
    w.closed === 0 ? 'no closed deals' : `${formatShare(w.winRate)} of ${formatCount(w.closed)}`,
});

/** Bars drawn above a section's tables, where they help. */
const chartsOf = (s: AdditionSection, r: StrategyReview, names: Names): string => {
  switch (s.id) {
    case 'competitors': {
      const c = r.competitors;
      const losing = new Set(c.whereWeLose.map((l) => l.competitorId));
      const rows = c.rows.map((row) =>
        winBar(
          row.name ??
            (row.competitorId === 'other' ? 'Other (not in the strategy)' : row.competitorId),
          row,
          losing.has(row.competitorId) ? LOSE : WIN,
          losing.has(row.competitorId),
        ),
      );
      if (rows.length === 0) return '';
      return `${barChart({
        title: 'Our win rate per competitor',
        rows: [winBar('Without a competitor', c.withoutCompetitor, WIN), ...rows],
        max: 1,
        ...(c.overall.winRate === null
          ? {}
          : {
              marker: {
                value: c.overall.winRate,
                label: `overall ${formatShare(c.overall.winRate)}`,
              },
            }),
      })}${legend([
        { color: WIN, label: 'Our win rate' },
        { color: LOSE, label: 'Below our overall win rate (where we lose)' },
      ])}`;
    }
    case 'discount_bands':
      return barChart({
        title: 'Win rate by discount band, all segments',
        rows: r.discountBands.all.map((b) => winBar(b.label, b, WIN)),
        max: 1,
      });
    case 'criterion_evidence':
      return r.criterionEvidence.segments
        .map(
          (seg) =>
            `<h3>${esc(names.segment(seg.segmentId, seg.name))}: win rate when the company matches or misses</h3>${barChart(
              {
                title: `Criterion evidence: ${seg.name}`,
                rows: seg.criteria.flatMap((c) => [
                  winBar(`${c.label} · match`, c.match, MATCH, c.flag !== null),
                  winBar(`${c.label} · miss`, c.miss, MISS, c.flag !== null),
                ]),
                max: 1,
              },
            )}`,
        )
        .join('')
        .concat(
          legend([
            { color: MATCH, label: 'Company matches the criterion' },
            { color: MISS, label: 'Company misses it' },
          ]),
        );
    default:
      return '';
  }
};

/** One §13/§15 section: title, notes, charts, tables. */
export const additionSectionHtml = (s: AdditionSection, r: StrategyReview, names: Names): string =>
  `<section data-section="${esc(s.id)}"><h2>${esc(s.title)}${partialBadge(s)}</h2>${s.notes
    .map((n) => `<p class="hint">${esc(n)}</p>`)
    .join('')}${chartsOf(s, r, names)}${s.tables.map(tableHtml).join('')}</section>`;

/** The focus guard at the top: a banner, loud with its warnings, calm without, and its shares drawn. */
export const focusGuardBanner = (s: AdditionSection, r: StrategyReview): string => {
  const g = r.focusGuard;
  const warnings = g.warnings.map((w) => `<p><strong>${esc(w.message)}</strong></p>`).join('');
  const shares: BarRow[] = (
    [
      ['Dream or fit', g.dreamOrFit, '#6d28d9'],
      ['Stretch or needs data', g.stretchOrNeedsData, '#ca8a04'],
      ['Refused or off strategy', g.refusedOrOffStrategy, '#7f1d1d'],
    ] as const
  ).map(([label, n, color]) => ({
    label,
    parts: [{ value: g.companies === 0 ? 0 : n / g.companies, color, title: formatCount(n) }],
    text: `${formatCount(n)} · ${formatShare(g.companies === 0 ? null : n / g.companies)}`,
  }));
  const chart = barChart({
    title: 'Scored companies by tier group',
    rows: shares,
    max: 1,
    marker: { value: g.maxAcceptedPercent / 100, label: `guard ${g.maxAcceptedPercent}%` },
  });
  const summary = s.notes.filter((n) => !n.startsWith('Warning: '));
  return `<div class="${g.warnings.length === 0 ? 'note' : 'alert'} guard" data-section="focus_guard_banner"${g.warnings.length === 0 ? '' : ' role="alert"'}><strong>Focus guard${partialBadge(s)}</strong>${warnings}<p>${esc(summary.join(' '))}</p>${chart}${s.tables.map(tableHtml).join('')}</div>`;
};
