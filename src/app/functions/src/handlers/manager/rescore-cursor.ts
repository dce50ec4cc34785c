// The resume point of a chunked rescore, opaque to the page: the strategy version the run scores
// with, the phase (companies, then deals) and the adapter's search cursor within that phase.
import { RescoreCursor } from '@strategy-fit/core';

export type RescorePhase = 'companies' | 'deals';

export type RescorePosition = {
  version: number;
  phase: RescorePhase;
  /** The keyset search cursor (`searchRecords`' nextCursor); null: the phase's start. */
  search: string | null;
};

const PHASE_CODES = { companies: 'c', deals: 'd' } as const;
const FORMAT = /^([1-9][0-9]{0,8})\.([cd])\.([0-9:]{0,60})$/;

/** "3.c." (version 3, companies from the start), "3.d.4512:800" (deals after id 4512). */
export const encodeRescoreCursor = (p: RescorePosition): string =>
  RescoreCursor.parse(`${p.version}.${PHASE_CODES[p.phase]}.${p.search ?? ''}`);

/** The position a cursor stands for; null when it is not one of ours. */
export function decodeRescoreCursor(cursor: string): RescorePosition | null {
  const match = FORMAT.exec(cursor);
  if (match === null) return null;
  const [, version = '', phase = '', search = ''] = match;
  return {
    version: Number(version),
    phase: phase === 'c' ? 'companies' : 'deals',
    search: search === '' ? null : search,
  };
}
