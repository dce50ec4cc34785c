// `request_exception`: a rep asks for an exception for an off-strategy deal with a written
// reason (SCORING §7). The deal is scored fresh (the request must fit its state now); the
// request, the fresh score and a line of the audit trail are written in one update.
import {
  exceptionFromProperties,
  exceptionRequestProperties,
  ok,
  RequestExceptionParams,
} from '@strategy-fit/core';
import type { ExceptionValue, Result, StrategyFitError } from '@strategy-fit/core';
import type { z } from 'zod';

import { appendLogLine, EXCEPTION_LOG_PROPERTY, requestLine } from '../lib/exception-log.ts';
import { checkRecordId, parseFunctionContext } from '../lib/function-context.ts';
import { readDealForScoring } from '../lib/read-facts.ts';
import type { Runtime } from '../lib/runtime.ts';
import { scoreDealFacts } from '../lib/score.ts';
import { verifyUser } from '../lib/verify-user.ts';
import { writeBack } from '../lib/write-back.ts';

export type RequestExceptionInput = z.output<typeof RequestExceptionParams>;

/** The card's parameters, checked against the deal HubSpot says the card is on (when sent). */
export function parseRequestException(
  context: unknown,
): Result<RequestExceptionInput, StrategyFitError> {
  const parsed = parseFunctionContext(context, RequestExceptionParams);
  if (!parsed.ok) return parsed;
  const same = checkRecordId(parsed.value, parsed.value.params.dealId, 'dealId');
  return same.ok ? ok(parsed.value.params) : same;
}

/** Records the request if the user is confirmed and the deal is off strategy; else changes nothing. */
export async function requestException(
  rt: Runtime,
  input: RequestExceptionInput,
): Promise<Result<ExceptionValue, StrategyFitError>> {
  const [user, read] = await Promise.all([
    verifyUser(rt, input.user),
    readDealForScoring(rt, input.dealId, [EXCEPTION_LOG_PROPERTY]),
  ]);
  if (!user.ok) return user;
  if (!read.ok) return read;
  const { deal, company } = read.value;
  const scored = scoreDealFacts(read.value);
  const request = exceptionRequestProperties(scored.deal, input.reason);
  if (!request.ok) return request;
  const update: Record<string, string> = {
    ...scored.dealUpdate,
    ...request.value,
    [EXCEPTION_LOG_PROPERTY]: appendLogLine(
      deal.properties[EXCEPTION_LOG_PROPERTY],
      requestLine(deal.nowMs, user.value, input.reason),
    ),
  };
  const written = await writeBack(rt, [
    { objectType: 'deals', id: input.dealId, properties: update },
    ...(company === null
      ? []
      : [{ objectType: 'companies' as const, id: company.id, properties: scored.companyUpdate }]),
  ]);
  if (!written.ok) return written;
  return ok({
    dealId: input.dealId,
    exception: exceptionFromProperties({ ...deal.properties, ...update }, deal.nowMs),
  });
}
