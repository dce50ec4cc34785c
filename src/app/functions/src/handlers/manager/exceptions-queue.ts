// The exceptions queue of the review page: deals whose exception is requested (SCORING §7), with
// the rep's reason and who asked, from the audit trail `strategy_fit_exception_log` that
// request_exception writes (docs/functions.md#the-audit-trail).
import { EXCEPTION_PROPERTIES } from '@strategy-fit/core';
import type { QueuedException, Requester } from '@strategy-fit/core';
import { REVIEW_DEAL_PROPERTIES, stageOf, textOf, toReviewDeal } from '@strategy-fit/hubspot';
import type { RawRecord, StageIndex } from '@strategy-fit/hubspot';

import { EXCEPTION_LOG_PROPERTY } from '../../lib/exception-log.ts';

/** The deal properties a queue row reads: the review's and the audit trail. */
export const QUEUE_PROPERTIES: readonly string[] = [
  ...REVIEW_DEAL_PROPERTIES,
  EXCEPTION_LOG_PROPERTY,
];

/** How many lines of the audit trail a row carries (the newest). */
export const QUEUE_HISTORY_LINES = 20;

// "2026-11-27T10:03:00.000Z requested by Priya Raman <priya@…> (user 9100003): reason"
const REQUEST_LINE = /^(\S+) requested by (.+?) \(user (\d+)\): /;
const NAME_EMAIL = /^(.*?)\s*<([^<>]+)>$/;

/** The latest "requested by" line of an audit trail: when and who; null when there is none. */
export function latestRequest(
  log: string | null,
): { requestedAt: string; requestedBy: Requester } | null {
  const lines = (log ?? '').split('\n').filter((l) => l.trim() !== '');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const match = REQUEST_LINE.exec(lines[i] ?? '');
    if (match === null) continue;
    const [, at = '', who = '', userId = ''] = match;
    const named = NAME_EMAIL.exec(who);
    const requestedBy: Requester =
      named === null
        ? { name: who, email: who.includes('@') ? who : null, userId }
        : {
            name: named[1] === '' ? (named[2] ?? '') : (named[1] ?? ''),
            email: named[2] ?? null,
            userId,
          };
    return { requestedAt: at, requestedBy };
  }
  return null;
}

/** A queue row from a deal record (its stored score, stage, the rep's reason and the trail). */
export function toQueuedException(
  r: RawRecord,
  stages: StageIndex,
  nowMs: number,
): QueuedException {
  const deal = toReviewDeal(r, { stages, companyId: null, nowMs });
  const log = r.properties[EXCEPTION_LOG_PROPERTY] ?? null;
  const request = latestRequest(log);
  const history = (log ?? '').split('\n').filter((l) => l.trim() !== '');
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
    requestedAt: request?.requestedAt ?? null,
    requestedBy: request?.requestedBy ?? null,
    history: history.slice(-QUEUE_HISTORY_LINES),
  };
}
