import { z } from 'zod';

/** Every error code of the product, in one snake_case union (STYLE §17); see docs/errors.md. */
export const ErrorCode = z.enum([
  'strategy_invalid',
  'strategy_too_large',
  'strategy_not_published',
  'strategy_unchanged',
  'strategy_property_unknown',
  'strategy_property_unreadable',
  'record_not_found',
  'invalid_input',
  'not_allowed',
  'exception_not_allowed',
  'not_verified',
  'conflict',
  'hubspot_unauthorized',
  'hubspot_forbidden',
  'hubspot_rate_limited',
  'hubspot_unavailable',
  'hubspot_bad_request',
  'hubspot_error',
  'sandbox_unavailable',
  'checkpoint_invalid',
  'already_running',
  'file_not_found',
  'file_invalid',
]);
export type ErrorCode = z.output<typeof ErrorCode>;

/** An expected failure as a plain value: `{ code, message, ...where }` (STYLE §17). */
export const StrategyFitError = z.strictObject({
  code: ErrorCode,
  message: z.string(),
  path: z
    .string()
    .optional()
    .describe('JSON path inside the strategy or input, e.g. segments[2].name'),
  property: z.string().optional().describe('HubSpot internal property name'),
  objectType: z.string().optional().describe('HubSpot object type, e.g. companies'),
  recordId: z.string().optional(),
  retryAfterMs: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Milliseconds HubSpot asked to wait (a 429's Retry-After)"),
});
export type StrategyFitError = z.output<typeof StrategyFitError>;

/** Builds a `StrategyFitError`, leaving out the `where` fields (and `retryAfterMs`) not given. */
export const strategyFitError = (
  code: ErrorCode,
  message: string,
  where: Omit<StrategyFitError, 'code' | 'message'> = {},
): StrategyFitError => {
  const error: StrategyFitError = { code, message };
  if (where.path !== undefined) error.path = where.path;
  if (where.property !== undefined) error.property = where.property;
  if (where.objectType !== undefined) error.objectType = where.objectType;
  if (where.recordId !== undefined) error.recordId = where.recordId;
  if (where.retryAfterMs !== undefined) error.retryAfterMs = where.retryAfterMs;
  return error;
};
