// HubSpot's entrypoint of the `decide_exception` app function: bundled into
// dist/decide-exception.js, which HubSpot `require`s and calls as `exports.main(context)`.
import type { ExceptionResponse } from '@strategy-fit/core';

import { decideException, parseDecideException } from '../handlers/decide-exception.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<ExceptionResponse> =>
  respond('decide_exception', () => handle(parseDecideException(context), decideException));
