// Custom object schemas: /crm/v3/schemas and /crm-object-schemas/v3/schemas (the path the v14
// client calls), and /crm-object-schemas/2026-09/schemas, whose create also requires
// `allowsSensitiveProperties`, `secondaryDisplayProperties` and `searchableProperties` (the 2026-09
// reference). Create, read, list and update; properties go through the properties API.
import type { Hono } from 'hono';
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import { notFoundFailure } from '../errors.ts';
import {
  DatedObjectSchemaEggSchema,
  ObjectSchemaEggSchema,
  ObjectSchemaPatchSchema,
  type StoredSchema,
} from '../schema.ts';
import type { CrmStore } from '../store/crm-store.ts';
import {
  parseBody,
  sendFailure,
  sendJson,
  type Ctx,
  type RouteDeps,
  type SandboxEnv,
} from './http.ts';

export function registerSchemaRoutes(app: Hono<SandboxEnv>, { store, version }: RouteDeps): void {
  const bases =
    version === 'legacy'
      ? ['/crm/v3/schemas', '/crm-object-schemas/v3/schemas']
      : [`/crm-object-schemas/${version}/schemas`];
  const eggSchema = version === 'legacy' ? ObjectSchemaEggSchema : DatedObjectSchemaEggSchema;
  for (const base of bases) {
    app.get(base, (c) =>
      sendJson(c, 200, {
        results: store.schemaList().map((schema) => presentSchema(store, schema)),
      }),
    );
    app.post(base, (c) => createSchema(c, store, eggSchema));
    app.get(`${base}/:objectType`, (c) => {
      const found = findSchema(store, c.req.param('objectType') ?? '');
      return found === undefined
        ? sendFailure(c, notFoundFailure())
        : sendJson(c, 200, presentSchema(store, found.schema));
    });
    app.patch(`${base}/:objectType`, (c) => updateSchema(c, store));
  }
}

function findSchema(
  store: CrmStore,
  name: string,
): { info: ObjectTypeInfo; schema: StoredSchema } | undefined {
  const info = store.resolveType(name);
  const schema = info === undefined ? undefined : store.schema(info);
  return info === undefined || schema === undefined ? undefined : { info, schema };
}

async function createSchema(
  c: Ctx,
  store: CrmStore,
  eggSchema: typeof ObjectSchemaEggSchema | typeof DatedObjectSchemaEggSchema,
): Promise<Response> {
  const body = await parseBody(c, eggSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const created = store.createSchema(body.value);
  if (!created.ok) return sendFailure(c, created.failure);
  const schema = store.schema(created.value);
  return schema === undefined
    ? sendFailure(c, notFoundFailure())
    : sendJson(c, 201, presentSchema(store, schema));
}

async function updateSchema(c: Ctx, store: CrmStore): Promise<Response> {
  const found = findSchema(store, c.req.param('objectType') ?? '');
  if (found === undefined) return sendFailure(c, notFoundFailure());
  const body = await parseBody(c, ObjectSchemaPatchSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const patch = body.value;
  const updated = store.updateSchema(found.info, {
    ...(patch.labels === undefined ? {} : { labels: { ...found.schema.labels, ...patch.labels } }),
    ...(patch.description === undefined ? {} : { description: patch.description }),
    ...(patch.clearDescription === true ? { description: '' } : {}),
    ...(patch.primaryDisplayProperty === undefined
      ? {}
      : { primaryDisplayProperty: patch.primaryDisplayProperty }),
    ...(patch.secondaryDisplayProperties === undefined
      ? {}
      : { secondaryDisplayProperties: patch.secondaryDisplayProperties }),
    ...(patch.searchableProperties === undefined
      ? {}
      : { searchableProperties: patch.searchableProperties }),
    ...(patch.requiredProperties === undefined
      ? {}
      : { requiredProperties: patch.requiredProperties }),
  });
  if (!updated.ok) return sendFailure(c, updated.failure);
  return sendJson(c, 200, presentDefinition(store, updated.value));
}

/** The client's `ObjectTypeDefinition` (the answer of an update). */
function presentDefinition(store: CrmStore, schema: StoredSchema): Record<string, unknown> {
  return {
    id: schema.id,
    objectTypeId: schema.objectTypeId,
    fullyQualifiedName: `p${store.portalId}_${schema.name}`,
    name: schema.name,
    labels: schema.labels,
    ...(schema.description === undefined || schema.description === ''
      ? {}
      : { description: schema.description }),
    ...(schema.primaryDisplayProperty === undefined
      ? {}
      : { primaryDisplayProperty: schema.primaryDisplayProperty }),
    secondaryDisplayProperties: schema.secondaryDisplayProperties,
    searchableProperties: schema.searchableProperties,
    requiredProperties: schema.requiredProperties,
    allowsSensitiveProperties: schema.allowsSensitiveProperties,
    portalId: store.portalId,
    archived: false,
    createdAt: schema.createdAt,
    updatedAt: schema.updatedAt,
  };
}

/** The client's `ObjectSchema`: the definition plus its properties and association definitions. */
function presentSchema(store: CrmStore, schema: StoredSchema): Record<string, unknown> {
  const info = store.resolveType(schema.objectTypeId);
  const properties =
    info === undefined ? [] : [...store.definitions(info).values()].filter((d) => !d.archived);
  const associations =
    info === undefined
      ? []
      : schema.associatedObjectTypeIds.flatMap((target) =>
          store.associations.typesBetween(schema.objectTypeId, target).map((type) => ({
            id: String(type.typeId),
            fromObjectTypeId: type.fromObjectTypeId,
            toObjectTypeId: type.toObjectTypeId,
            name: `${schema.name}_to_${store.resolveType(target)?.singular ?? target}`,
            createdAt: schema.createdAt,
            updatedAt: schema.createdAt,
          })),
        );
  const definition = presentDefinition(store, schema);
  delete definition['portalId'];
  return { ...definition, properties, associations };
}
