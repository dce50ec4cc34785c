// HubSpot's entrypoint of the `rescore_stale` app function: bundled into dist/rescore-stale.js,
// which HubSpot `require`s and calls as `exports.main(context)`.
import type { RescoreStaleResponse } from '@strategy-fit/core';

import { parseRescoreStale, rescoreStale } from '../handlers/rescore-stale.ts';
import { respond } from '../lib/respond.ts';
import { bulkRuntimeFromEnv, handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<RescoreStaleResponse> =>
  respond('rescore_stale', () =>
    handle(parseRescoreStale(context), rescoreStale, bulkRuntimeFromEnv),
  );
