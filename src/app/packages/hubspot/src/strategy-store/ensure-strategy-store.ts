// The strategy store's custom object (docs/strategy-store.md): found once per handle, created by
// setup. Its `version` requires unique values, so two publishes of one number cannot both land.
import { err, ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { internals } from '../create-client.ts';
import type { HubSpot } from '../create-client.ts';
import { checkUniqueKey, ensureCustomObject, findCustomObject } from '../custom-object.ts';
import { STORE_DEFINITION } from './store-schema.ts';

/** The store as the adapter uses it: the custom object's type id. */
export type StoreRef = { objectTypeId: string };

/** The strategy store of this portal, or null when setup has not created it (cached per handle). */
export async function resolveStore(
  hs: HubSpot,
): Promise<Result<StoreRef | null, StrategyFitError>> {
  const state = internals(hs);
  if (state.strategyStore !== undefined) return ok(state.strategyStore);
  const schema = await findCustomObject(hs, STORE_DEFINITION.name);
  if (!schema.ok || schema.value === null) return schema;
  const notUnique = checkUniqueKey(schema.value, STORE_DEFINITION);
  if (notUnique !== null) return err(notUnique);
  state.strategyStore = { objectTypeId: schema.value.objectTypeId };
  return ok(state.strategyStore);
}

/**
 * Creates the strategy store (a custom object, through the schemas API) unless the portal has it;
 * adds any of its properties that are missing. `updated` lists the properties added or completed.
 */
export async function ensureStrategyStore(
  hs: HubSpot,
): Promise<
  Result<{ created: boolean; objectTypeId: string; updated: string[] }, StrategyFitError>
> {
  const ensured = await ensureCustomObject(hs, STORE_DEFINITION);
  if (ensured.ok) internals(hs).strategyStore = { objectTypeId: ensured.value.objectTypeId };
  return ensured;
}
