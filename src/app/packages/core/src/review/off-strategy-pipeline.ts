import { z } from 'zod';

import { Tier } from '../enums.ts';
import { isApprovalActive } from '../exceptions/expiry.ts';
import {
  addTallies,
  AmountTally,
  amountTotalOf,
  createAmountTally,
  mergeRecords,
  rowAmount,
  tallyAmount,
} from './cents.ts';
import { compareAmountDesc, compareText, compareTier } from './compare.ts';
import { OffStrategyDealRow } from './schema.ts';
import type {
  Completeness,
  OffStrategyPipeline,
  OwnerAmount,
  PipelineSplit,
  ReasonAmount,
  ReviewDeal,
  StageAmount,
} from './schema.ts';
import {
  addToTopList,
  createTopList,
  finishTopList,
  mergeTopLists,
  topListOf,
} from './top-list.ts';

const OwnerGroup = z.strictObject({ ownerId: z.string().nullable(), tally: AmountTally });
const StageGroup = z.strictObject({
  pipelineId: z.string().nullable(),
  stageId: z.string().nullable(),
  label: z.string().nullable().describe('The first label in code-unit order the deals carry'),
  tally: AmountTally,
});
const ReasonGroup = z.strictObject({
  tier: Tier.nullable(),
  reason: z.string().nullable(),
  tally: AmountTally,
});

/** One side of the pipeline while it is read: totals per owner, stage and reason, by a key. */
const SplitPart = z.strictObject({
  total: AmountTally,
  byOwner: z.record(z.string(), OwnerGroup),
  byStage: z.record(z.string(), StageGroup),
  byReason: z.record(z.string(), ReasonGroup),
});
type SplitPart = z.output<typeof SplitPart>;

/** The off-strategy pipeline of the deals read so far (SCORING §9), mergeable with another's. */
export const PipelinePart = z.strictObject({
  total: AmountTally,
  unapproved: SplitPart,
  approved: SplitPart,
  rows: topListOf(OffStrategyDealRow),
});
export type PipelinePart = z.output<typeof PipelinePart>;

const createSplit = (): SplitPart => ({
  total: createAmountTally(),
  byOwner: {},
  byStage: {},
  byReason: {},
});

export const createPipelinePart = (): PipelinePart => ({
  total: createAmountTally(),
  unapproved: createSplit(),
  approved: createSplit(),
  rows: createTopList(),
});

/** The tally of `key` in `groups`, created from `make` when it is the first. */
const groupOf = <G extends { tally: AmountTally }>(
  groups: Record<string, G>,
  key: string,
  make: () => Omit<G, 'tally'>,
): G => {
  let group = groups[key];
  if (group === undefined) {
    group = { ...make(), tally: createAmountTally() } as G;
    groups[key] = group;
  }
  return group;
};

export type ReasonKey = Pick<ReasonAmount, 'tier' | 'reason'>;

/** The first of two labels in code-unit order: a renamed stage shows one label whatever the order. */
const firstLabel = (a: string | null, b: string | null): string | null =>
  compareText(a, b) <= 0 ? a : b;

/**
 * The reason a deal is grouped under: the refusing exclusion's reason as written; for tier
 * off_strategy null, because those reasons differ only by the best segment's score.
 */
export const reasonKeyOf = (deal: Pick<ReviewDeal, 'tier' | 'reason'>): ReasonKey => ({
  tier: deal.tier,
  reason: deal.tier === 'off_strategy' ? null : deal.reason,
});

const addToSplit = (split: SplitPart, deal: ReviewDeal): void => {
  tallyAmount(split.total, deal.amount);
  const owner = groupOf(split.byOwner, JSON.stringify(deal.ownerId), () => ({
    ownerId: deal.ownerId,
  }));
  tallyAmount(owner.tally, deal.amount);
  const stage = groupOf(split.byStage, JSON.stringify([deal.pipelineId, deal.stageId]), () => ({
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    label: deal.stageLabel,
  }));
  stage.label = firstLabel(stage.label, deal.stageLabel);
  tallyAmount(stage.tally, deal.amount);
  const reason = reasonKeyOf(deal);
  const byReason = groupOf(
    split.byReason,
    JSON.stringify([reason.tier, reason.reason]),
    () => reason,
  );
  tallyAmount(byReason.tally, deal.amount);
};

