// The off-strategy pipeline's two sides merged per owner, stage or reason, for tables and charts.
import { tierWords } from './format.ts';
import type { Names } from './report-options.ts';
import type { AmountTotal, ReasonAmount, StrategyReview } from '@strategy-fit/core';

export type PipelineRow = { label: string; unapproved: AmountTotal; approved: AmountTotal };

const NONE: AmountTotal = { count: 0, amount: 0, withoutAmount: 0 };

const totalOf = (row: PipelineRow): number => row.unapproved.amount + row.approved.amount;

const compareRows = (a: PipelineRow, b: PipelineRow): number =>
  totalOf(b) - totalOf(a) ||
  b.unapproved.count + b.approved.count - (a.unapproved.count + a.approved.count) ||
  (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

const merge = <R extends AmountTotal>(
  unapproved: readonly R[],
  approved: readonly R[],
  labelOf: (row: R) => string,
): PipelineRow[] => {
  const rows = new Map<string, PipelineRow>();
  const add = (row: R, side: 'unapproved' | 'approved') => {
    const label = labelOf(row);
    const merged = rows.get(label) ?? { label, unapproved: NONE, approved: NONE };
    const { count, amount, withoutAmount } = merged[side];
    merged[side] = {
      count: count + row.count,
      amount: amount + row.amount,
      withoutAmount: withoutAmount + row.withoutAmount,
    };
    rows.set(label, merged);
  };
  for (const row of unapproved) add(row, 'unapproved');
  for (const row of approved) add(row, 'approved');
  return [...rows.values()].sort(compareRows);
};

/** How a reason row reads: the exclusion's reason, or why a deal is off strategy. */
export const reasonLabel = (row: Pick<ReasonAmount, 'tier' | 'reason'>): string => {
  if (row.tier === 'off_strategy' && row.reason === null) {
    return 'Off strategy: no segment reaches the stretch threshold';
  }
  if (row.tier === 'refused') return `Refused: ${row.reason ?? 'no reason recorded'}`;
  return `${tierWords(row.tier)}: ${row.reason ?? 'no reason recorded'}`;
};

type Dimension = 'owner' | 'stage' | 'reason';

/** The off-strategy pipeline by owner, stage or reason; largest total amount first. */
export const pipelineRows = (
  review: StrategyReview,
  names: Names,
  dimension: Dimension,
): PipelineRow[] => {
  const { unapproved, approved } = review.offStrategyPipeline;
  switch (dimension) {
    case 'owner':
      return merge(unapproved.byOwner, approved.byOwner, (r) => names.owner(r.ownerId));
    case 'stage':
      return merge(unapproved.byStage, approved.byStage, (r) =>
        names.stage(r.stageId, r.stageLabel),
      );
    case 'reason':
      return merge(unapproved.byReason, approved.byReason, reasonLabel);
    default:
      return dimension satisfies never;
  }
};
