// The SCORING §13 and §15 figures of a review as sections of tables, the one source the table,
// CSV and HTML reports render (JSON is the review itself): each cell carries the text a person
// reads and the values a spreadsheet reads, so every format shows the same numbers.
import { focusGuardSummary } from './focus-guard-lines.ts';
import { formatAmount, formatCount, formatShare, plural } from './format.ts';
import { reasonLabel } from './pipeline-rows.ts';
import type { Names } from './report-options.ts';
import type {
  AmountTotal,
  Completeness,
  OwnerAmount,
  StrategyReview,
  WinRecord,
} from '@strategy-fit/core';

export type Value = string | number | boolean | null;

/** One cell: what a person reads, and the metrics (name, value) a spreadsheet reads. */
export type Cell = {
  readonly text: string;
  readonly values: readonly (readonly [string, Value])[];
};

export type FigureRow = {
  /** Stable key of the row in its table (CSV's key column). */
  readonly key: string;
  readonly label: string;
  readonly cells: readonly Cell[];
  /** A row a manager should look at (a flag, a competitor we lose to). */
  readonly flag?: string;
};

export type FigureTable = {
  /** CSV's group column. */
  readonly id: string;
  readonly title: string;
  /** Column heads, the row label's first. */
  readonly head: readonly string[];
  readonly rows: readonly FigureRow[];
  /** What the table says without rows. */
  readonly none: string;
};

export type AdditionSection = {
  /** CSV's section column. */
  readonly id: string;
  readonly title: string;
  readonly completeness: Completeness;
  /** Sentences above the tables. */
  readonly notes: readonly string[];
  readonly tables: readonly FigureTable[];
};

const count = (metric: string, n: number): Cell => ({
  text: formatCount(n),
  values: [[metric, n]],
});
const amount = (metric: string, n: number): Cell => ({
  text: formatAmount(n),
  values: [[metric, n]],
});
const share = (metric: string, s: number | null): Cell => ({
  text: formatShare(s),
  values: [[metric, s]],
});

/** "15% of 40" (win rate of closed deals), "–" without closed deals; three metrics. */
export const winCell = (prefix: string, w: WinRecord): Cell => ({
  text: w.closed === 0 ? '–' : `${formatShare(w.winRate)} of ${formatCount(w.closed)}`,
  values: [
    [`${prefix}closed`, w.closed],
    [`${prefix}won`, w.won],
    [`${prefix}win_rate`, w.winRate],
  ],
});

const amountCells = (t: AmountTotal): Cell[] => [
  count('count', t.count),
  amount('amount', t.amount),
];

const ownerRows = (names: Names, rows: readonly OwnerAmount[]): FigureRow[] =>
  rows.map((o) => ({ key: o.ownerId ?? '', label: names.owner(o.ownerId), cells: amountCells(o) }));

const totalWords = (t: AmountTotal): string =>
  `${plural(t.count, 'deal', 'deals')}, ${formatAmount(t.amount)}`;

const competitorName = (id: string, name: string | null): string =>
  name ?? (id === 'other' ? 'Other (not in the strategy)' : id);

const segmentName = (names: Names, id: string | null, name: string | null): string =>
  id === null ? 'No segment' : names.segment(id, name);

const FLAG_WORDS = { inverse: 'inverse', no_signal: 'no signal' } as const;

const focusGuard = (r: StrategyReview): AdditionSection => {
  const g = r.focusGuard;
  return {
    id: 'focus_guard',
    title: 'Focus guard',
    completeness: g.completeness,
    notes: [...g.warnings.map((w) => `Warning: ${w.message}`), focusGuardSummary(g)],
    tables: [
      {
        id: 'companies',
        title: 'Scored companies',
        head: ['Tiers', 'Companies', 'Share'],
        rows: (
          [
            ['dream_or_fit', 'Dream or fit', g.dreamOrFit],
            ['stretch_or_needs_data', 'Stretch or needs data', g.stretchOrNeedsData],
            ['refused_or_off_strategy', 'Refused or off strategy', g.refusedOrOffStrategy],
          ] as const
        ).map(([key, label, n]) => ({
          key,
          label,
          cells: [
            count('companies', n),
            share('share', g.companies === 0 ? null : n / g.companies),
          ],
        })),
        none: 'None.',
      },
    ],
  };
};

const evidenceWindow = (r: StrategyReview): AdditionSection => {
  const w = r.evidenceWindow;
  return {
    id: 'evidence_window',
    title: 'Evidence window',
    completeness: w.completeness,
    notes: [w.note],
    tables: [
      {
        id: 'closed_deals',
        title: 'Closed deals',
        head: ['Closed deals', 'Deals'],
        rows: (
          [
            ['in_window', `In the last ${w.days} days (counted)`, w.closedInWindow],
            ['before', 'Before the window (not counted)', w.closedBefore],
            ['without_date', 'Without a close date (not counted)', w.closedWithoutDate],
          ] as const
        ).map(([key, label, n]) => ({ key, label, cells: [count('count', n)] })),
        none: 'None.',
      },
    ],
  };
};

