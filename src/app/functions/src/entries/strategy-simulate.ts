// HubSpot's entrypoint of the `strategy_simulate` app function (the strategy editor, see
// docs/strategy-editor.md): bundled into dist/strategy-simulate.js, which HubSpot `require`s and
// calls as `exports.main(context)`.
import type { StrategySimulateResponse } from '@strategy-fit/core';

import { simulateStrategy, parseStrategySimulate } from '../handlers/editor/strategy-simulate.ts';
import { respond } from '../lib/respond.ts';
import { bulkRuntimeFromEnv, handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<StrategySimulateResponse> =>
  respond('strategy_simulate', () =>
    handle(parseStrategySimulate(context), simulateStrategy, bulkRuntimeFromEnv),
  );
