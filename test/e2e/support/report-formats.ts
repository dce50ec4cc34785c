// Do the four report formats carry the same SCORING §13/§15 numbers? The expected rows are
// written here from the JSON report alone (not with the renderers' section model): for each row,
// the values a spreadsheet reads (checked against the CSV) and the texts a person reads (checked
// in the table's and the HTML's row of that key).
import type { StrategyReview, WinRecord } from '@strategy-fit/core';

import { formatAmount, formatCount, formatShare } from '../../../tools/cli/src/report/format.ts';

type Value = string | number | boolean | null;

export type ExpectedRow = {
  section: string;
  group: string;
  key: string;
  /** CSV metric → value. */
  values: Record<string, Value>;
  /** The cells after the label, as the table and the HTML show them. */
  texts: string[];
};

const win = (prefix: string, w: WinRecord) => ({
  values: {
    [`${prefix}closed`]: w.closed,
    [`${prefix}won`]: w.won,
    [`${prefix}win_rate`]: w.winRate,
  },
  text: w.closed === 0 ? '–' : `${formatShare(w.winRate)} of ${formatCount(w.closed)}`,
});

const amountRow = (
  section: string,
  group: string,
  key: string,
  t: { count: number; amount: number },
): ExpectedRow => ({
  section,
  group,
  key,
  values: { count: t.count, amount: t.amount },
  texts: [formatCount(t.count), formatAmount(t.amount)],
});

/** Every §13/§15 row the reports show, from the JSON report. */
export const expectedRows = (r: StrategyReview): ExpectedRow[] => {
  const rows: ExpectedRow[] = [];
  const g = r.focusGuard;
  for (const [key, n] of [
    ['dream_or_fit', g.dreamOrFit],
    ['stretch_or_needs_data', g.stretchOrNeedsData],
    ['refused_or_off_strategy', g.refusedOrOffStrategy],
  ] as const) {
    const share = g.companies === 0 ? null : n / g.companies;
    rows.push({
      section: 'focus_guard',
      group: 'companies',
      key,
      values: { companies: n, share },
      texts: [formatCount(n), formatShare(share)],
    });
  }
  const w = r.evidenceWindow;
  for (const [key, n] of [
    ['in_window', w.closedInWindow],
    ['before', w.closedBefore],
    ['without_date', w.closedWithoutDate],
  ] as const) {
    rows.push({
      section: 'evidence_window',
      group: 'closed_deals',
      key,
      values: { count: n },
      texts: [formatCount(n)],
    });
  }
  const b = r.focusBoard;
  for (const o of b.focusDeals.byOwner)
    rows.push(amountRow('focus_board', 'focus_deals_by_owner', o.ownerId ?? '', o));
  if (b.unanswered.count > 0) {
    for (const q of b.unanswered.byQuestion)
      rows.push(amountRow('focus_board', 'unanswered_by_question', q.question, q));
  }
  for (const x of b.warnings) {
    for (const o of x.byOwner)
      rows.push(amountRow('focus_board', `${x.warning}_by_owner`, o.ownerId ?? '', o));
  }
  const e = r.existingCustomers;
  for (const x of e.byReason)
    rows.push(amountRow('existing_customers', 'by_reason', `${x.tier ?? ''}:${x.reason ?? ''}`, x));
  for (const o of e.byOwner)
    rows.push(amountRow('existing_customers', 'by_owner', o.ownerId ?? '', o));
  const c = r.competitors;
  const losing = new Set(c.whereWeLose.map((l) => l.competitorId));
  for (const row of c.rows) {
    const wr = win('', row);
    rows.push({
      section: 'competitors',
      group: 'win_rate',
      key: row.competitorId,
      values: {
        ...wr.values,
        open_count: row.open.count,
        open_amount: row.open.amount,
        we_lose: losing.has(row.competitorId),
      },
      texts: [
        wr.text,
        formatCount(row.open.count),
        formatAmount(row.open.amount),
        losing.has(row.competitorId) ? 'we lose' : '',
      ],
    });
    for (const s of row.bySegment) {
      const ws = win('', s);
      rows.push({
        section: 'competitors',
        group: 'by_segment',
        key: `${row.competitorId}/${s.segmentId ?? ''}`,
        values: { ...ws.values, targeted: s.targeted },
        texts: [ws.text, s.targeted ? 'yes' : ''],
      });
    }
  }
  for (const l of c.whereWeLose) {
    const wl = win('', l);
    rows.push({
      section: 'competitors',
      group: 'where_we_lose',
      key: l.competitorId,
      values: {
        ...wl.values,
        lost: l.lost,
        segments: l.segments.map((x) => x.segmentId ?? '').join(';'),
      },
      texts: [
        wl.text,
        formatCount(l.lost),
        l.segments
          .map(
            (x) =>
              `${x.segmentName ?? x.segmentId ?? 'No segment'} (${formatCount(x.closed - x.won)})`,
          )
          .join(', '),
      ],
    });
  }
  for (const s of r.customersSay.segments) {
    const group = `segment:${s.segmentId ?? ''}`;
    for (const x of s.reasons) rows.push(amountRow('customers_say', group, x.reason, x));
    if (s.otherReasons.count > 0)
      rows.push(amountRow('customers_say', group, '(other reasons)', s.otherReasons));
    if (s.withoutReason.count > 0)
      rows.push(amountRow('customers_say', group, '(without a reason)', s.withoutReason));
  }
  const bands = (key: string, list: readonly (WinRecord & { band: string })[]): ExpectedRow => {
    const cells = list.map((x) => win(`${x.band}_`, x));
    return {
      section: 'discount_bands',
      group: 'win_rate',
      key,
      values: Object.assign({}, ...cells.map((x) => x.values)) as Record<string, Value>,
      texts: cells.map((x) => x.text),
    };
  };
  rows.push(bands('*', r.discountBands.all));
  for (const s of r.discountBands.segments) rows.push(bands(s.segmentId ?? '', s.bands));
  for (const s of r.criterionEvidence.segments) {
    for (const x of s.criteria) {
      const [m, mi, u] = [win('match_', x.match), win('miss_', x.miss), win('unknown_', x.unknown)];
      const flag = x.flag === null ? '' : x.flag === 'inverse' ? 'inverse' : 'no signal';
      rows.push({
        section: 'criterion_evidence',
        group: `segment:${s.segmentId}`,
        key: String(x.index),
        values: { ...m.values, ...mi.values, ...u.values, ratio: x.ratio, flag: x.flag },
        texts: [m.text, mi.text, u.text, x.ratio === null ? '–' : `${x.ratio.toFixed(2)}x`, flag],
      });
    }
  }
  return rows;
};

