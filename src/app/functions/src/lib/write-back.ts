// Writing one call's changes: the deal and (when stale) its company at the same time, one
// request each. A record HubSpot refuses fails the call with HubSpot's reason.
import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { writeRecords } from '@strategy-fit/hubspot';

import type { Runtime } from './runtime.ts';

export type Write = {
  objectType: 'companies' | 'deals';
  id: string;
  properties: Record<string, string> | null;
};

async function writeOne(rt: Runtime, w: Write): Promise<Result<boolean, StrategyFitError>> {
  if (w.properties === null || Object.keys(w.properties).length === 0) return ok(false);
  const outcome = await writeRecords(rt.hs, w.objectType, [{ id: w.id, properties: w.properties }]);
  if (!outcome.ok) return outcome;
  const failed = outcome.value.failed[0];
  return failed === undefined ? ok(true) : { ok: false, error: failed.error };
}

/** Applies the writes concurrently; true when anything was written. */
export async function writeBack(
  rt: Runtime,
  writes: readonly Write[],
): Promise<Result<boolean, StrategyFitError>> {
  const results = await Promise.all(writes.map((w) => writeOne(rt, w)));
  let written = false;
  for (const r of results) {
    if (!r.ok) return r;
    written ||= r.value;
  }
  return ok(written);
}
