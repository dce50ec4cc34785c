// The next event of a deal's exception, decided from what HubSpot verified (SCORING §7, issue 10):
// who wrote the reason or set the decision in HubSpot's UI, and when. Pure: the function reads
// the deal, its latest event and the edits' history, and records the event this returns.
import type { VerifiedEdit } from '../authority/property-version.ts';
import type { StrategyFitError } from '../errors.ts';
import { strategyFitError } from '../errors.ts';
import type { Result } from '../result.ts';
import { err, ok } from '../result.ts';
import { EXCEPTION_NOTE_MAX_CHARS, EXCEPTION_NOTE_MIN_CHARS } from '../scoring/exception.ts';
import { existingBusinessRefusal } from '../scoring/existing-business.ts';
import { approvalExpiry, isApprovalActive } from './expiry.ts';
import { describeExceptionEvent } from './exception-event.ts';
import type { ExceptionEvent } from './exception-event.ts';

const REASON_FIELD = '“Exception: reason”';
const DECISION_FIELD = '“Exception: decision”';

/**
 * A rep's request: the reason HubSpot says they wrote on this deal, after the last event. Only an
 * off-strategy deal needs one, and not one kept as existing business (SCORING §12, policy retain:
 * `retained` of its `DealScore`).
 */
export function planRequest(input: {
  dealId: string;
  latest: ExceptionEvent | null;
  reasonEdit: VerifiedEdit | null;
  requesterName: string;
  deal: { offStrategy: boolean; retained: boolean };
  nowMs: number;
}): Result<ExceptionEvent, StrategyFitError> {
  const { latest, reasonEdit } = input;
  if (latest?.kind === 'requested') {
    return err(
      strategyFitError(
        'exception_not_allowed',
        `This deal already has an open request (${describeExceptionEvent(latest)}); a manager decides it first.`,
      ),
    );
  }
  if (latest?.kind === 'approved' && isApprovalActive(latest.expiresOn, input.nowMs)) {
    return err(
      strategyFitError(
        'exception_not_allowed',
        `This deal already has an approved exception until ${latest.expiresOn ?? 'its expiry date'}.`,
      ),
    );
  }
  const retained = existingBusinessRefusal(input.deal);
  if (retained !== null) return err(retained);
  if (!input.deal.offStrategy) {
    return err(
      strategyFitError('exception_not_allowed', 'Only an off-strategy deal needs an exception.'),
    );
  }
  if (reasonEdit === null || (latest !== null && reasonEdit.atMs <= latest.editedAtMs)) {
    return err(
      strategyFitError(
        'not_verified',
        `Write your reason in ${REASON_FIELD} on this deal first: HubSpot records who wrote it, and that is who asks.`,
        { path: 'reason' },
      ),
    );
  }
  const reason = reasonEdit.value.trim();
  if (reason.length < EXCEPTION_NOTE_MIN_CHARS || reason.length > EXCEPTION_NOTE_MAX_CHARS) {
    return err(
      strategyFitError(
        'invalid_input',
        `Explain why this deal deserves an exception in ${EXCEPTION_NOTE_MIN_CHARS} to ${EXCEPTION_NOTE_MAX_CHARS} characters (${REASON_FIELD} has ${reason.length}).`,
        { path: 'reason' },
      ),
    );
  }
  return ok({
    dealId: input.dealId,
    seq: (latest?.seq ?? 0) + 1,
    kind: 'requested',
    actorUserId: reasonEdit.userId,
    actorName: input.requesterName,
    reason,
    requesterName: input.requesterName,
    expiresOn: null,
    answersSeq: null,
    selfApproved: false,
    editedAtMs: reasonEdit.atMs,
  });
}

/**
 * A manager's decision on the request they saw (`seenSeq`): the decision HubSpot says they set on
 * this deal after that request. The caller has checked that the decider is a manager;
 * `otherManagers` counts the managers besides them (a manager's own request goes to another).
 */
export function planDecision(input: {
  latest: ExceptionEvent | null;
  seenSeq: number;
  /** The decision the card showed the manager: compared with HubSpot's record, never trusted. */
  seenDecision: 'approve' | 'reject';
  decisionEdit: VerifiedEdit | null;
  expiresEdit: VerifiedEdit | null;
  deciderName: string;
  otherManagers: number;
  nowMs: number;
}): Result<ExceptionEvent, StrategyFitError> {
  const { latest, decisionEdit } = input;
  if (latest === null || latest.kind !== 'requested') {
    return err(
      strategyFitError(
        latest !== null && latest.seq > input.seenSeq ? 'conflict' : 'exception_not_allowed',
        latest === null
          ? 'There is no open exception request on this deal.'
          : `There is no open request any more: ${describeExceptionEvent(latest)}.`,
      ),
    );
  }
  if (latest.seq !== input.seenSeq) {
    return err(
      strategyFitError(
        'conflict',
        `The request you saw (#${input.seenSeq}) is not the open one: ${describeExceptionEvent(latest)}. Read it and decide again.`,
      ),
    );
  }
  if (decisionEdit === null || decisionEdit.atMs <= latest.editedAtMs) {
    return err(
      strategyFitError(
        'not_verified',
        `Set ${DECISION_FIELD} on this deal first (after request #${latest.seq}): HubSpot records who sets it, and that is who decides.`,
        { path: 'decision' },
      ),
    );
  }
  if (decisionEdit.value !== input.seenDecision) {
    return err(
      strategyFitError(
        'conflict',
        `${DECISION_FIELD} now says “${decisionEdit.value}”, set at ${new Date(decisionEdit.atMs).toISOString()} by user ${decisionEdit.userId}, not “${input.seenDecision}” as you saw it. Read it and decide again.`,
      ),
    );
  }
  const kind =
    decisionEdit.value === 'approve'
      ? 'approved'
      : decisionEdit.value === 'reject'
        ? 'rejected'
        : null;
  if (kind === null) {
    return err(
      strategyFitError(
        'invalid_input',
        `${DECISION_FIELD} is “${decisionEdit.value}”: choose approve or reject.`,
        {
          path: 'decision',
        },
      ),
    );
  }
  const own = decisionEdit.userId === latest.actorUserId;
  if (own && input.otherManagers > 0) {
    return err(
      strategyFitError(
        'not_allowed',
        'This is your own request: another manager of the strategy decides it.',
      ),
    );
  }
  // The expiry counts only when the same manager set it, after the request (else the default).
  const expiresSet =
    input.expiresEdit !== null &&
    input.expiresEdit.userId === decisionEdit.userId &&
    input.expiresEdit.atMs > latest.editedAtMs
      ? input.expiresEdit.value
      : null;
  const expiresOn = kind === 'approved' ? approvalExpiry(expiresSet, input.nowMs) : ok(null);
  if (!expiresOn.ok) return expiresOn;
  return ok({
    dealId: latest.dealId,
    seq: latest.seq + 1,
    kind,
    actorUserId: decisionEdit.userId,
    actorName: input.deciderName,
    reason: latest.reason,
    requesterName: latest.requesterName,
    expiresOn: expiresOn.value,
    answersSeq: latest.seq,
    selfApproved: own && kind === 'approved',
    editedAtMs: decisionEdit.atMs,
  });
}
