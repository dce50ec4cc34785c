// HubSpot's entrypoint of the `strategy_editor_load` app function (the strategy editor, see
// docs/strategy-editor.md): bundled into dist/strategy-editor-load.js, which HubSpot `require`s and
// calls as `exports.main(context)`.
import type { StrategyEditorLoadResponse } from '@strategy-fit/core';

import {
  loadStrategyEditor,
  parseStrategyEditorLoad,
} from '../handlers/editor/strategy-editor-load.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<StrategyEditorLoadResponse> =>
  respond('strategy_editor_load', () =>
    handle(parseStrategyEditorLoad(context), loadStrategyEditor),
  );
