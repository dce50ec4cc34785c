// A Strategy Fit custom object (HUBSPOT.md §4): found by name, created through the schemas API
// with its properties, completed when properties are missing. Its `uniqueProperty` must require
// unique values: that is how two concurrent writers of the same key are kept apart (HubSpot
// accepts one record with a value and refuses the second).
import { ObjectTypePropertyCreateTypeEnum } from '@hubspot/api-client/lib/codegen/crm/schemas/index.js';
import type { ObjectTypePropertyCreate } from '@hubspot/api-client/lib/codegen/crm/schemas/index.js';
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { callParsed } from './create-client.ts';
import type { HubSpot } from './create-client.ts';
import { ensureProperties } from './ensure-properties.ts';
import type { PropertySpec, PropertyType } from './ensure-properties.ts';
import { ObjectSchemaAnswer, ObjectSchemasAnswer } from './schema.ts';
import type { ObjectSchemaAnswer as Schema } from './schema.ts';

/** What a custom object of the app is: its schema's fields and the property that keys it. */
export type CustomObjectDefinition = {
  readonly name: string;
  readonly labels: { readonly singular: string; readonly plural: string };
  readonly description: string;
  readonly primaryDisplayProperty: string;
  readonly secondaryDisplayProperties: readonly string[];
  readonly searchableProperties: readonly string[];
  readonly requiredProperties: readonly string[];
  readonly properties: readonly PropertySpec[];
  /** The property that requires unique values. */
  readonly uniqueProperty: string;
};

const SCHEMA_TYPES: Record<PropertyType, ObjectTypePropertyCreateTypeEnum> = {
  string: ObjectTypePropertyCreateTypeEnum.String,
  number: ObjectTypePropertyCreateTypeEnum.Number,
  date: ObjectTypePropertyCreateTypeEnum.Date,
  datetime: ObjectTypePropertyCreateTypeEnum.Datetime,
  enumeration: ObjectTypePropertyCreateTypeEnum.Enumeration,
  bool: ObjectTypePropertyCreateTypeEnum.Bool,
};

/** The live schema of the custom object named `name`, or null. */
export async function findCustomObject(
  hs: HubSpot,
  name: string,
): Promise<Result<Schema | null, StrategyFitError>> {
  const schemas = await callParsed(
    hs,
    { operation: 'reading the custom object schemas' },
    ObjectSchemasAnswer,
    (api) => api.schemas.getAll(false),
  );
  if (!schemas.ok) return schemas;
  return ok(schemas.value.results.find((s) => s.name === name && s.archived !== true) ?? null);
}

/** A refusal when the key property of an existing object does not require unique values. */
export function checkUniqueKey(
  schema: Schema,
  definition: CustomObjectDefinition,
): StrategyFitError | null {
  const key = schema.properties.find((p) => p.name === definition.uniqueProperty);
  if (key === undefined || key.hasUniqueValue === true) return null;
  return strategyFitError(
    'hubspot_error',
    `The custom object ${definition.name} (${schema.objectTypeId}) exists, but its "${definition.uniqueProperty}" property does not require unique values, so two concurrent writes could take the same key. It was not created by Strategy Fit's setup; rename or remove that object, then run setup again.`,
    { objectType: schema.objectTypeId, property: definition.uniqueProperty },
  );
}

const schemaProperty = (p: PropertySpec): ObjectTypePropertyCreate => ({
  name: p.name,
  label: p.label,
  description: p.description,
  type: SCHEMA_TYPES[p.type],
  fieldType: p.fieldType,
  ...(p.options === undefined ? {} : { options: p.options.map((o) => ({ ...o, hidden: false })) }),
  ...(p.hasUniqueValue === undefined ? {} : { hasUniqueValue: p.hasUniqueValue }),
});

/**
 * Creates the custom object (through the schemas API) unless the portal has it; adds any of its
 * properties that are missing. `updated` lists the properties added or completed.
 */
export async function ensureCustomObject(
  hs: HubSpot,
  definition: CustomObjectDefinition,
): Promise<
  Result<{ created: boolean; objectTypeId: string; updated: string[] }, StrategyFitError>
> {
  const found = await findCustomObject(hs, definition.name);
  if (!found.ok) return found;
  if (found.value === null) {
    const created = await callParsed(
      hs,
      { operation: `creating the custom object ${definition.name}` },
      ObjectSchemaAnswer,
      (api) =>
        api.schemas.create({
          name: definition.name,
          labels: { ...definition.labels },
          description: definition.description,
          primaryDisplayProperty: definition.primaryDisplayProperty,
          secondaryDisplayProperties: [...definition.secondaryDisplayProperties],
          searchableProperties: [...definition.searchableProperties],
          requiredProperties: [...definition.requiredProperties],
          associatedObjects: [],
          properties: definition.properties.map(schemaProperty),
        }),
    );
    if (!created.ok) return created;
    return ok({ created: true, objectTypeId: created.value.objectTypeId, updated: [] });
  }
  const schema = found.value;
  const statuses = await ensureProperties(hs, schema.objectTypeId, definition.properties);
  if (!statuses.ok) return statuses;
  const notUnique = checkUniqueKey(schema, definition);
  if (notUnique !== null) return err(notUnique);
  return ok({
    created: false,
    objectTypeId: schema.objectTypeId,
    updated: statuses.value.filter((s) => s.status !== 'unchanged').map((s) => s.name),
  });
}
