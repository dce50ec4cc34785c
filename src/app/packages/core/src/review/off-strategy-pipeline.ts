import { isApprovalActive } from '../exceptions/expiry.ts';
import { amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import type { AmountTally } from './cents.ts';
import { compareAmountDesc, compareText, compareTier } from './compare.ts';
import type {
  Completeness,
  OffStrategyDealRow,
  OffStrategyPipeline,
  OwnerAmount,
  PipelineSplit,
  ReasonAmount,
  ReviewDeal,
  StageAmount,
} from './schema.ts';
import { createTopList } from './top-list.ts';

type Group<K> = { key: K; tally: AmountTally };

/** A tally per key, keyed by a string that identifies the key. */
const createGroups = <K>() => {
  const groups = new Map<string, Group<K>>();
  return {
    add: (id: string, key: K, amount: number | null): Group<K> => {
      let group = groups.get(id);
      if (group === undefined) {
        group = { key, tally: createAmountTally() };
        groups.set(id, group);
      }
      tallyAmount(group.tally, amount);
      return group;
    },
    /** Largest amount first, then most deals, then `compareKeys`. */
    sorted: (compareKeys: (a: K, b: K) => number): Group<K>[] =>
      [...groups.values()].sort(
        (a, b) =>
          b.tally.cents - a.tally.cents ||
          b.tally.count - a.tally.count ||
          compareKeys(a.key, b.key),
      ),
  };
};

type StageKey = { pipelineId: string | null; stageId: string | null; label: string | null };
export type ReasonKey = Pick<ReasonAmount, 'tier' | 'reason'>;

/**
 * The reason a deal is grouped under: the refusing exclusion's reason as written; for tier
 * off_strategy null, because those reasons differ only by the best segment's score.
 */
export const reasonKeyOf = (deal: Pick<ReviewDeal, 'tier' | 'reason'>): ReasonKey => ({
  tier: deal.tier,
  reason: deal.tier === 'off_strategy' ? null : deal.reason,
});

const createSplit = () => {
  const total = createAmountTally();
  const owners = createGroups<string | null>();
  const stages = createGroups<StageKey>();
  const reasons = createGroups<ReasonKey>();
  return {
    add: (deal: ReviewDeal): void => {
      tallyAmount(total, deal.amount);
      owners.add(JSON.stringify(deal.ownerId), deal.ownerId, deal.amount);
      const stageId = JSON.stringify([deal.pipelineId, deal.stageId]);
      const stage = stages.add(
        stageId,
        { pipelineId: deal.pipelineId, stageId: deal.stageId, label: deal.stageLabel },
        deal.amount,
      );
      // Deals of one stage may carry different labels (a renamed stage): keep the first in order.
      if (compareText(deal.stageLabel, stage.key.label) < 0) stage.key.label = deal.stageLabel;
      const reason = reasonKeyOf(deal);
      reasons.add(JSON.stringify([reason.tier, reason.reason]), reason, deal.amount);
    },
    finish: (): PipelineSplit => ({
      ...amountTotalOf(total),
      byOwner: owners
        .sorted(compareText)
        .map((g): OwnerAmount => ({ ownerId: g.key, ...amountTotalOf(g.tally) })),
      byStage: stages
        .sorted(
          (a, b) => compareText(a.pipelineId, b.pipelineId) || compareText(a.stageId, b.stageId),
        )
        .map((g): StageAmount => ({
          pipelineId: g.key.pipelineId,
          stageId: g.key.stageId,
          stageLabel: g.key.label,
          ...amountTotalOf(g.tally),
        })),
      byReason: reasons
        .sorted((a, b) => compareTier(a.tier, b.tier) || compareText(a.reason, b.reason))
        .map((g): ReasonAmount => ({ ...g.key, ...amountTotalOf(g.tally) })),
    }),
  };
};

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
  amount: deal.amount,
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

export type OffStrategyPipelineAccumulator = {
  addDeal: (deal: ReviewDeal) => void;
  finish: (completeness: Completeness) => OffStrategyPipeline;
};

/** SCORING §9: open deals with offStrategy true, unapproved vs approved exceptions. */
export const createOffStrategyPipeline = (
  nowMs: number,
  maxDealRows: number,
): OffStrategyPipelineAccumulator => {
  const total = createAmountTally();
  const unapproved = createSplit();
  const approved = createSplit();
  const rows = createTopList(maxDealRows, compareRows);
  return {
    addDeal: (deal) => {
      if (deal.isClosed || !deal.offStrategy) return;
      const isApproved = isApprovedException(deal.exception, nowMs);
      tallyAmount(total, deal.amount);
      (isApproved ? approved : unapproved).add(deal);
      rows.add(rowOf(deal, isApproved));
    },
    finish: (completeness) => {
      const listed = rows.finish();
      return {
        completeness,
        total: amountTotalOf(total),
        unapproved: unapproved.finish(),
        approved: approved.finish(),
        deals: listed.rows,
        dealsOmitted: listed.omitted,
      };
    },
  };
};
