// HubSpot's entrypoint of the `strategy_publish` app function (the strategy editor, see
// docs/strategy-editor.md): bundled into dist/strategy-publish.js, which HubSpot `require`s and
// calls as `exports.main(context)`.
import type { StrategyPublishResponse } from '@strategy-fit/core';

import {
  publishStrategyVersion,
  parseStrategyPublish,
} from '../handlers/editor/strategy-publish.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<StrategyPublishResponse> =>
  respond('strategy_publish', () => handle(parseStrategyPublish(context), publishStrategyVersion));
