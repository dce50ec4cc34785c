// /crm/v3/properties/{objectType} and /crm/properties/2026-09/{objectType}: property definitions
// and property groups. 2026-09 answers alike; its creates and updates require each option's
// `displayOrder` (the reference's OptionInput).
import type { Hono } from 'hono';
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import {
  MESSAGES,
  batchError,
  conflictFailure,
  notFoundFailure,
  type BatchError,
} from '../errors.ts';
import {
  BatchPropertyCreateSchema,
  BatchPropertyNamesSchema,
  DatedBatchPropertyCreateSchema,
  DatedPropertyCreateSchema,
  DatedPropertyUpdateSchema,
  PropertyCreateSchema,
  PropertyGroupCreateSchema,
  PropertyGroupUpdateSchema,
  PropertyUpdateSchema,
  type PropertyDefinition,
} from '../schema.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { formatInstant } from '../store/time.ts';
import {
  apiBase,
  noContent,
  parseBody,
  queryBoolean,
  sendFailure,
  sendJson,
  typedBy,
  type Ctx,
  type RouteDeps,
  type SandboxEnv,
} from './http.ts';

/** The request schemas of a version: 2026-09's options need a display order. */
const LEGACY = {
  create: PropertyCreateSchema,
  update: PropertyUpdateSchema,
  batchCreate: BatchPropertyCreateSchema,
};
const DATED = {
  create: DatedPropertyCreateSchema,
  update: DatedPropertyUpdateSchema,
  batchCreate: DatedBatchPropertyCreateSchema,
};
type Schemas = typeof LEGACY | typeof DATED;

export function registerPropertyRoutes(app: Hono<SandboxEnv>, { store, version }: RouteDeps): void {
  const base = `${apiBase(version, 'properties')}/:objectType`;
  const schemas: Schemas = version === 'legacy' ? LEGACY : DATED;
  const typed = typedBy(store, 'objectType');

  // Groups first, so that "groups" is never read as a property name.
  app.get(
    `${base}/groups`,
    typed((c, info) => listGroups(c, store, info)),
  );
  app.post(
    `${base}/groups`,
    typed((c, info) => createGroup(c, store, info)),
  );
  app.get(
    `${base}/groups/:groupName`,
    typed((c, info) => getGroup(c, store, info)),
  );
  app.patch(
    `${base}/groups/:groupName`,
    typed((c, info) => updateGroup(c, store, info)),
  );
  app.delete(
    `${base}/groups/:groupName`,
    typed((c, info) => archiveGroup(c, store, info)),
  );

  app.post(
    `${base}/batch/create`,
    typed((c, info) => batchCreate(c, store, info, schemas)),
  );
  app.post(
    `${base}/batch/read`,
    typed((c, info) => batchRead(c, store, info)),
  );
  app.post(
    `${base}/batch/archive`,
    typed((c, info) => batchArchive(c, store, info)),
  );

  app.get(
    base,
    typed((c, info) => listProperties(c, store, info)),
  );
  app.post(
    base,
    typed((c, info) => createProperty(c, store, info, schemas)),
  );
  app.get(
    `${base}/:propertyName`,
    typed((c, info) => getProperty(c, store, info)),
  );
  app.patch(
    `${base}/:propertyName`,
    typed((c, info) => updateProperty(c, store, info, schemas)),
  );
  app.delete(
    `${base}/:propertyName`,
    typed((c, info) => archiveProperty(c, store, info)),
  );
}

