// `npm start`, its last step: what a rep sees on a company and a deal. It picks an open deal of a
// dream or fit company whose segment has positioning (SCORING §10), preferring one with a
// price-competition warning and competitors, asks the real `score_record` app function for the
// deal and for its company as the cards do (the function's own handler, runtime and answer, on the
// demo portal, with the record HubSpot would name in `propertiesToSend`), and prints the cards' view
// models as text (card-text.ts). The real cards are seen with `hs project dev` (docs/cards.md).
import { ok, ScoreRecordResponse } from '@strategy-fit/core';
import type { Result, Strategy, StrategyFitError } from '@strategy-fit/core';
import { readPublishedStrategy, readRecords, searchRecords } from '@strategy-fit/hubspot';
import type { HubSpot, SearchFilter } from '@strategy-fit/hubspot';

import { companyCardView } from '../../../../src/app/cards/view-model/company-card.ts';
import { dealCardView } from '../../../../src/app/cards/view-model/deal-card.ts';
import {
  parseScoreRecord,
  scoreRecord,
} from '../../../../src/app/functions/src/handlers/score-record.ts';
import { respond } from '../../../../src/app/functions/src/lib/respond.ts';
import { createRuntime, handle } from '../../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../../src/app/functions/src/lib/runtime.ts';
import { companyCardText, dealCardText } from './card-text.ts';

/** The deal the demo shows, and its name. */
export type DemoDeal = { readonly id: string; readonly name: string };

const SELLING_TIERS = ['dream', 'fit'];

/**
 * The app's functions share HubSpot's rate limit with the CLI (docs/install.md §8): right after
 * the bulk run, a card may answer `hubspot_rate_limited`, and a rep presses Retry. The demo does
 * the same, a few times, a couple of seconds apart.
 */
const RETRIES = 5;
const RETRY_AFTER_MS = 2_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * An open deal of a dream or fit company in a segment with positioning, the lowest id first: one
 * with a price-competition warning and a competitor the strategy lists if there is one, else one
 * with such a competitor, else any. Null when the portal has none.
 */
export async function findDemoDeal(
  hs: HubSpot,
  strategy: Strategy,
): Promise<Result<DemoDeal | null, StrategyFitError>> {
  const positioned = strategy.segments.filter((s) => s.positioning !== undefined).map((s) => s.id);
  if (positioned.length === 0) return ok(null);
  const base: SearchFilter[] = [
    { propertyName: 'hs_is_closed', operator: 'EQ', value: 'false' },
    { propertyName: 'strategy_fit_tier', operator: 'IN', values: SELLING_TIERS },
    { propertyName: 'strategy_fit_segment', operator: 'IN', values: positioned },
  ];
  const listed = (strategy.competitors ?? []).map((c) => c.id);
  const competitor: SearchFilter[] =
    listed.length === 0
      ? []
      : [{ propertyName: 'strategy_fit_competitors', operator: 'IN', values: listed }];
  const price: SearchFilter = {
    propertyName: 'strategy_fit_warnings',
    operator: 'IN',
    values: ['price_competition'],
  };
  for (const filters of [[...base, price, ...competitor], [...base, ...competitor], base]) {
    const page = await searchRecords(hs, {
      objectType: 'deals',
      properties: ['dealname'],
      where: { kind: 'filters', filterGroups: [{ filters }] },
      limit: 1,
    });
    if (!page.ok) return page;
    const deal = page.value.records[0];
    if (deal !== undefined) return ok({ id: deal.id, name: deal.properties['dealname'] ?? '' });
  }
  return ok(null);
}

/** `score_record` as HubSpot runs it for a card on record `id` (its answer, as the card gets it). */
export const scoreRecordAnswer = async (
  rt: Runtime,
  objectType: 'company' | 'deal',
  id: string,
): Promise<ScoreRecordResponse> =>
  ScoreRecordResponse.parse(
    await respond(
      'score_record',
      () =>
        handle(
          parseScoreRecord({
            parameters: { objectType },
            propertiesToSend: { hs_object_id: id },
            secrets: {},
          }),
          scoreRecord,
          () => ok(rt),
        ),
      // The demo prints the error it gives up on; the function's own log line would repeat it.
      { secrets: rt.secrets, log: () => {} },
    ),
  );

/**
 * The deal card and its company's card, as text; null when the portal has no deal to show. The
 * function runs on its own runtime (a warm container's), with the app's token and API origin.
 */
export async function repCardsText(
  hs: HubSpot,
  origin: { readonly accessToken: string; readonly basePath: string },
  options: { readonly retryAfterMs?: number } = {},
): Promise<Result<string | null, StrategyFitError>> {
  const stored = await readPublishedStrategy(hs);
  if (!stored.ok) return stored;
  if (stored.value === null) return ok(null);
  const found = await findDemoDeal(hs, stored.value.strategy);
  if (!found.ok) return found;
  if (found.value === null) return ok(null);
  const rt = createRuntime(origin);
  const answer = async (objectType: 'company' | 'deal', id: string) => {
    let last = await scoreRecordAnswer(rt, objectType, id);
    for (let retry = 1; retry <= RETRIES; retry += 1) {
      if (last.ok || last.error.code !== 'hubspot_rate_limited') break;
      await sleep(options.retryAfterMs ?? RETRY_AFTER_MS);
      last = await scoreRecordAnswer(rt, objectType, id);
    }
    return last;
  };
  const dealAnswer = await answer('deal', found.value.id);
  if (!dealAnswer.ok) return dealAnswer;
  const { deal } = dealAnswer.value;
  const companyId = deal?.companyId ?? null;
  if (deal === null || companyId === null) return ok(null);
  const [companyAnswer, named] = await Promise.all([
    answer('company', companyId),
    readRecords(hs, 'companies', [companyId], ['name']),
  ]);
  if (!companyAnswer.ok) return companyAnswer;
  if (!named.ok) return named;
  const company = companyAnswer.value.company;
  if (company === null) return ok(null);
  const companyName = named.value.records[0]?.properties['name'] ?? '';
  return ok(
    [
      companyCardText(
        companyCardView(companyAnswer.value.strategy, company),
        `Company card · ${companyName} (company ${companyId})`,
      ),
      dealCardText(
        dealCardView(dealAnswer.value, deal),
        `Deal card · ${found.value.name} (deal ${found.value.id})`,
      ),
    ].join('\n\n'),
  );
}
