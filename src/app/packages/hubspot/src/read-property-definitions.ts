import { ok } from '@strategy-fit/core';
import type { PropertyDefinitions, Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import { internals } from './create-client.ts';
import type { HubSpot } from './create-client.ts';
import type { ObjectType } from './object-types.ts';
import { hubspotRequest } from './request.ts';
import { PropertiesAnswer } from './schema.ts';
import type { PropertyAnswer } from './schema.ts';

/** The core's definition of a property: name, label, type, field type, options. */
export const toDefinition = (p: PropertyAnswer): PropertyDefinitions[string] => ({
  name: p.name,
  label: p.label,
  type: p.type,
  fieldType: p.fieldType,
  ...(p.options.length === 0
    ? {}
    : { options: p.options.map((o) => ({ label: o.label, value: o.value })) }),
});

async function fetchDefinitions(
  hs: HubSpot,
  objectType: string,
): Promise<Result<PropertyDefinitions, StrategyFitError>> {
  const answer = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.properties(objectType),
    query: { archived: false },
    answer: PropertiesAnswer,
    operation: `reading the ${objectType} property definitions`,
    objectType,
  });
  if (!answer.ok) return answer;
  const definitions: PropertyDefinitions = {};
  for (const p of answer.value.results) {
    if (p.archived !== true) definitions[p.name] = toDefinition(p);
  }
  return ok(definitions);
}

/** The property definitions of an object type (the core's shape); read once per handle. */
export function readPropertyDefinitions(
  hs: HubSpot,
  objectType: ObjectType | (string & {}),
): Promise<Result<PropertyDefinitions, StrategyFitError>> {
  const cache = internals(hs).definitions;
  const cached = cache.get(objectType);
  if (cached !== undefined) return cached;
  const pending = fetchDefinitions(hs, objectType).then((result) => {
    if (!result.ok) cache.delete(objectType);
    return result;
  });
  cache.set(objectType, pending);
  return pending;
}

/** Forgets the cached definitions (after setup changed them). */
export function forgetPropertyDefinitions(hs: HubSpot, objectType?: string): void {
  const cache = internals(hs).definitions;
  if (objectType === undefined) cache.clear();
  else cache.delete(objectType);
}
