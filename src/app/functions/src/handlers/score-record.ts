// `score_record`: scores the card's company or deal with the published strategy, writes the
// result back (diff-only, SCORING §8) and answers the full explained result.
import { isStrategyManager, ok, ScoreRecordParams } from '@strategy-fit/core';
import type { CardUser, Result, ScoreRecordValue, StrategyFitError } from '@strategy-fit/core';
import type { z } from 'zod';

import type { ActiveStrategy } from '../lib/active-strategy.ts';
import { checkRecordId, parseFunctionContext } from '../lib/function-context.ts';
import { readCompanyForScoring, readDealForScoring } from '../lib/read-facts.ts';
import type { Runtime } from '../lib/runtime.ts';
import { scoreCompanyFacts, scoreDealFacts } from '../lib/score.ts';
import { writeBack } from '../lib/write-back.ts';

export type ScoreRecordInput = z.output<typeof ScoreRecordParams>;

/** The card's parameters, checked against the record HubSpot says the card is on. */
export function parseScoreRecord(context: unknown): Result<ScoreRecordInput, StrategyFitError> {
  const parsed = parseFunctionContext(context, ScoreRecordParams);
  if (!parsed.ok) return parsed;
  const same = checkRecordId(parsed.value, parsed.value.params.objectId, 'objectId');
  return same.ok ? ok(parsed.value.params) : same;
}

/** A display hint for the card (show the decision buttons); decide_exception checks for real. */
const viewerIsManager = (active: ActiveStrategy, user: CardUser | undefined): boolean =>
  user !== undefined &&
  isStrategyManager(active.strategy, { userId: user.id, teamIds: user.teamIds });

async function scoreCompanyRecord(
  rt: Runtime,
  input: ScoreRecordInput,
): Promise<Result<ScoreRecordValue, StrategyFitError>> {
  const read = await readCompanyForScoring(rt, input.objectId);
  if (!read.ok) return read;
  const { active, company } = read.value;
  const { score, update } = scoreCompanyFacts(active, company);
  const written = await writeBack(rt, [
    { objectType: 'companies', id: company.id, properties: update },
  ]);
  if (!written.ok) return written;
  return ok({
    objectType: 'company',
    objectId: input.objectId,
    strategy: active.stamp,
    company: score,
    deal: null,
    written: written.value,
    scoredAt: new Date(company.nowMs).toISOString(),
    viewerIsManager: viewerIsManager(active, input.user),
  });
}

async function scoreDealRecord(
  rt: Runtime,
  input: ScoreRecordInput,
): Promise<Result<ScoreRecordValue, StrategyFitError>> {
  const read = await readDealForScoring(rt, input.objectId);
  if (!read.ok) return read;
  const scored = scoreDealFacts(read.value);
  const written = await writeBack(rt, [
    { objectType: 'deals', id: input.objectId, properties: scored.dealUpdate },
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
  return ok({
    objectType: 'deal',
    objectId: input.objectId,
    strategy: read.value.active.stamp,
    company: scored.company,
    deal: scored.deal,
    written: written.value,
    scoredAt: new Date(read.value.deal.nowMs).toISOString(),
    viewerIsManager: viewerIsManager(read.value.active, input.user),
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
