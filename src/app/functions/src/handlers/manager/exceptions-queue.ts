// The exceptions queue of the review page: deals whose exception is requested (SCORING §7), with
// the rep's reason, who asked and when, as the deal's exception properties reflect the request
// event (docs/functions.md). Names only: no user ids, no emails.
import { EXCEPTION_PROPERTIES } from '@strategy-fit/core';
import type { QueuedException } from '@strategy-fit/core';
import { REVIEW_DEAL_PROPERTIES, stageOf, textOf, toReviewDeal } from '@strategy-fit/hubspot';
import type { RawRecord, SearchFilter, StageIndex } from '@strategy-fit/hubspot';

/** The deal properties a queue row reads: the review's and the request's. */
export const QUEUE_PROPERTIES: readonly string[] = [
  ...new Set([...REVIEW_DEAL_PROPERTIES, ...Object.values(EXCEPTION_PROPERTIES)]),
];

/** Deals with a requested exception, narrowed by the review's filters. */
export const queueFilters = (filters: readonly SearchFilter[]): SearchFilter[] => [
  { propertyName: EXCEPTION_PROPERTIES.status, operator: 'EQ', value: 'requested' },
  ...filters,
];

/** A queue row from a deal record (its stored score, stage, the rep's reason, who asked and when). */
export function toQueuedException(
  r: RawRecord,
  stages: StageIndex,
  nowMs: number,
): QueuedException {
  const deal = toReviewDeal(r, { stages, companyId: null, nowMs });
  const requester = textOf(r.properties[EXCEPTION_PROPERTIES.requestedBy]);
  const seq = Number(textOf(r.properties[EXCEPTION_PROPERTIES.seq]) ?? '0');
  return {
    dealId: deal.id,
    name: deal.name,
    amount: deal.amount,
    ownerId: deal.ownerId,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    stageLabel: stageOf(stages, deal.pipelineId, deal.stageId)?.label ?? null,
    isClosed: deal.isClosed,
    tier: deal.tier,
    reason: deal.reason,
    note: textOf(r.properties[EXCEPTION_PROPERTIES.note]),
    requestedAt: textOf(r.properties[EXCEPTION_PROPERTIES.at]),
    requestedBy: requester === null ? null : { name: requester },
    requestSeq: Number.isInteger(seq) && seq > 0 ? seq : 0,
  };
}
