// A Strategy Fit custom object (HUBSPOT.md §4): found by name, created through the schemas API
// with its properties, completed when properties are missing. Its `uniqueProperty` must require
// unique values: that is how two concurrent writers of the same key are kept apart (HubSpot
// accepts one record with a value and refuses the second).
import { err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { ensureProperties } from './ensure-properties.ts';
import type { FieldType, PropertySpec, PropertyType } from './ensure-properties.ts';
import { hubspotRequest } from './request.ts';
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

/** The portal's live custom object schemas (archived ones left out). */
export async function listCustomObjects(hs: HubSpot): Promise<Result<Schema[], StrategyFitError>> {
  const schemas = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.schemas(),
    query: { archived: false },
    answer: ObjectSchemasAnswer,
    operation: 'reading the custom object schemas',
  });
  if (!schemas.ok) return schemas;
  return ok(schemas.value.results.filter((s) => s.archived !== true));
}

/** The live schema of the custom object named `name`, or null. */
export async function findCustomObject(
  hs: HubSpot,
  name: string,
): Promise<Result<Schema | null, StrategyFitError>> {
  const schemas = await listCustomObjects(hs);
  if (!schemas.ok) return schemas;
  return ok(schemas.value.find((s) => s.name === name) ?? null);
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
  type: p.type,
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
    const created = await hubspotRequest(hs, {
      method: 'POST',
      path: apiPaths.schemas(),
      body: {
        name: definition.name,
        labels: { ...definition.labels },
        description: definition.description,
        primaryDisplayProperty: definition.primaryDisplayProperty,
        secondaryDisplayProperties: [...definition.secondaryDisplayProperties],
        searchableProperties: [...definition.searchableProperties],
        requiredProperties: [...definition.requiredProperties],
        // Required from 2026-09 on (the reference's ObjectSchemaEgg); neither of the app's objects
        // holds anything sensitive.
        allowsSensitiveProperties: false,
        associatedObjects: [],
        properties: definition.properties.map(schemaProperty),
      },
      answer: ObjectSchemaAnswer,
      operation: `creating the custom object ${definition.name}`,
    });
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
