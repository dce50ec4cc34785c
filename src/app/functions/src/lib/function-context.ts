// What HubSpot passes to an app function's `main` (2026.03, ../shared/HUBSPOT.md §3), parsed once
// at the boundary (STYLE §12): the card's `parameters` against the contract's schema, and the
// current record's `propertiesToSend` that HubSpot itself fetched.
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { z } from 'zod';

/** The parts of HubSpot's function context we read; everything else (secrets, event, …) is ignored. */
const FunctionContext = z.looseObject({
  parameters: z.unknown().optional(),
  propertiesToSend: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** Larger parameters are refused before they are parsed (the cards' largest is far below). */
export const MAX_PARAMETERS_CHARS = 16_384;

/** A function's parsed input and the current record's id as HubSpot sent it (null when not sent). */
export type Parsed<T> = { params: T; recordId: string | null };

const pathOf = (path: readonly PropertyKey[]): string =>
  path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');

/** One message per zod issue kind we expect from the contract's schemas (STYLE §14). */
const describeIssue = (issue: z.core.$ZodIssue): string => {
  const at = pathOf(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${at === '' ? '' : ` in ${at}`}`;
    case 'too_small':
      return at === 'reason'
        ? `reason: explain why this deal deserves an exception, in at least ${String(issue.minimum)} characters`
        : `${at}: ${issue.message}`;
    default:
      return `${at === '' ? 'parameters' : at}: ${issue.message}`;
  }
};

const invalid = (message: string, path?: string): StrategyFitError =>
  strategyFitError(
    'invalid_input',
    `The request is not valid: ${message}.`,
    path === undefined ? {} : { path },
  );

const sizeOf = (value: unknown): number | null => {
  try {
    return JSON.stringify(value ?? null).length;
  } catch {
    return null;
  }
};

/**
 * Parses the function context: the card's `parameters` with a contract schema (unknown keys,
 * wrong types and oversized payloads are `invalid_input`, naming the field), and the record id
 * HubSpot fetched for the card (`propertiesToSend: ['hs_object_id']`).
 */
export function parseFunctionContext<S extends z.ZodType>(
  context: unknown,
  schema: S,
  maxChars: number = MAX_PARAMETERS_CHARS,
): Result<Parsed<z.output<S>>, StrategyFitError> {
  const shape = FunctionContext.safeParse(context ?? {});
  if (!shape.success) return err(invalid('the function context is not an object'));
  const size = sizeOf(shape.data.parameters);
  if (size === null) return err(invalid('parameters are not JSON'));
  if (size > maxChars) {
    return err(invalid(`parameters are ${size} characters long; at most ${maxChars} are accepted`));
  }
  const given = shape.data.parameters;
  const params = schema.safeParse(given === undefined ? {} : given);
  if (!params.success) {
    const issue = params.error.issues[0];
    return err(
      issue === undefined
        ? invalid('parameters do not match the contract')
        : invalid(describeIssue(issue), pathOf(issue.path) || undefined),
    );
  }
  const sent = shape.data.propertiesToSend?.['hs_object_id'];
  const recordId =
    typeof sent === 'string' || typeof sent === 'number' ? String(sent).trim() : null;
  return ok({ params: params.data, recordId: recordId === '' ? null : recordId });
}

/**
 * The record HubSpot says the card is on (`propertiesToSend.hs_object_id`, which HubSpot itself
 * reads for the card): a record function acts on it and on nothing else. A call without it (a
 * hand-made one, or from a page, which has no record) is refused.
 */
export function requireRecordId(
  parsed: Parsed<unknown>,
  what: string,
): Result<string, StrategyFitError> {
  if (parsed.recordId !== null && /^[1-9][0-9]{0,18}$/.test(parsed.recordId)) {
    return ok(parsed.recordId);
  }
  return err(
    invalid(
      `Strategy Fit acts only on the ${what} this card is on, and HubSpot did not say which (propertiesToSend hs_object_id). Open the card on a ${what} record`,
      'propertiesToSend.hs_object_id',
    ),
  );
}
