import type {
  ExceptionState,
  OffStrategyDealRow,
  PipelineSplit,
  StrategyReviewValue,
  Tier,
} from '@strategy-fit/core';

import { formatAmount, formatNumber } from './format.ts';
import { recordUrl } from './links.ts';
import type { Names } from './names.ts';
import { namesOf } from './names.ts';
import { tierWord } from './tiers.ts';

/** The colours a `StatusTag` dot takes. */
export type StatusVariant = 'danger' | 'warning' | 'info' | 'success' | 'default';

/** An off-strategy deal's exception in words: approved until…, requested, rejected, expired, none. */
export const exceptionStatus = (
  approved: boolean,
  e: ExceptionState,
): { label: string; variant: StatusVariant } => {
  if (approved) return { label: `Approved until ${e.expiresOn ?? '—'}`, variant: 'success' };
  if (e.status === 'approved' && e.expired) {
    return { label: `Expired (${e.expiresOn ?? '—'})`, variant: 'danger' };
  }
  switch (e.status) {
    case 'requested':
      return { label: 'Exception requested', variant: 'warning' };
    case 'rejected':
      return { label: 'Exception rejected', variant: 'danger' };
    default:
      return { label: 'Unapproved', variant: 'danger' };
  }
};

export type DealRow = {
  readonly dealId: string;
  readonly name: string;
  readonly url: string;
  readonly amount: string;
  readonly owner: string;
  readonly stage: string;
  readonly tier: string;
  readonly reason: string;
  readonly approved: boolean;
  readonly status: { label: string; variant: StatusVariant };
};

/** A total of one group: unapproved and approved side by side. */
export type TotalRow = {
  readonly key: string;
  readonly label: string;
  readonly unapproved: string;
  readonly approved: string;
  readonly unapprovedAmount: number;
};

export type PipelineView = {
  readonly partial: boolean;
  readonly total: string;
  readonly unapproved: string;
  readonly approved: string;
  readonly rows: readonly DealRow[];
  /** Deals beyond the rows kept; they count in every total. */
  readonly omitted: number;
  readonly byOwner: readonly TotalRow[];
  readonly byStage: readonly TotalRow[];
  readonly byReason: readonly TotalRow[];
};

const countAmount = (t: { count: number; amount: number } | undefined): string =>
  t === undefined || t.count === 0 ? '—' : `${formatAmount(t.amount)} (${formatNumber(t.count)})`;

type Group = { count: number; amount: number };

/** Merges the two sides' groups by key; largest unapproved amount first, then label. */
const totals = <G extends Group>(
  unapproved: readonly G[],
  approved: readonly G[],
  keyOf: (g: G) => string,
  labelOf: (g: G) => string,
): TotalRow[] => {
  const keys = new Map<string, { label: string; u?: G; a?: G }>();
  for (const g of unapproved) keys.set(keyOf(g), { label: labelOf(g), u: g });
  for (const g of approved) {
    const found = keys.get(keyOf(g));
    keys.set(keyOf(g), { label: found?.label ?? labelOf(g), ...found, a: g });
  }
  return [...keys]
    .map(([key, { label, u, a }]) => ({
      key,
      label,
      unapproved: countAmount(u),
      approved: countAmount(a),
      unapprovedAmount: u?.amount ?? 0,
    }))
    .sort((x, y) => y.unapprovedAmount - x.unapprovedAmount || (x.label < y.label ? -1 : 1));
};

const reasonLabel = (tier: Tier | null, reason: string | null): string =>
  reason ?? (tier === 'off_strategy' ? 'No segment fits (off strategy)' : tierWord(tier));

const dealRow = (names: Names, portalId: number | string, d: OffStrategyDealRow): DealRow => ({
  dealId: d.dealId,
  name: d.name ?? `Deal ${d.dealId}`,
  url: recordUrl(portalId, 'deal', d.dealId),
  amount: formatAmount(d.amount),
  owner: names.owner(d.ownerId),
  stage: names.stage(d.pipelineId, d.stageId, d.stageLabel),
  tier: tierWord(d.tier),
  reason: d.reason ?? '—',
  approved: d.approved,
  status: exceptionStatus(d.approved, d.exception),
});

const sides = (
  names: Names,
  unapproved: PipelineSplit,
  approved: PipelineSplit,
): Pick<PipelineView, 'byOwner' | 'byStage' | 'byReason'> => ({
  byOwner: totals(
    unapproved.byOwner,
    approved.byOwner,
    (g) => g.ownerId ?? '',
    (g) => names.owner(g.ownerId),
  ),
  byStage: totals(
    unapproved.byStage,
    approved.byStage,
    (g) => `${g.pipelineId ?? ''}/${g.stageId ?? ''}`,
    (g) =>
      `${names.pipeline(g.pipelineId)} · ${names.stage(g.pipelineId, g.stageId, g.stageLabel)}`,
  ),
  byReason: totals(
    unapproved.byReason,
    approved.byReason,
    (g) => `${g.tier ?? ''}:${g.reason ?? ''}`,
    (g) => reasonLabel(g.tier, g.reason),
  ),
});

/** The off-strategy pipeline (SCORING §9): open off-strategy deals, unapproved and approved. */
export const pipelineOf = (value: StrategyReviewValue, portalId: number | string): PipelineView => {
  const names = namesOf(value);
  const p = value.review.offStrategyPipeline;
  return {
    partial: p.completeness.partial,
    total: countAmount(p.total),
    unapproved: countAmount(p.unapproved),
    approved: countAmount(p.approved),
    rows: p.deals.map((d) => dealRow(names, portalId, d)),
    omitted: p.dealsOmitted,
    ...sides(names, p.unapproved, p.approved),
  };
};

/** The filter choices: every owner and pipeline the answer names, by name. */
export const filterOptions = (value: StrategyReviewValue) => ({
  owners: [...value.owners]
    .map((o) => ({ value: o.id, label: o.name ?? `Owner ${o.id}` }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
  pipelines: value.pipelines.map((p) => ({ value: p.id, label: p.label })),
});
