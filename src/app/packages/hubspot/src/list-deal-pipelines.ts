import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { hubspotRequest } from './request.ts';
import { PipelinesAnswer } from './schema.ts';
import type { Pipeline } from './schema.ts';

export type { Pipeline } from './schema.ts';

/** The deal pipelines with their stages (closed / won / probability from HubSpot's metadata). */
export async function listDealPipelines(
  hs: HubSpot,
): Promise<Result<Pipeline[], StrategyFitError>> {
  const answer = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.pipelines('deals'),
    answer: PipelinesAnswer,
    operation: 'reading the deal pipelines',
    objectType: 'deals',
  });
  return answer.ok ? ok(answer.value.results) : answer;
}
