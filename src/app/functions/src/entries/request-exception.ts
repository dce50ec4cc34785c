// HubSpot's entrypoint of the `request_exception` app function: bundled into
// dist/request-exception.js, which HubSpot `require`s and calls as `exports.main(context)`.
import type { ExceptionResponse } from '@strategy-fit/core';

import { parseRequestException, requestException } from '../handlers/request-exception.ts';
import { respond } from '../lib/respond.ts';
import { handle } from '../lib/runtime.ts';

export const main = async (context: unknown): Promise<ExceptionResponse> =>
  respond('request_exception', () => handle(parseRequestException(context), requestException));