/** RFC 4180 lines into a map `section|group|key|metric` → the field as written. */
export const csvValues = (csv: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const line of csv.split('\r\n').slice(1)) {
    if (line === '') continue;
    const fields = [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => {
      const f = m[1] ?? '';
      return f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f;
    });
    const [section = '', group = '', key = '', metric = '', value = ''] = fields;
    out.set(`${section}|${group}|${key.replace(/^'/, '')}|${metric}`, value);
  }
  return out;
};

const unescape = (s: string): string =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

const escapeAttr = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The cells after the label of the HTML row of `key` in the table `group` of `section`. */
export const htmlCells = (html: string, row: ExpectedRow): string[] | null => {
  const marker = row.section === 'focus_guard' ? 'focus_guard_banner' : row.section;
  const start = html.indexOf(`data-section="${marker}"`);
  if (start < 0) return null;
  const table = html.indexOf(`<table data-table="${escapeAttr(row.group)}">`, start);
  if (table < 0) return null;
  const end = html.indexOf('</table>', table);
  const tr = html
    .slice(table, end)
    .split('<tr')
    .find((t) => t.includes(`data-key="${escapeAttr(row.key)}"`));
  if (tr === undefined) return null;
  return [...tr.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => unescape(m[1] ?? '')).slice(1);
};

/** Whether the terminal table's block of `sectionTitle` has a row with exactly these cells after its label. */
export const tableHasRow = (
  text: string,
  sectionTitle: string,
  texts: readonly string[],
): boolean => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === sectionTitle);
  if (start < 0) return false;
  const end = lines.findIndex((l, i) => i > start && l === '');
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cells = new RegExp(`│${texts.map((t) => `\\s*${esc(t)}\\s*`).join('│')}│$`);
  return lines.slice(start, end < 0 ? undefined : end).some((l) => cells.test(l));
};