function listProperties(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Response {
  const archived = queryBoolean(c, 'archived');
  const results = [...store.definitions(info).values()].filter((d) => d.archived === archived);
  return sendJson(c, 200, { results });
}

function getProperty(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Response {
  const name = c.req.param('propertyName') ?? '';
  const archived = queryBoolean(c, 'archived');
  const definition = store.definitions(info).get(name);
  if (definition === undefined || definition.archived !== archived) {
    return sendFailure(c, notFoundFailure(MESSAGES.propertyNotFound(name, info.objectTypeId)));
  }
  return sendJson(c, 200, definition);
}

async function createProperty(
  c: Ctx,
  store: CrmStore,
  info: ObjectTypeInfo,
  schemas: Schemas,
): Promise<Response> {
  const body = await parseBody(c, schemas.create);
  if (!body.ok) return sendFailure(c, body.failure);
  const created = store.createProperty(info, body.value);
  return created.ok ? sendJson(c, 201, created.value) : sendFailure(c, created.failure);
}

async function updateProperty(
  c: Ctx,
  store: CrmStore,
  info: ObjectTypeInfo,
  schemas: Schemas,
): Promise<Response> {
  const body = await parseBody(c, schemas.update);
  if (!body.ok) return sendFailure(c, body.failure);
  const updated = store.updateProperty(info, c.req.param('propertyName') ?? '', body.value);
  return updated.ok ? sendJson(c, 200, updated.value) : sendFailure(c, updated.failure);
}

function archiveProperty(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Response {
  const archived = store.archiveProperty(info, c.req.param('propertyName') ?? '');
  return archived.ok ? noContent() : sendFailure(c, archived.failure);
}

function envelope(
  startedAt: number,
  results: PropertyDefinition[],
  errors: BatchError[],
): Record<string, unknown> {
  return {
    status: 'COMPLETE',
    results,
    ...(errors.length === 0 ? {} : { numErrors: errors.length, errors }),
    startedAt: formatInstant(startedAt),
    completedAt: formatInstant(Date.now()),
  };
}

async function batchCreate(
  c: Ctx,
  store: CrmStore,
  info: ObjectTypeInfo,
  schemas: Schemas,
): Promise<Response> {
  const startedAt = Date.now();
  const body = await parseBody(c, schemas.batchCreate);
  if (!body.ok) return sendFailure(c, body.failure);
  const results: PropertyDefinition[] = [];
  const errors: BatchError[] = [];
  for (const input of body.value.inputs) {
    const created = store.createProperty(info, input);
    if (created.ok) results.push(created.value);
    else {
      errors.push(
        batchError({
          category: created.failure.body.category,
          message: created.failure.body.message,
          context: { propertyName: [input.name] },
        }),
      );
    }
  }
  return sendJson(c, errors.length === 0 ? 201 : 207, envelope(startedAt, results, errors));
}

async function batchRead(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Promise<Response> {
  const startedAt = Date.now();
  const body = await parseBody(c, BatchPropertyNamesSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const archived = body.value.archived ?? false;
  const results: PropertyDefinition[] = [];
  const missing: string[] = [];
  for (const { name } of body.value.inputs) {
    const definition = store.definitions(info).get(name);
    if (definition !== undefined && definition.archived === archived) results.push(definition);
    else missing.push(name);
  }
  const errors: BatchError[] =
    missing.length === 0
      ? []
      : [
          batchError({
            category: 'OBJECT_NOT_FOUND',
            message: MESSAGES.propertyNotFound(missing.join(', '), info.objectTypeId),
            context: { properties: missing },
          }),
        ];
  return sendJson(c, errors.length === 0 ? 200 : 207, envelope(startedAt, results, errors));
}

async function batchArchive(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Promise<Response> {
  const body = await parseBody(c, BatchPropertyNamesSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  for (const { name } of body.value.inputs) store.archiveProperty(info, name);
  return noContent();
}

function listGroups(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Response {
  const results = [...store.propertyGroups(info).values()].filter((g) => !g.archived);
  return sendJson(c, 200, { results });
}

function getGroup(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Response {
  const name = c.req.param('groupName') ?? '';
  const group = store.propertyGroups(info).get(name);
  return group === undefined || group.archived
    ? sendFailure(c, notFoundFailure(MESSAGES.groupNotFound(name)))
    : sendJson(c, 200, group);
}

async function createGroup(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Promise<Response> {
  const body = await parseBody(c, PropertyGroupCreateSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const existing = store.propertyGroups(info).get(body.value.name);
  if (existing !== undefined && !existing.archived) {
    return sendFailure(c, conflictFailure(MESSAGES.groupExists(body.value.name)));
  }
  const group = {
    name: body.value.name,
    label: body.value.label,
    displayOrder: body.value.displayOrder ?? -1,
    archived: false,
  };
  store.saveGroup(info, group);
  return sendJson(c, 201, group);
}

async function updateGroup(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Promise<Response> {
  const name = c.req.param('groupName') ?? '';
  const group = store.propertyGroups(info).get(name);
  if (group === undefined || group.archived)
    return sendFailure(c, notFoundFailure(MESSAGES.groupNotFound(name)));
  const body = await parseBody(c, PropertyGroupUpdateSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const updated = {
    ...group,
    ...(body.value.label === undefined ? {} : { label: body.value.label }),
    ...(body.value.displayOrder === undefined ? {} : { displayOrder: body.value.displayOrder }),
  };
  store.saveGroup(info, updated);
  return sendJson(c, 200, updated);
}

function archiveGroup(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Response {
  const name = c.req.param('groupName') ?? '';
  const group = store.propertyGroups(info).get(name);
  if (group === undefined || group.archived)
    return sendFailure(c, notFoundFailure(MESSAGES.groupNotFound(name)));
  store.saveGroup(info, { ...group, archived: true });
  return noContent();
}