const mergeSplits = (a: SplitPart, b: SplitPart): SplitPart => ({
  total: addTallies(a.total, b.total),
  byOwner: mergeRecords(a.byOwner, b.byOwner, (x, y) => ({
    ...x,
    tally: addTallies(x.tally, y.tally),
  })),
  byStage: mergeRecords(a.byStage, b.byStage, (x, y) => ({
    ...x,
    label: firstLabel(x.label, y.label),
    tally: addTallies(x.tally, y.tally),
  })),
  byReason: mergeRecords(a.byReason, b.byReason, (x, y) => ({
    ...x,
    tally: addTallies(x.tally, y.tally),
  })),
});

/** Largest amount first, then most deals, then `compareKeys`. */
const sorted = <G extends { tally: AmountTally }>(
  groups: Record<string, G>,
  compareKeys: (a: G, b: G) => number,
): G[] =>
  Object.values(groups).sort(
    (a, b) => b.tally.cents - a.tally.cents || b.tally.count - a.tally.count || compareKeys(a, b),
  );

const finishSplit = (split: SplitPart): PipelineSplit => ({
  ...amountTotalOf(split.total),
  byOwner: sorted(split.byOwner, (a, b) => compareText(a.ownerId, b.ownerId)).map(
    (g): OwnerAmount => ({ ownerId: g.ownerId, ...amountTotalOf(g.tally) }),
  ),
  byStage: sorted(
    split.byStage,
    (a, b) => compareText(a.pipelineId, b.pipelineId) || compareText(a.stageId, b.stageId),
  ).map((g): StageAmount => ({
    pipelineId: g.pipelineId,
    stageId: g.stageId,
    stageLabel: g.label,
    ...amountTotalOf(g.tally),
  })),
  byReason: sorted(
    split.byReason,
    (a, b) => compareTier(a.tier, b.tier) || compareText(a.reason, b.reason),
  ).map((g): ReasonAmount => ({ tier: g.tier, reason: g.reason, ...amountTotalOf(g.tally) })),
});

/**
 * SCORING §7: an approved, unexpired exception makes the deal an approved exception; an expired
 * approval counts as unapproved again — also when it expired between scoring and this review.
 */
export const isApprovedException = (exception: ReviewDeal['exception'], nowMs: number): boolean =>
  exception.active && !exception.expired && isApprovalActive(exception.expiresOn, nowMs);

const compareRows = (a: OffStrategyDealRow, b: OffStrategyDealRow): number =>
  compareAmountDesc(a.amount, b.amount) || compareText(a.dealId, b.dealId);

const rowOf = (deal: ReviewDeal, approved: boolean): OffStrategyDealRow => ({
  dealId: deal.id,
  name: deal.name,
  amount: rowAmount(deal.amount),
  ownerId: deal.ownerId,
  pipelineId: deal.pipelineId,
  stageId: deal.stageId,
  stageLabel: deal.stageLabel,
  tier: deal.tier,
  reason: deal.reason,
  approved,
  exception: deal.exception,
  companyId: deal.companyId,
});

/** SCORING §9: open deals with offStrategy true, unapproved vs approved exceptions. */
export const addToPipeline = (
  part: PipelinePart,
  deal: ReviewDeal,
  nowMs: number,
  maxDealRows: number,
): void => {
  if (deal.isClosed || !deal.offStrategy) return;
  const approved = isApprovedException(deal.exception, nowMs);
  tallyAmount(part.total, deal.amount);
  addToSplit(approved ? part.approved : part.unapproved, deal);
  addToTopList(part.rows, rowOf(deal, approved), maxDealRows, compareRows);
};

export const mergePipelines = (
  a: PipelinePart,
  b: PipelinePart,
  maxDealRows: number,
): PipelinePart => ({
  total: addTallies(a.total, b.total),
  unapproved: mergeSplits(a.unapproved, b.unapproved),
  approved: mergeSplits(a.approved, b.approved),
  rows: mergeTopLists(a.rows, b.rows, maxDealRows, compareRows),
});

export const finishPipeline = (
  part: PipelinePart,
  completeness: Completeness,
  maxDealRows: number,
): OffStrategyPipeline => {
  const listed = finishTopList(part.rows, maxDealRows, compareRows);
  return {
    completeness,
    total: amountTotalOf(part.total),
    unapproved: finishSplit(part.unapproved),
    approved: finishSplit(part.approved),
    deals: listed.rows,
    dealsOmitted: listed.omitted,
  };
};
