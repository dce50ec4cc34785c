// The three functions as their entries run them, on a given runtime instead of this process's
// environment (the fixture producer and tests that need two portals at once).
import { ok } from '@strategy-fit/core';
import type { ExceptionResponse, ScoreRecordResponse } from '@strategy-fit/core';

import {
  decideException,
  parseDecideException,
} from '../../../src/app/functions/src/handlers/decide-exception.ts';
import {
  parseRequestException,
  requestException,
} from '../../../src/app/functions/src/handlers/request-exception.ts';
import {
  parseScoreRecord,
  scoreRecord,
} from '../../../src/app/functions/src/handlers/score-record.ts';
import { respond } from '../../../src/app/functions/src/lib/respond.ts';
import { handle } from '../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../src/app/functions/src/lib/runtime.ts';

/** Options of `respond` for a runtime: its token is redacted; `quiet` drops the failure log. */
const optionsFor = (rt: Runtime, quiet: boolean) => ({
  secrets: rt.secrets,
  ...(quiet ? { log: () => {} } : {}),
});

export const invokeScoreRecord = (
  rt: Runtime,
  context: unknown,
  quiet = false,
): Promise<ScoreRecordResponse> =>
  respond(
    'score_record',
    () => handle(parseScoreRecord(context), scoreRecord, () => ok(rt)),
    optionsFor(rt, quiet),
  );

export const invokeRequestException = (
  rt: Runtime,
  context: unknown,
  quiet = false,
): Promise<ExceptionResponse> =>
  respond(
    'request_exception',
    () => handle(parseRequestException(context), requestException, () => ok(rt)),
    optionsFor(rt, quiet),
  );

export const invokeDecideException = (
  rt: Runtime,
  context: unknown,
  quiet = false,
): Promise<ExceptionResponse> =>
  respond(
    'decide_exception',
    () => handle(parseDecideException(context), decideException, () => ok(rt)),
    optionsFor(rt, quiet),
  );
