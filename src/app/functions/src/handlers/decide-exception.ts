// `decide_exception`: a strategy manager approves or rejects the request they saw (SCORING §7).
// Who decides, what and until when is what HubSpot recorded when they set “Exception: decision”
// (and “Exception: approved until”) on the deal in HubSpot's UI; the decider must be a manager of
// the published strategy. The decision is recorded as the deal's next exception event
// (compare-and-set on the request it answers), then the deal's exception properties follow it.
import {
  checkManager,
  DecideExceptionParams,
  EXCEPTION_INPUT_PROPERTIES,
  err,
  ok,
  planDecision,
  strategyFitError,
  verifiedEdit,
} from '@strategy-fit/core';
import type { ExceptionValue, Result, StrategyFitError } from '@strategy-fit/core';
import { recordExceptionEvent } from '@strategy-fit/hubspot';

import {
  clearedInputs,
  latestEvent,
  projectionOf,
  readDealTrail,
  stateOf,
} from '../lib/exception-trail.ts';
import { parseFunctionContext, requireRecordId } from '../lib/function-context.ts';
import { knownUser, strategyManagers } from '../lib/hubspot-user.ts';
import type { Runtime } from '../lib/runtime.ts';
import { writeBack } from '../lib/write-back.ts';
import { raced } from './request-exception.ts';

export type DecideExceptionInput = {
  readonly dealId: string;
  readonly requestSeq: number;
  readonly decision: 'approve' | 'reject';
};

/** The deal HubSpot says the card is on, and the request the manager saw. */
export function parseDecideException(
  context: unknown,
): Result<DecideExceptionInput, StrategyFitError> {
  const parsed = parseFunctionContext(context, DecideExceptionParams);
  if (!parsed.ok) return parsed;
  const dealId = requireRecordId(parsed.value, 'deal');
  if (!dealId.ok) return dealId;
  const { requestSeq, decision } = parsed.value.params;
  return ok({ dealId: dealId.value, requestSeq, decision });
}

const NOT_FOUND = (dealId: string): StrategyFitError =>
  strategyFitError('record_not_found', `HubSpot has no deal ${dealId}.`, {
    objectType: 'deals',
    recordId: dealId,
  });

/** Records the decision HubSpot says a manager made on the open request; else changes nothing. */
export async function decideException(
  rt: Runtime,
  input: DecideExceptionInput,
): Promise<Result<ExceptionValue, StrategyFitError>> {
  const nowMs = rt.now();
  const [active, trail] = await Promise.all([
    rt.strategies.current(),
    readDealTrail(rt, input.dealId),
  ]);
  if (!active.ok) return active;
  if (!trail.ok) return trail;
  if (trail.value === null) return err(NOT_FOUND(input.dealId));
  const latest = await latestEvent(rt, input.dealId, trail.value);
  if (!latest.ok) return latest;
  const history = trail.value.history;
  const decisionEdit = verifiedEdit(history[EXCEPTION_INPUT_PROPERTIES.decision] ?? []);
  const plan = (deciderName: string, otherManagers: number) =>
    planDecision({
      latest: latest.value,
      seenSeq: input.requestSeq,
      seenDecision: input.decision,
      decisionEdit,
      expiresEdit: verifiedEdit(history[EXCEPTION_INPUT_PROPERTIES.expires] ?? []),
      deciderName,
      otherManagers,
      nowMs,
    });
  if (decisionEdit === null) {
    const refused = plan('', 1);
    if (!refused.ok) return refused;
    throw new Error('planDecision accepted a decision nobody made'); // a bug: it never does
  }
  const [decider, managers] = await Promise.all([
    knownUser(rt, decisionEdit.userId),
    strategyManagers(rt, active.value.strategy),
  ]);
  if (!decider.ok) return decider;
  if (!managers.ok) return managers;
  const allowed = checkManager(active.value, decider.value, 'decide');
  if (!allowed.ok) return allowed;
  const others = managers.value.filter((m) => m.userId !== decider.value.userId).length;
  const event = plan(decider.value.name, others);
  if (!event.ok) return event;
  const recorded = await recordExceptionEvent(rt.hs, event.value);
  if (!recorded.ok) return recorded;
  if (recorded.value.kind === 'taken') return err(raced(recorded.value.by));
  const written = await writeBack(rt, [
    {
      objectType: 'deals',
      id: input.dealId,
      properties: {
        ...projectionOf(event.value),
        ...clearedInputs([EXCEPTION_INPUT_PROPERTIES.decision, EXCEPTION_INPUT_PROPERTIES.expires]),
      },
    },
  ]);
  if (!written.ok) return written;
  return ok({ dealId: input.dealId, exception: stateOf(event.value, nowMs) });
}
