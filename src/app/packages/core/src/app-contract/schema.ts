import { z } from 'zod';

import { ErrorCode } from '../errors.ts';
import { CompanyScore, DealScore, ExceptionState } from '../scoring/schema.ts';

// The contract between the UI extensions (cards, pages, settings) and the app functions: what a
// card sends as `parameters` and what a function answers. Both sides import these schemas; the
// function parses its input with them, the card parses the answer with them.

const RecordId = z.string().regex(/^[1-9][0-9]{0,18}$/, 'a HubSpot record id (digits)');

/**
 * Who is looking, as the card's `context.user` says. Card-supplied: HubSpot does not sign it, so
 * it is an identity claim, never proof (docs/security.md).
 */
export const CardUser = z.strictObject({
  id: z.string().regex(/^[0-9]{1,19}$/),
  email: z.string().max(254).nullable(),
  teamIds: z.array(z.string().max(32)).max(100),
});
export type CardUser = z.output<typeof CardUser>;

/** What every app function answers: a plain JSON result (STYLE §16). */
export const FunctionError = z.strictObject({
  code: ErrorCode,
  message: z.string(),
  path: z.string().optional(),
  property: z.string().optional(),
  recordId: z.string().optional(),
});
export type FunctionError = z.output<typeof FunctionError>;

/** `{ ok: true, value } | { ok: false, error: { code, message } }` for a given value schema. */
export const functionResponse = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: FunctionError }),
  ]);

/** `score_record` input. */
export const ScoreRecordParams = z.strictObject({
  objectType: z.enum(['company', 'deal']),
  objectId: RecordId,
  user: CardUser.optional(),
});
export type ScoreRecordParams = z.input<typeof ScoreRecordParams>;

/** The published strategy version a result was computed with. */
export const StrategyStamp = z.strictObject({
  version: z.number().int().min(1),
  name: z.string(),
  publishedAt: z.string(),
});
export type StrategyStamp = z.output<typeof StrategyStamp>;

/** `score_record` answer: the full explained result, plus what happened to HubSpot. */
export const ScoreRecordValue = z.strictObject({
  objectType: z.enum(['company', 'deal']),
  objectId: RecordId,
  strategy: StrategyStamp,
  /** The company's score: the record itself, or a deal's company (null when the deal has none). */
  company: CompanyScore.nullable(),
  /** The deal's score; null for a company. */
  deal: DealScore.nullable(),
  /** True when the write-back changed HubSpot (SCORING §8: diff-only). */
  written: z.boolean(),
  scoredAt: z.string(),
  /** Whether the claimed user is a strategy manager (may decide exceptions). */
  viewerIsManager: z.boolean(),
});
export type ScoreRecordValue = z.output<typeof ScoreRecordValue>;
export const ScoreRecordResponse = functionResponse(ScoreRecordValue);
export type ScoreRecordResponse = z.output<typeof ScoreRecordResponse>;

/** `request_exception` input (SCORING §7: a written reason of at least 10 characters). */
export const RequestExceptionParams = z.strictObject({
  dealId: RecordId,
  reason: z.string().trim().min(10).max(2000),
  user: CardUser,
});
export type RequestExceptionParams = z.input<typeof RequestExceptionParams>;

/** `decide_exception` input: approve (with an expiry, default 90 days) or reject. */
export const DecideExceptionParams = z.strictObject({
  dealId: RecordId,
  decision: z.enum(['approve', 'reject']),
  expiresOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  user: CardUser,
});
export type DecideExceptionParams = z.input<typeof DecideExceptionParams>;

/** Answer of both exception functions: the deal's exception as it now stands. */
export const ExceptionValue = z.strictObject({ dealId: RecordId, exception: ExceptionState });
export type ExceptionValue = z.output<typeof ExceptionValue>;
export const ExceptionResponse = functionResponse(ExceptionValue);
export type ExceptionResponse = z.output<typeof ExceptionResponse>;