const focusBoard = (r: StrategyReview, names: Names): AdditionSection => {
  const b = r.focusBoard;
  return {
    id: 'focus_board',
    title: 'Focus board: where the best resources should go this week',
    completeness: b.completeness,
    notes: [
      `Open focus deals: ${totalWords(b.focusDeals)}.`,
      `Open dream and fit deals with an unanswered dream-test question: ${totalWords(b.unanswered)}.`,
      ...b.warnings.map(
        (w) =>
          `Open deals with ${w.warning === 'price_competition' ? 'price competition' : 'an offer outside the segment'}: ${totalWords(w)}.`,
      ),
    ],
    tables: [
      {
        id: 'focus_deals_by_owner',
        title: 'Open focus deals by owner',
        head: ['Owner', 'Deals', 'Amount'],
        rows: ownerRows(names, b.focusDeals.byOwner),
        none: 'None: no open deal is marked focus.',
      },
      {
        id: 'unanswered_by_question',
        title: 'Unanswered dream-test questions (open dream and fit deals)',
        head: ['Question', 'Deals', 'Amount'],
        rows:
          b.unanswered.count === 0
            ? []
            : b.unanswered.byQuestion.map((q) => ({
                key: q.question,
                label: q.text,
                cells: amountCells(q),
              })),
        none: 'None: every open dream and fit deal has its dream test answered.',
      },
      ...b.warnings.map((w) => ({
        id: `${w.warning}_by_owner`,
        title: `${w.warning === 'price_competition' ? 'Price competition' : 'Offer outside the segment'} by owner`,
        head: ['Owner', 'Deals', 'Amount'],
        rows: ownerRows(names, w.byOwner),
        none: 'None.',
      })),
    ],
  };
};

const existingCustomers = (r: StrategyReview, names: Names): AdditionSection => {
  const e = r.existingCustomers;
  return {
    id: 'existing_customers',
    title: 'Existing customers outside the strategy',
    completeness: e.completeness,
    notes: [
      e.policy === 'retain'
        ? `Kept deliberately (policy retain), not off-strategy pipeline: ${totalWords(e.total)}.`
        : 'Policy score: existing customers are scored as prospects; their off-strategy deals are in the off-strategy pipeline.',
    ],
    tables: [
      {
        id: 'by_reason',
        title: 'By reason',
        head: ['Reason', 'Deals', 'Amount'],
        rows: e.byReason.map((x) => ({
          key: `${x.tier ?? ''}:${x.reason ?? ''}`,
          label: reasonLabel(x),
          cells: amountCells(x),
        })),
        none: 'None.',
      },
      {
        id: 'by_owner',
        title: 'By owner',
        head: ['Owner', 'Deals', 'Amount'],
        rows: ownerRows(names, e.byOwner),
        none: 'None.',
      },
    ],
  };
};

const competitors = (r: StrategyReview, names: Names): AdditionSection => {
  const c = r.competitors;
  const losing = new Set(c.whereWeLose.map((l) => l.competitorId));
  return {
    id: 'competitors',
    title: 'Competitors',
    completeness: c.completeness,
    notes: [
      `Closed deals in the evidence window: we win ${winCell('', c.overall).text} overall, ${winCell('', c.withoutCompetitor).text} where no competitor is named.`,
    ],
    tables: [
      {
        id: 'win_rate',
        title: 'Our win rate per competitor (closed deals), open deals against it',
        head: ['Competitor', 'Win rate', 'Open deals', 'Open amount', 'Flag'],
        rows: c.rows.map((row) => ({
          key: row.competitorId,
          label: competitorName(row.competitorId, row.name),
          cells: [
            winCell('', row),
            count('open_count', row.open.count),
            amount('open_amount', row.open.amount),
            {
              text: losing.has(row.competitorId) ? 'we lose' : '',
              values: [['we_lose', losing.has(row.competitorId)]],
            },
          ],
          ...(losing.has(row.competitorId) ? { flag: 'we lose' } : {}),
        })),
        none: 'None: the strategy names no competitor and no deal names one.',
      },
      {
        id: 'by_segment',
        title: 'Per competitor and segment (closed deals)',
        head: ['Competitor · segment', 'Win rate', 'Targets it'],
        rows: c.rows.flatMap((row) =>
          row.bySegment.map((s) => ({
            key: `${row.competitorId}/${s.segmentId ?? ''}`,
            label: `${competitorName(row.competitorId, row.name)} · ${segmentName(names, s.segmentId, s.segmentName)}`,
            cells: [
              winCell('', s),
              { text: s.targeted ? 'yes' : '', values: [['targeted', s.targeted]] },
            ],
          })),
        ),
        none: 'None.',
      },
      {
        id: 'where_we_lose',
        title: `Where we lose, and to whom (${c.minClosedDeals}+ closed deals, below our overall win rate)`,
        head: ['Competitor', 'Win rate', 'Lost', 'Where we lost'],
        rows: c.whereWeLose.map((l) => ({
          key: l.competitorId,
          label: competitorName(l.competitorId, l.name),
          cells: [
            winCell('', l),
            count('lost', l.lost),
            {
              text: l.segments
                .map(
                  (s) =>
                    `${segmentName(names, s.segmentId, s.segmentName)} (${formatCount(s.closed - s.won)})`,
                )
                .join(', '),
              values: [['segments', l.segments.map((s) => s.segmentId ?? '').join(';')]],
            },
          ],
          flag: 'we lose',
        })),
        none: 'None: no competitor with enough closed deals beats our overall win rate.',
      },
    ],
  };
};

