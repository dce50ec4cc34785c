// HubSpot's entrypoint of the `score_record` app function: bundled into dist/score-record.js,
// which HubSpot `require`s and calls as `exports.main(context)` (docs/functions.md).
import type { ScoreRecordResponse } from '@strategy-fit/core';

import { parseScoreRecord, scoreRecord } from '../handlers/score-record.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<ScoreRecordResponse> =>
  respond('score_record', () => handle(parseScoreRecord(context), scoreRecord));
