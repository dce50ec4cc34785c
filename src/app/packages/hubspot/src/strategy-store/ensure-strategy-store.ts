import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from '../api-paths.ts';
import { internals } from '../create-client.ts';
import type { HubSpot } from '../create-client.ts';
import { ensureProperties } from '../ensure-properties.ts';
import type { FieldType, PropertyType } from '../ensure-properties.ts';
import { hubspotRequest } from '../request.ts';
import { ObjectSchemaAnswer, ObjectSchemasAnswer } from '../schema.ts';
import type { ObjectSchemaAnswer as Schema } from '../schema.ts';
import { STORE_OBJECT, STORE_PROPERTIES } from './store-schema.ts';

/** A property of a schema create (`ObjectTypePropertyCreate` of the 2026-09 reference). */
type ObjectTypePropertyCreate = {
  name: string;
  label: string;
  description: string;
  type: PropertyType;
  fieldType: FieldType;
  options?: { label: string; value: string; displayOrder: number; hidden: boolean }[];
  hasUniqueValue?: boolean;
};

/** The store as the adapter uses it: the custom object's type id. */
export type StoreRef = { objectTypeId: string };

async function findSchema(hs: HubSpot): Promise<Result<Schema | null, StrategyFitError>> {
  const schemas = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.schemas(),
    query: { archived: false },
    answer: ObjectSchemasAnswer,
    operation: 'reading the custom object schemas',
  });
  if (!schemas.ok) return schemas;
  return ok(
    schemas.value.results.find((s) => s.name === STORE_OBJECT.name && s.archived !== true) ?? null,
  );
}

/** Publishing relies on HubSpot refusing a second record with the same version (docs/strategy-store.md). */
function checkUniqueVersion(schema: Schema): StrategyFitError | null {
  const version = schema.properties.find((p) => p.name === 'version');
  if (version === undefined || version.hasUniqueValue === true) return null;
  return strategyFitError(
    'hubspot_error',
    `The custom object ${STORE_OBJECT.name} (${schema.objectTypeId}) exists, but its "version" property does not require unique values, so two publishes could get the same number. It was not created by Strategy Fit's setup; rename or remove that object, then run setup again.`,
    { objectType: schema.objectTypeId, property: 'version' },
  );
}

/** The strategy store of this portal, or null when setup has not created it (cached per handle). */
export async function resolveStore(
  hs: HubSpot,
): Promise<Result<StoreRef | null, StrategyFitError>> {
  const state = internals(hs);
  if (state.strategyStore !== undefined) return ok(state.strategyStore);
  const schema = await findSchema(hs);
  if (!schema.ok || schema.value === null) return schema;
  const notUnique = checkUniqueVersion(schema.value);
  if (notUnique !== null) return err(notUnique);
  state.strategyStore = { objectTypeId: schema.value.objectTypeId };
  return ok(state.strategyStore);
}

const schemaProperty = (p: (typeof STORE_PROPERTIES)[number]): ObjectTypePropertyCreate => ({
  name: p.name,
  label: p.label,
  description: p.description,
  type: p.type,
  fieldType: p.fieldType,
  ...(p.options === undefined ? {} : { options: p.options.map((o) => ({ ...o, hidden: false })) }),
  ...(p.hasUniqueValue === undefined ? {} : { hasUniqueValue: p.hasUniqueValue }),
});

async function createSchema(hs: HubSpot): Promise<Result<Schema, StrategyFitError>> {
  return hubspotRequest(hs, {
    method: 'POST',
    path: apiPaths.schemas(),
    body: {
      name: STORE_OBJECT.name,
      labels: { ...STORE_OBJECT.labels },
      description: STORE_OBJECT.description,
      primaryDisplayProperty: STORE_OBJECT.primaryDisplayProperty,
      secondaryDisplayProperties: [...STORE_OBJECT.secondaryDisplayProperties],
      searchableProperties: [...STORE_OBJECT.searchableProperties],
      requiredProperties: [...STORE_OBJECT.requiredProperties],
      // Required from 2026-09 on (the reference's ObjectSchemaEgg); the store holds nothing sensitive.
      allowsSensitiveProperties: false,
      associatedObjects: [],
      properties: STORE_PROPERTIES.map(schemaProperty),
    },
    answer: ObjectSchemaAnswer,
    operation: `creating the custom object ${STORE_OBJECT.name}`,
  });
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
  const found = await findSchema(hs);
  if (!found.ok) return found;
  if (found.value === null) {
    const created = await createSchema(hs);
    if (!created.ok) return created;
    internals(hs).strategyStore = { objectTypeId: created.value.objectTypeId };
    return ok({ created: true, objectTypeId: created.value.objectTypeId, updated: [] });
  }
  const schema = found.value;
  const statuses = await ensureProperties(hs, schema.objectTypeId, STORE_PROPERTIES);
  if (!statuses.ok) return statuses;
  const notUnique = checkUniqueVersion(schema);
  if (notUnique !== null) return err(notUnique);
  internals(hs).strategyStore = { objectTypeId: schema.objectTypeId };
  return ok({
    created: false,
    objectTypeId: schema.objectTypeId,
    updated: statuses.value.filter((s) => s.status !== 'unchanged').map((s) => s.name),
  });
}
