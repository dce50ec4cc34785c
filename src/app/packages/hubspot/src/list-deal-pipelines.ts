import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { callParsed } from './create-client.ts';
import type { HubSpot } from './create-client.ts';
import { PipelinesAnswer } from './schema.ts';
import type { Pipeline } from './schema.ts';

export type { Pipeline } from './schema.ts';

/** The deal pipelines with their stages (closed / won / probability from HubSpot's metadata). */
export async function listDealPipelines(
  hs: HubSpot,
): Promise<Result<Pipeline[], StrategyFitError>> {
  const answer = await callParsed(
    hs,
    { operation: 'reading the deal pipelines', objectType: 'deals' },
    PipelinesAnswer,
    (api) => api.pipelines.getAll('deals'),
  );
  return answer.ok ? ok(answer.value.results) : answer;
}
