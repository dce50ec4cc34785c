// `decide_exception`: a strategy manager approves (with an expiry, default 90 days) or rejects a
// requested exception (SCORING §7). Who is a manager is decided here, not by the card: the
// card's user must be an active HubSpot owner with that email, named (or in a team named) in
// the published strategy's `managers`. Anyone else is refused and nothing changes.
import {
  DecideExceptionParams,
  err,
  EXCEPTION_PROPERTIES,
  exceptionDecisionProperties,
  exceptionFromProperties,
  ok,
  readDateMs,
  strategyFitError,
} from '@strategy-fit/core';
import type { ExceptionValue, Result, StrategyFitError } from '@strategy-fit/core';
import type { z } from 'zod';

import { appendLogLine, decisionLine, EXCEPTION_LOG_PROPERTY } from '../lib/exception-log.ts';
import { checkRecordId, parseFunctionContext } from '../lib/function-context.ts';
import { readRecordProperties } from '../lib/read-facts.ts';
import type { Runtime } from '../lib/runtime.ts';
import { checkManager, verifyUser } from '../lib/verify-user.ts';
import { writeBack } from '../lib/write-back.ts';

export type DecideExceptionInput = z.output<typeof DecideExceptionParams>;

const DAY_MS = 86_400_000;
const DEAL_PROPERTIES = [...Object.values(EXCEPTION_PROPERTIES), EXCEPTION_LOG_PROPERTY];

const invalid = (message: string): StrategyFitError =>
  strategyFitError('invalid_input', `The request is not valid: ${message}.`, { path: 'expiresOn' });

/** The card's parameters; an expiry only goes with an approval and must be a real date. */
export function parseDecideException(
  context: unknown,
): Result<DecideExceptionInput, StrategyFitError> {
  const parsed = parseFunctionContext(context, DecideExceptionParams);
  if (!parsed.ok) return parsed;
  const same = checkRecordId(parsed.value, parsed.value.params.dealId, 'dealId');
  if (!same.ok) return same;
  const { expiresOn, decision } = parsed.value.params;
  if (expiresOn !== undefined) {
    if (decision !== 'approve') return err(invalid('only an approval has an expiry date'));
    const ms = readDateMs(expiresOn);
    if (ms === null || new Date(ms).toISOString().slice(0, 10) !== expiresOn) {
      return err(invalid(`${expiresOn} is not a date`));
    }
  }
  return ok(parsed.value.params);
}

/** Whole days from today (UTC) to `expiresOn`: the approval's validity; at least 1. */
function validityDays(
  expiresOn: string | undefined,
  nowMs: number,
): Result<number | undefined, StrategyFitError> {
  if (expiresOn === undefined) return ok(undefined);
  const days = Math.round(
    (Date.parse(`${expiresOn}T00:00:00Z`) - (nowMs - (nowMs % DAY_MS))) / DAY_MS,
  );
  return days >= 1
    ? ok(days)
    : err(invalid(`an approval must run past today, and ${expiresOn} does not`));
}

/** Approves or rejects the deal's open request if a confirmed strategy manager asks; else nothing. */
export async function decideException(
  rt: Runtime,
  input: DecideExceptionInput,
): Promise<Result<ExceptionValue, StrategyFitError>> {
  const nowMs = rt.now();
  const [active, user, deal] = await Promise.all([
    rt.strategies.current(),
    verifyUser(rt, input.user),
    readRecordProperties(rt, 'deals', input.dealId, DEAL_PROPERTIES),
  ]);
  if (!active.ok) return active;
  if (!user.ok) return user;
  const manager = checkManager(active.value, user.value);
  if (!manager.ok) return manager;
  if (!deal.ok) return deal;
  const days = validityDays(input.expiresOn, nowMs);
  if (!days.ok) return days;
  const decision = input.decision === 'approve' ? 'approved' : 'rejected';
  const change = exceptionDecisionProperties({
    exception: exceptionFromProperties(deal.value, nowMs),
    decision,
    by: `${user.value.email} (user ${user.value.userId})`,
    nowMs,
    ...(days.value === undefined ? {} : { validityDays: days.value }),
  });
  if (!change.ok) return change;
  const expiresOn = change.value[EXCEPTION_PROPERTIES.expires] ?? '';
  const update: Record<string, string> = {
    ...change.value,
    [EXCEPTION_LOG_PROPERTY]: appendLogLine(
      deal.value[EXCEPTION_LOG_PROPERTY],
      decisionLine(nowMs, user.value, decision, expiresOn === '' ? null : expiresOn),
    ),
  };
  const written = await writeBack(rt, [
    { objectType: 'deals', id: input.dealId, properties: update },
  ]);
  if (!written.ok) return written;
  return ok({
    dealId: input.dealId,
    exception: exceptionFromProperties({ ...deal.value, ...update }, nowMs),
  });
}
