import { z } from 'zod';

import { ErrorCode } from '../errors.ts';
import { CompanyScore, DealScore, ExceptionState } from '../scoring/schema.ts';

// The contract between the UI extensions (cards, pages, settings) and the app functions: what a
// card sends as `parameters` and what a function answers. Both sides import these schemas; the
// function parses its input with them, the card parses the answer with them.

const RecordId = z.string().regex(/^[1-9][0-9]{0,18}$/, 'a HubSpot record id (digits)');

// No function takes a user: who acts is what HubSpot verifies (an edit's history), never what a
// card says (docs/security.md). No function answers user ids or emails: names only.

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

/**
 * `score_record` input: the kind of record. The record is the one HubSpot says the card is on
 * (`propertiesToSend: ['hs_object_id']`), never an id from parameters.
 */
export const ScoreRecordParams = z.strictObject({ objectType: z.enum(['company', 'deal']) });
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
  /** The published strategy's managers by name: whom a rep asks (no ids, no emails). */
  managerNames: z.array(z.string()),
});
export type ScoreRecordValue = z.output<typeof ScoreRecordValue>;
export const ScoreRecordResponse = functionResponse(ScoreRecordValue);
export type ScoreRecordResponse = z.output<typeof ScoreRecordResponse>;

/**
 * `request_exception` input: nothing. The deal is the card's; the reason and who asks are what
 * HubSpot recorded when the rep wrote “Exception: reason” on the deal (SCORING §7).
 */
export const RequestExceptionParams = z.strictObject({});
export type RequestExceptionParams = z.input<typeof RequestExceptionParams>;

/**
 * `decide_exception` input: the request the manager saw and the decision the card showed them. Who
 * decides, what and until when are what HubSpot recorded when they set it on the deal; `decision`
 * is only compared with that (a different value set meanwhile is refused), never trusted.
 */
export const DecideExceptionParams = z.strictObject({
  requestSeq: z.number().int().min(1).max(1_000_000),
  decision: z.enum(['approve', 'reject']),
});
export type DecideExceptionParams = z.input<typeof DecideExceptionParams>;

/** Answer of both exception functions: the deal's exception as it now stands. */
export const ExceptionValue = z.strictObject({ dealId: RecordId, exception: ExceptionState });
export type ExceptionValue = z.output<typeof ExceptionValue>;
export const ExceptionResponse = functionResponse(ExceptionValue);
export type ExceptionResponse = z.output<typeof ExceptionResponse>;
