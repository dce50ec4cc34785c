// The published strategy's managers by name, for the cards (whom a rep asks). Kept per strategy
// version for 5 minutes in a warm container, like the property definitions.
import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import type { ActiveStrategy } from './active-strategy.ts';
import { strategyManagers } from './hubspot-user.ts';
import type { Runtime } from './runtime.ts';

const TTL_MS = 5 * 60_000;
const cache = new WeakMap<Runtime, { version: number; atMs: number; names: string[] }>();

/** The names of the active users the strategy names as managers, sorted. */
export async function managerNames(
  rt: Runtime,
  active: ActiveStrategy,
): Promise<Result<string[], StrategyFitError>> {
  const kept = cache.get(rt);
  if (kept !== undefined && kept.version === active.version && rt.now() - kept.atMs < TTL_MS) {
    return ok(kept.names);
  }
  const managers = await strategyManagers(rt, active.strategy);
  if (!managers.ok) return managers;
  const names = managers.value.map((m) => m.name).sort();
  cache.set(rt, { version: active.version, atMs: rt.now(), names });
  return ok(names);
}
