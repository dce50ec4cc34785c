/** A plain-object result that crosses the serverless JSON boundary unchanged (STYLE §16). */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a value as a success. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Wraps an error as a failure. */
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