const customersSay = (r: StrategyReview, names: Names): AdditionSection => {
  const say = r.customersSay;
  return {
    id: 'customers_say',
    title: 'What customers say (lost reasons)',
    completeness: say.completeness,
    notes: [
      `The ${say.maxReasons} most frequent closed-lost reasons per segment, over lost deals in the evidence window.`,
    ],
    tables: say.segments.map((s) => {
      const name = segmentName(names, s.segmentId, s.name);
      return {
        id: `segment:${s.segmentId ?? ''}`,
        title: `${name}: ${totalWords(s.lost)} lost`,
        head: ['Reason', 'Deals', 'Amount'],
        rows: [
          ...s.reasons.map((x) => ({ key: x.reason, label: x.reason, cells: amountCells(x) })),
          ...(s.otherReasons.count === 0
            ? []
            : [
                {
                  key: '(other reasons)',
                  label: 'Other reasons',
                  cells: amountCells(s.otherReasons),
                },
              ]),
          ...(s.withoutReason.count === 0
            ? []
            : [
                {
                  key: '(without a reason)',
                  label: 'Lost without a reason',
                  cells: amountCells(s.withoutReason),
                },
              ]),
        ],
        none: 'None: no lost deal.',
      };
    }),
  };
};

const discountBands = (r: StrategyReview, names: Names): AdditionSection => {
  const d = r.discountBands;
  const head = ['Segment', ...d.all.map((b) => b.label)];
  return {
    id: 'discount_bands',
    title: 'Price the customer accepts: win rate by discount',
    completeness: d.completeness,
    notes: ['Win rate of closed deals by the discount scoring saw, per segment.'],
    tables: [
      {
        id: 'win_rate',
        title: 'Win rate by discount band',
        head,
        rows: [
          { key: '*', label: 'All segments', cells: d.all.map((b) => winCell(`${b.band}_`, b)) },
          ...d.segments.map((s) => ({
            key: s.segmentId ?? '',
            label: segmentName(names, s.segmentId, s.name),
            cells: s.bands.map((b) => winCell(`${b.band}_`, b)),
          })),
        ],
        none: 'None.',
      },
    ],
  };
};

const criterionEvidence = (r: StrategyReview, names: Names): AdditionSection => {
  const e = r.criterionEvidence;
  return {
    id: 'criterion_evidence',
    title: 'Criterion evidence: do we know what customers expect, or only think so?',
    completeness: e.completeness,
    notes: [
      `${plural(e.deals, 'closed deal', 'closed deals')} of the window with their company's outcome on each criterion${e.withoutOutcomes > 0 ? `; ${formatCount(e.withoutOutcomes)} without a company are not counted` : ''}. Flags need ${e.minClosedDeals} closed deals on both the match and the miss side: inverse when misses win more often, no signal when both win about as often.`,
      e.note,
    ],
    tables: e.segments.map((s) => ({
      id: `segment:${s.segmentId}`,
      title: names.segment(s.segmentId, s.name),
      head: ['Criterion', 'Match', 'Miss', 'Unknown', 'Ratio', 'Flag'],
      rows: s.criteria.map((c) => ({
        key: String(c.index),
        label: c.label,
        cells: [
          winCell('match_', c.match),
          winCell('miss_', c.miss),
          winCell('unknown_', c.unknown),
          { text: c.ratio === null ? '–' : `${c.ratio.toFixed(2)}x`, values: [['ratio', c.ratio]] },
          { text: c.flag === null ? '' : FLAG_WORDS[c.flag], values: [['flag', c.flag]] },
        ],
        ...(c.flag === null ? {} : { flag: FLAG_WORDS[c.flag] }),
      })),
      none: 'None: this segment has no criteria.',
    })),
  };
};

/**
 * The §13 and §15 sections of a review, in the order the reports show them after the focus
 * guard: evidence window, focus board, existing customers, competitors, what customers say,
 * discount bands, criterion evidence.
 */
export const additionSections = (review: StrategyReview, names: Names): AdditionSection[] => [
  focusGuard(review),
  evidenceWindow(review),
  focusBoard(review, names),
  existingCustomers(review, names),
  competitors(review, names),
  customersSay(review, names),
  discountBands(review, names),
  criterionEvidence(review, names),
];
