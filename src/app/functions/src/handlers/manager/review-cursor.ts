// The resume point of a review read in chunks, opaque to the page: the strategy version and "now"
// it reads with, its phase (deals, companies, the exceptions queue) and the page within it.
import { ReviewCursor } from '@strategy-fit/core';

export type ReviewPhase = 'deals' | 'companies' | 'exceptions';

export type ReviewPosition = {
  version: number;
  nowMs: number;
  phase: ReviewPhase;
  /** The list or search cursor within the phase; null: its start. */
  page: string | null;
};

const CODES = { companies: 'c', deals: 'd', exceptions: 'q' } as const;
const FORMAT = /^([1-9][0-9]{0,8})\.([0-9]{1,15})\.([cdq])\.([0-9:]{0,60})$/;

/** "3.1798000000000.d." (version 3, deals from the start), "3.1798000000000.c.4512" … */
export const encodeReviewCursor = (p: ReviewPosition): string =>
  ReviewCursor.parse(`${p.version}.${p.nowMs}.${CODES[p.phase]}.${p.page ?? ''}`);

/** The position a cursor stands for; null when it is not one of ours. */
export function decodeReviewCursor(cursor: string): ReviewPosition | null {
  const match = FORMAT.exec(cursor);
  if (match === null) return null;
  const [, version = '', nowMs = '', code = '', page = ''] = match;
  return {
    version: Number(version),
    nowMs: Number(nowMs),
    phase: code === 'c' ? 'companies' : code === 'd' ? 'deals' : 'exceptions',
    page: page === '' ? null : page,
  };
}
