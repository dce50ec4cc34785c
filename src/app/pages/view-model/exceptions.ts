import type { QueuedException, StrategyReviewValue } from '@strategy-fit/core';

import { formatAmount } from './format.ts';
import { recordUrl } from './links.ts';
import { namesOf } from './names.ts';
import { tierWord } from './tiers.ts';

export type QueueRow = {
  readonly dealId: string;
  readonly name: string;
  readonly url: string;
  readonly amount: string;
  readonly owner: string;
  readonly stage: string;
  readonly tier: string;
  /** Why the deal is off strategy. */
  readonly offReason: string;
  /** The rep's reason for the exception. */
  readonly note: string;
  readonly requestedBy: string;
  readonly requestedOn: string;
};

export type QueueView = {
  readonly partial: boolean;
  readonly reasons: readonly string[];
  readonly total: number;
  readonly rows: readonly QueueRow[];
};

const row = (
  names: ReturnType<typeof namesOf>,
  portalId: number | string,
  q: QueuedException,
): QueueRow => ({
  dealId: q.dealId,
  name: q.name ?? `Deal ${q.dealId}`,
  url: recordUrl(portalId, 'deal', q.dealId),
  amount: formatAmount(q.amount),
  owner: names.owner(q.ownerId),
  stage: names.stage(q.pipelineId, q.stageId, q.stageLabel),
  tier: tierWord(q.tier),
  offReason: q.reason ?? '—',
  note: q.note ?? '(no reason given)',
  requestedBy: q.requestedBy?.name ?? 'Unknown',
  requestedOn: q.requestedAt === null ? '—' : q.requestedAt.slice(0, 10),
});

/** The exceptions queue: requested exceptions waiting for a manager (SCORING §7). */
export const queueOf = (value: StrategyReviewValue, portalId: number | string): QueueView => {
  const names = namesOf(value);
  const q = value.exceptionsQueue;
  return {
    partial: q.completeness.partial,
    reasons: q.completeness.reasons,
    total: q.total,
    rows: q.items.map((i) => row(names, portalId, i)),
  };
};
