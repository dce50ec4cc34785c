import type { CallError, CallErrorCode } from './call-function.ts';

/** How one error code reads to its audience (a rep on a card, a manager on a page). */
export type Wording = {
  readonly title: string;
  readonly advice: string;
  /** Whether Retry may help. */
  readonly retry: boolean;
};

/** A failed call as shown: its code, the wording for it, and the function's own words. */
export type ErrorView<W extends Wording = Wording> = W & {
  readonly code: CallErrorCode;
  /** The function's own wording, shown under the advice (empty when it adds nothing). */
  readonly detail: string;
};

/**
 * Builds an extension's `errorView` from its one table of wording (STYLE §14): a table for every
 * code, or a partial table and a fallback for codes it does not expect. The function's message is
 * kept as `detail` unless it only repeats the title or the advice.
 *
 * @example
 * export const errorView = errorViewFrom(WORDING);
 */
export function errorViewFrom<W extends Wording>(
  wording: Readonly<Record<CallErrorCode, W>>,
): (error: CallError) => ErrorView<W>;
export function errorViewFrom<W extends Wording>(
  wording: Readonly<Partial<Record<CallErrorCode, W>>>,
  fallback: W,
): (error: CallError) => ErrorView<W>;
export function errorViewFrom<W extends Wording>(
  wording: Readonly<Partial<Record<CallErrorCode, W>>>,
  fallback?: W,
): (error: CallError) => ErrorView<W> {
  return (error) => {
    // The overloads guarantee a wording: a complete table, or a fallback.
    const w = (wording[error.code] ?? fallback) as W;
    const detail = error.message.trim();
    return {
      ...w,
      code: error.code,
      detail: detail === w.title || detail === w.advice ? '' : detail,
    };
  };
}
