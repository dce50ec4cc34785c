// The exception events' custom object: found once per handle, created by setup.
import { err, ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { internals } from '../create-client.ts';
import type { HubSpot } from '../create-client.ts';
import { checkUniqueKey, ensureCustomObject, findCustomObject } from '../custom-object.ts';
import { EVENT_DEFINITION } from './event-schema.ts';

/** The events' object type id, or null when setup has not created it (cached per handle). */
export async function resolveEventStore(
  hs: HubSpot,
): Promise<Result<{ objectTypeId: string } | null, StrategyFitError>> {
  const state = internals(hs);
  if (state.exceptionEvents !== undefined) return ok(state.exceptionEvents);
  const schema = await findCustomObject(hs, EVENT_DEFINITION.name);
  if (!schema.ok || schema.value === null) return schema;
  const notUnique = checkUniqueKey(schema.value, EVENT_DEFINITION);
  if (notUnique !== null) return err(notUnique);
  state.exceptionEvents = { objectTypeId: schema.value.objectTypeId };
  return ok(state.exceptionEvents);
}

/** Creates the exception events' custom object unless the portal has it (setup). */
export async function ensureExceptionEventStore(
  hs: HubSpot,
): Promise<
  Result<{ created: boolean; objectTypeId: string; updated: string[] }, StrategyFitError>
> {
  const ensured = await ensureCustomObject(hs, EVENT_DEFINITION);
  if (ensured.ok) internals(hs).exceptionEvents = { objectTypeId: ensured.value.objectTypeId };
  return ensured;
}
