// `request_exception`: a rep asks for an exception for an off-strategy deal (SCORING §7). Who asks
// and why is what HubSpot recorded when they wrote “Exception: reason” on the deal in HubSpot's
// UI (the deal card's CrmPropertyList), never what a card says. The request is recorded as the
// deal's next exception event (compare-and-set), then the deal's exception properties follow it.
import {
  EXCEPTION_INPUT_PROPERTIES,
  describeExceptionEvent,
  err,
  ok,
  planRequest,
  RequestExceptionParams,
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
import { knownUser } from '../lib/hubspot-user.ts';
import { readDealForScoring } from '../lib/read-facts.ts';
import type { Runtime } from '../lib/runtime.ts';
import { scoreDealFacts } from '../lib/score.ts';
import { writeBack } from '../lib/write-back.ts';

export type RequestExceptionInput = { readonly dealId: string };

/** The deal HubSpot says the card is on; parameters carry nothing else. */
export function parseRequestException(
  context: unknown,
): Result<RequestExceptionInput, StrategyFitError> {
  const parsed = parseFunctionContext(context, RequestExceptionParams);
  if (!parsed.ok) return parsed;
  const dealId = requireRecordId(parsed.value, 'deal');
  return dealId.ok ? ok({ dealId: dealId.value }) : dealId;
}

/** A refusal naming the event HubSpot recorded at the same moment instead of ours. */
export const raced = (by: Parameters<typeof describeExceptionEvent>[0] | null): StrategyFitError =>
  strategyFitError(
    'conflict',
    by === null
      ? 'Something else was recorded for this deal at the same moment. Refresh the card.'
      : `At the same moment HubSpot recorded ${describeExceptionEvent(by)}. Refresh the card and read it.`,
  );

/** Records the request if HubSpot says who wrote the reason and the deal needs one; else nothing. */
export async function requestException(
  rt: Runtime,
  input: RequestExceptionInput,
): Promise<Result<ExceptionValue, StrategyFitError>> {
  const [read, trail] = await Promise.all([
    readDealForScoring(rt, input.dealId),
    readDealTrail(rt, input.dealId),
  ]);
  if (!read.ok) return read;
  if (!trail.ok) return trail;
  if (trail.value === null) {
    return err(strategyFitError('record_not_found', `HubSpot has no deal ${input.dealId}.`));
  }
  const latest = await latestEvent(rt, input.dealId, trail.value);
  if (!latest.ok) return latest;
  const edit = verifiedEdit(trail.value.history[EXCEPTION_INPUT_PROPERTIES.reason] ?? []);
  const requester = edit === null ? null : await knownUser(rt, edit.userId);
  if (requester !== null && !requester.ok) return requester;
  const scored = scoreDealFacts(read.value);
  const nowMs = read.value.deal.nowMs;
  const event = planRequest({
    dealId: input.dealId,
    latest: latest.value,
    reasonEdit: edit,
    requesterName: requester?.value.name ?? '',
    deal: { offStrategy: scored.deal.offStrategy, retained: scored.deal.retained },
    nowMs,
  });
  if (!event.ok) return event;
  const recorded = await recordExceptionEvent(rt.hs, event.value);
  if (!recorded.ok) return recorded;
  if (recorded.value.kind === 'taken') return err(raced(recorded.value.by));
  const written = await writeBack(rt, [
    {
      objectType: 'deals',
      id: input.dealId,
      properties: {
        ...scored.dealUpdate,
        ...projectionOf(event.value),
        ...clearedInputs([EXCEPTION_INPUT_PROPERTIES.reason]),
      },
    },
    ...(read.value.company === null
      ? []
      : [
          {
            objectType: 'companies' as const,
            id: read.value.company.id,
            properties: scored.companyUpdate,
          },
        ]),
  ]);
  if (!written.ok) return written;
  return ok({ dealId: input.dealId, exception: stateOf(event.value, nowMs) });
}
