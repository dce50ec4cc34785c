// What the exception functions read and write around an event (docs/security.md, "Exceptions"):
// the deal's input fields with their history (who set them, as HubSpot recorded it), the latest
// event, and, after an event is recorded, the deal's exception properties reflecting it.
import {
  EXCEPTION_INPUT_PROPERTIES,
  EXCEPTION_PROPERTIES,
  exceptionFromProperties,
  exceptionProjection,
  isAppWritten,
  ok,
} from '@strategy-fit/core';
import type {
  ExceptionEvent,
  ExceptionState,
  PropertyVersion,
  Result,
  StrategyFitError,
} from '@strategy-fit/core';
import { readLatestExceptionEvent, readRecordsWithHistory } from '@strategy-fit/hubspot';

import type { Runtime } from './runtime.ts';

/** The deal's exception properties (what reports read), each the app's own write. */
export const PROJECTION: readonly string[] = Object.values(EXCEPTION_PROPERTIES);
/** The input fields a person sets in HubSpot's UI. */
export const INPUTS: readonly string[] = Object.values(EXCEPTION_INPUT_PROPERTIES);

export type DealTrail = {
  /** The number of the event the deal's properties reflect (a hint: verified by the walk). */
  readonly hintSeq: number;
  /** Every version of each input field and exception property. */
  readonly history: Readonly<Record<string, readonly PropertyVersion[]>>;
};

/** The deal's input fields and exception properties with their history (one request). */
export async function readDealTrail(
  rt: Runtime,
  dealId: string,
): Promise<Result<DealTrail | null, StrategyFitError>> {
  const read = await readRecordsWithHistory(rt.hs, 'deals', [dealId], {
    properties: [EXCEPTION_PROPERTIES.seq],
    history: [...INPUTS, ...PROJECTION],
  });
  if (!read.ok) return read;
  const record = read.value[0];
  if (record === undefined) return ok(null);
  const seq = Number(record.properties[EXCEPTION_PROPERTIES.seq] ?? '0');
  return ok({ hintSeq: Number.isInteger(seq) && seq > 0 ? seq : 0, history: record.history });
}

/** Whether every exception property of the deal was last written by the app (not by hand). */
export const projectionTrusted = (trail: DealTrail): boolean =>
  PROJECTION.every((name) => {
    const versions = trail.history[name] ?? [];
    return versions.length === 0 || isAppWritten(versions);
  });

/** The deal's latest event, walking from the number its properties reflect. */
export const latestEvent = (
  rt: Runtime,
  dealId: string,
  trail: DealTrail,
): Promise<Result<ExceptionEvent | null, StrategyFitError>> =>
  readLatestExceptionEvent(rt.hs, dealId, trail.hintSeq);

const CLEARED: Record<string, string> = Object.fromEntries(PROJECTION.map((p) => [p, '']));

/** The exception properties for the latest event (all cleared when there is none). */
export const projectionOf = (event: ExceptionEvent | null): Record<string, string> =>
  event === null ? CLEARED : exceptionProjection(event);

/** The deal's exception as the latest event says it stands. */
export const stateOf = (event: ExceptionEvent | null, nowMs: number): ExceptionState =>
  exceptionFromProperties(projectionOf(event), nowMs);

/** Input fields cleared once the event they asked for is recorded (so an edit counts once). */
export const clearedInputs = (names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.map((n) => [n, '']));
