// HubSpot's entrypoint of the `strategy_validate` app function (the strategy editor, see
// docs/strategy-editor.md): bundled into dist/strategy-validate.js, which HubSpot `require`s and
// calls as `exports.main(context)`.
import type { StrategyValidateResponse } from '@strategy-fit/core';

import { validateStrategy, parseStrategyValidate } from '../handlers/editor/strategy-validate.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<StrategyValidateResponse> =>
  respond('strategy_validate', () => handle(parseStrategyValidate(context), validateStrategy));
