// `score_record`: scores the company or deal the card is on (HubSpot says which:
// `propertiesToSend.hs_object_id`) with the published strategy, writes the result back
// (diff-only, SCORING §8) and answers the full explained result with the managers' names. A deal's
// exception properties count only while the app wrote them last: set by hand, they are restored
// from the deal's exception events (docs/security.md).
import { ok, ScoreRecordParams } from '@strategy-fit/core';
import type { Result, ScoreRecordValue, StrategyFitError } from '@strategy-fit/core';

import {
  latestEvent,
  projectionOf,
  projectionTrusted,
  readDealTrail,
  stateOf,
} from '../lib/exception-trail.ts';
import { parseFunctionContext, requireRecordId } from '../lib/function-context.ts';
import { managerNames } from '../lib/manager-names.ts';
import { readCompanyForScoring, readDealForScoring } from '../lib/read-facts.ts';
import type { Runtime } from '../lib/runtime.ts';
import { scoreCompanyFacts, scoreDealFacts } from '../lib/score.ts';
import { writeBack } from '../lib/write-back.ts';

export type ScoreRecordInput = {
  readonly objectType: 'company' | 'deal';
  readonly objectId: string;
};

/** The kind of record, and the record HubSpot says the card is on (never an id from parameters). */
export function parseScoreRecord(context: unknown): Result<ScoreRecordInput, StrategyFitError> {
  const parsed = parseFunctionContext(context, ScoreRecordParams);
  if (!parsed.ok) return parsed;
  const { objectType } = parsed.value.params;
  const id = requireRecordId(parsed.value, objectType);
  return id.ok ? ok({ objectType, objectId: id.value }) : id;
}

async function scoreCompanyRecord(
  rt: Runtime,
  input: ScoreRecordInput,
): Promise<Result<ScoreRecordValue, StrategyFitError>> {
  const read = await readCompanyForScoring(rt, input.objectId);
  if (!read.ok) return read;
  const { active, company } = read.value;
  const { score, update } = scoreCompanyFacts(active, company);
  const [written, names] = await Promise.all([
    writeBack(rt, [{ objectType: 'companies', id: company.id, properties: update }]),
    managerNames(rt, active),
  ]);
  if (!written.ok) return written;
  if (!names.ok) return names;
  return ok({
    objectType: 'company',
    objectId: input.objectId,
    strategy: active.stamp,
    company: score,
    deal: null,
    written: written.value,
    scoredAt: new Date(company.nowMs).toISOString(),
    managerNames: names.value,
  });
}

async function scoreDealRecord(
  rt: Runtime,
  input: ScoreRecordInput,
): Promise<Result<ScoreRecordValue, StrategyFitError>> {
  const [read, trail] = await Promise.all([
    readDealForScoring(rt, input.objectId),
    readDealTrail(rt, input.objectId),
  ]);
  if (!read.ok) return read;
  if (!trail.ok) return trail;
  const scored = scoreDealFacts(read.value);
  let deal = scored.deal;
  let dealUpdate = scored.dealUpdate;
  if (trail.value !== null && !projectionTrusted(trail.value)) {
    // Someone set the exception by hand: the deal's events say how it stands.
    const latest = await latestEvent(rt, input.objectId, { ...trail.value, hintSeq: 0 });
    if (!latest.ok) return latest;
    deal = { ...deal, exception: stateOf(latest.value, read.value.deal.nowMs) };
    dealUpdate = { ...dealUpdate, ...projectionOf(latest.value) };
  }
  const [written, names] = await Promise.all([
    writeBack(rt, [
      { objectType: 'deals', id: input.objectId, properties: dealUpdate },
      ...(read.value.company === null
        ? []
        : [
            {
              objectType: 'companies' as const,
              id: read.value.company.id,
              properties: scored.companyUpdate,
            },
          ]),
    ]),
    managerNames(rt, read.value.active),
  ]);
  if (!written.ok) return written;
  if (!names.ok) return names;
  return ok({
    objectType: 'deal',
    objectId: input.objectId,
    strategy: read.value.active.stamp,
    company: scored.company,
    deal,
    written: written.value,
    scoredAt: new Date(read.value.deal.nowMs).toISOString(),
    managerNames: names.value,
  });
}

/** Scores one company or deal (with its company), writes back what changed, answers the result. */
export function scoreRecord(
  rt: Runtime,
  input: ScoreRecordInput,
): Promise<Result<ScoreRecordValue, StrategyFitError>> {
  return input.objectType === 'company'
    ? scoreCompanyRecord(rt, input)
    : scoreDealRecord(rt, input);
}
