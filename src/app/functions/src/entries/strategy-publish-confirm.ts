// HubSpot's entrypoint of the `strategy_publish_confirm` app function (the strategy editor, see
// docs/strategy-editor.md): bundled into dist/strategy-publish-confirm.js, which HubSpot
// `require`s and calls as `exports.main(context)`.
import type { StrategyPublishConfirmResponse } from '@strategy-fit/core';

import {
  confirmPublish,
  parseStrategyPublishConfirm,
} from '../handlers/editor/strategy-publish-confirm.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<StrategyPublishConfirmResponse> =>
  respond('strategy_publish_confirm', () =>
    handle(parseStrategyPublishConfirm(context), confirmPublish),
  );
