// HubSpot's entrypoint of the `strategy_review` app function: bundled into
// dist/strategy-review.js, which HubSpot `require`s and calls as `exports.main(context)`.
import type { StrategyReviewResponse } from '@strategy-fit/core';

import { parseStrategyReview, strategyReview } from '../handlers/strategy-review.ts';
import { respond } from '../lib/respond.ts';
import { bulkRuntimeFromEnv, handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<StrategyReviewResponse> =>
  respond('strategy_review', () =>
    handle(parseStrategyReview(context), strategyReview, bulkRuntimeFromEnv),
  );
