// HubSpot's entrypoint of the `strategy_rollback` app function (the strategy editor, see
// docs/strategy-editor.md): bundled into dist/strategy-rollback.js, which HubSpot `require`s and
// calls as `exports.main(context)`.
import type { StrategyRollbackResponse } from '@strategy-fit/core';

import { rollbackStrategy, parseStrategyRollback } from '../handlers/editor/strategy-rollback.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<StrategyRollbackResponse> =>
  respond('strategy_rollback', () => handle(parseStrategyRollback(context), rollbackStrategy));
