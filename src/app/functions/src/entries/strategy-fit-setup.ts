// HubSpot's entrypoint of the `strategy_fit_setup` app function (setup from the settings page,
// see docs/install.md): bundled into dist/strategy-fit-setup.js, which HubSpot `require`s and
// calls as `exports.main(context)`.
import type { StrategyFitSetupResponse } from '@strategy-fit/core';

import { parseStrategyFitSetup, runSetupChunk } from '../handlers/editor/strategy-fit-setup.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<StrategyFitSetupResponse> =>
  respond('strategy_fit_setup', () => handle(parseStrategyFitSetup(context), runSetupChunk));
