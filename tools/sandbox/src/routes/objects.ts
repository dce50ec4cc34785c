// /crm/v3/objects/{objectType} and /crm/objects/2026-09/{objectType}: get, list, create, update,
// archive, batch read/create/update/archive and search, for standard objects (by name or id) and
// custom objects. Both versions answer alike (the 2026-09 reference keeps the v3 shapes); 2026-09
// writes also obey the portal's property validation rules (docs/decisions/0002-dated-apis.md).
import type { Hono } from 'hono';
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import {
  MESSAGES,
  batchError,
  notFoundFailure,
  validationFailure,
  type BatchError,
  type PropertyIssue,
} from '../errors.ts';
import {
  BatchArchiveSchema,
  BatchCreateSchema,
  BatchReadSchema,
  BatchUpdateSchema,
  ObjectCreateSchema,
  ObjectUpdateSchema,
  SearchRequestSchema,
} from '../schema.ts';
import { searchObjects } from '../search/search-objects.ts';
import type { CrmStore, Result } from '../store/crm-store.ts';
import { formatInstant } from '../store/time.ts';
import {
  apiBase,
  batchTooLarge,
  injectedBatchError,
  noContent,
  parseBody,
  queryBoolean,
  queryList,
  resolveType,
  sendFailure,
  sendJson,
  type Ctx,
  type RouteDeps,
  type SandboxEnv,
} from './http.ts';
import { checkInlineAssociations, createInlineAssociations } from './object-associations.ts';
import {
  allStoredProperties,
  presentAssociations,
  presentObject,
  selectProperties,
} from './present-object.ts';

/** HubSpot's limit of inputs per batch request for the object APIs. */
export const OBJECT_BATCH_LIMIT = 100;
/** HubSpot's limit of inputs per batch read, and of a list page, when property history is asked. */
export const HISTORY_BATCH_LIMIT = 50;
const LIST_LIMIT = 100;

/** How a route of one API version writes: with the portal's validation rules from 2026-09 on. */
type WriteRules = { enforceValidationRules: boolean };

export function registerObjectRoutes(app: Hono<SandboxEnv>, { store, version }: RouteDeps): void {
  const objects = apiBase(version, 'objects');
  const base = `${objects}/:objectType`;
  const rules: WriteRules = { enforceValidationRules: version === '2026-09' };

  app.get(base, (c) => withType(c, store, (info) => list(c, store, info, objects)));
  app.post(base, (c) => withType(c, store, (info) => create(c, store, info, rules)));
  app.post(`${base}/batch/read`, (c) => withType(c, store, (info) => batchRead(c, store, info)));
  app.post(`${base}/batch/create`, (c) =>
    withType(c, store, (info) => batchCreate(c, store, info, rules)),
  );
  app.post(`${base}/batch/update`, (c) =>
    withType(c, store, (info) => batchUpdate(c, store, info, rules)),
  );
  app.post(`${base}/batch/archive`, (c) =>
    withType(c, store, (info) => batchArchive(c, store, info)),
  );
  app.post(`${base}/search`, (c) => withType(c, store, (info) => search(c, store, info)));
  app.get(`${base}/:objectId`, (c) => withType(c, store, (info) => getOne(c, store, info)));
  app.patch(`${base}/:objectId`, (c) =>
    withType(c, store, (info) => updateOne(c, store, info, rules)),
  );
  app.delete(`${base}/:objectId`, (c) => withType(c, store, (info) => archiveOne(c, store, info)));
}

async function withType(
  c: Ctx,
  store: CrmStore,
  handler: (info: ObjectTypeInfo) => Response | Promise<Response>,
): Promise<Response> {
  const info = resolveType(store, c.req.param('objectType') ?? '');
  return info.ok ? handler(info.value) : sendFailure(c, info.failure);
}

/** The row named by a path id or by an `idProperty` value. */
function locate(
  store: CrmStore,
  info: ObjectTypeInfo,
  id: string,
  idProperty: string | undefined,
  archived: boolean,
): Result<number> {
  if (idProperty !== undefined && idProperty !== 'hs_object_id') {
    const definition = store.property(info, idProperty);
    if (definition === undefined || !definition.hasUniqueValue) {
      return {
        ok: false,
        failure: validationFailure(`${idProperty} is not a unique identifier property.`),
      };
    }
    const table = store.table(info);
    const row = table.rowsWithValue(idProperty, id).find((r) => table.isLive(r) === !archived);
    return row === undefined ? { ok: false, failure: notFoundFailure() } : { ok: true, value: row };
  }
  if (!/^\d+$/.test(id)) {
    return { ok: false, failure: notFoundFailure(MESSAGES.idNotNumeric(), { id: [id] }) };
  }
  const row = store.findRow(info, id, archived);
  return row === undefined ? { ok: false, failure: notFoundFailure() } : { ok: true, value: row };
}

function getOne(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Response {
  const archived = queryBoolean(c, 'archived');
  const found = locate(
    store,
    info,
    c.req.param('objectId') ?? '',
    c.req.query('idProperty'),
    archived,
  );
  if (!found.ok) return sendFailure(c, found.failure);
  const names = selectProperties(store, info, queryList(c, 'properties'));
  const presented = withHistory(
    store,
    info,
    found.value,
    presentObject(store, info, found.value, names),
    queryList(c, 'propertiesWithHistory'),
  );
  const associations = queryList(c, 'associations');
  const linked =
    associations === undefined
      ? undefined
      : presentAssociations(store, info, found.value, associations);
  return sendJson(
    c,
    200,
    linked === undefined || Object.keys(linked).length === 0
      ? presented
      : { ...presented, associations: linked },
  );
}

function list(c: Ctx, store: CrmStore, info: ObjectTypeInfo, objects: string): Response {
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? 10 : Number(limitText);
  const history = queryList(c, 'propertiesWithHistory');
  const maxLimit = history === undefined ? LIST_LIMIT : HISTORY_BATCH_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return sendFailure(c, validationFailure(MESSAGES.listLimit()));
  }
  const after = Number(c.req.query('after') ?? '0');
  if (!Number.isFinite(after))
    return sendFailure(c, validationFailure(MESSAGES.invalidJson('after is not a paging cursor')));
  const archived = queryBoolean(c, 'archived');
  const names = selectProperties(store, info, queryList(c, 'properties'));
  const associations = queryList(c, 'associations');
  const table = store.table(info);
  const results = [];
  let nextId: number | undefined;
  for (let row = 0; row < table.size; row += 1) {
    if (table.isLive(row) === archived || (table.ids[row] ?? 0) < after) continue;
    if (results.length === limit) {
      nextId = table.ids[row];
      break;
    }
    const presented = withHistory(
      store,
      info,
      row,
      presentObject(store, info, row, names),
      history,
    );
    const linked =
      associations === undefined ? undefined : presentAssociations(store, info, row, associations);
    results.push(
      linked === undefined || Object.keys(linked).length === 0
        ? presented
        : { ...presented, associations: linked },
    );
  }
  const link = `${c.get('baseUrl')}${objects}/${info.name}?after=${nextId}`;
  return sendJson(c, 200, {
    results,
    ...(nextId === undefined ? {} : { paging: { next: { after: String(nextId), link } } }),
  });
}

async function create(
  c: Ctx,
  store: CrmStore,
  info: ObjectTypeInfo,
  rules: WriteRules,
): Promise<Response> {
  const body = await parseBody(c, ObjectCreateSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const prepared = store.prepareWrite(info, body.value.properties, undefined, rules);
  if (!prepared.ok) return sendFailure(c, store.issuesFailure(prepared.issues));
  const links = checkInlineAssociations(store, info, body.value.associations ?? []);
  if (!links.ok) return sendFailure(c, links.failure);
  let row = 0;
  store.persistence.transaction(() => {
    row = store.insert(info, prepared.changes, {}, store.appSource);
    createInlineAssociations(store, info, row, links.value);
  });
  return sendJson(c, 201, presentObject(store, info, row, allStoredProperties(store, info, row)));
}

async function updateOne(
  c: Ctx,
  store: CrmStore,
  info: ObjectTypeInfo,
  rules: WriteRules,
): Promise<Response> {
  const found = locate(
    store,
    info,
    c.req.param('objectId') ?? '',
    c.req.query('idProperty'),
    false,
  );
  if (!found.ok) return sendFailure(c, found.failure);
  const body = await parseBody(c, ObjectUpdateSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const prepared = store.prepareWrite(info, body.value.properties, found.value, rules);
  if (!prepared.ok) return sendFailure(c, store.issuesFailure(prepared.issues));
  store.update(info, found.value, prepared.changes, store.appSource);
  return sendJson(
    c,
    200,
    presentObject(store, info, found.value, allStoredProperties(store, info, found.value)),
  );
}

function archiveOne(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Response {
  const id = c.req.param('objectId') ?? '';
  const row = store.findRow(info, id);
  // HubSpot answers 204 for ids that do not exist (or are already archived) as well.
  if (row !== undefined) store.archive(info, row);
  return noContent();
}

/**
 * Adds `propertiesWithHistory` (every version of each asked property, newest first, with its
 * source) as HubSpot's objects API answers it; unknown property names are left out.
 */
function withHistory<T extends object>(
  store: CrmStore,
  info: ObjectTypeInfo,
  row: number,
  presented: T,
  names: readonly string[] | undefined,
): T | (T & { propertiesWithHistory: Record<string, unknown[]> }) {
  if (names === undefined || names.length === 0) return presented;
  const history: Record<string, unknown[]> = {};
  for (const name of names) {
    if (store.property(info, name) === undefined) continue;
    history[name] = store.versionsOf(info, row, name).map((v) => ({
      value: v.value,
      timestamp: formatInstant(v.timestamp),
      sourceType: v.sourceType,
      ...(v.sourceId === undefined ? {} : { sourceId: v.sourceId }),
      ...(v.sourceLabel === undefined ? {} : { sourceLabel: v.sourceLabel }),
      ...(v.updatedByUserId === undefined ? {} : { updatedByUserId: v.updatedByUserId }),
    }));
  }
  return { ...presented, propertiesWithHistory: history };
}

function batchEnvelope(
  startedAt: number,
  results: unknown[],
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

async function batchRead(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Promise<Response> {
  const startedAt = Date.now();
  const body = await parseBody(c, BatchReadSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const history = body.value.propertiesWithHistory ?? [];
  const tooLarge = batchTooLarge(
    history.length === 0 ? OBJECT_BATCH_LIMIT : HISTORY_BATCH_LIMIT,
    body.value.inputs.length,
  );
  if (tooLarge !== undefined) return sendFailure(c, tooLarge);
  const archived = queryBoolean(c, 'archived');
  const names = selectProperties(store, info, body.value.properties);
  const failed = c.get('partialBatch')?.(body.value.inputs.length) ?? new Set<number>();
  const results = [];
  const missing: string[] = [];
  const injected: string[] = [];
  const seen = new Set<number>();
  for (const [index, input] of body.value.inputs.entries()) {
    if (failed.has(index)) {
      injected.push(input.id);
      continue;
    }
    const found = locate(store, info, input.id, body.value.idProperty, archived);
    if (!found.ok) {
      missing.push(input.id);
      continue;
    }
    if (seen.has(found.value)) continue;
    seen.add(found.value);
    results.push(
      withHistory(
        store,
        info,
        found.value,
        presentObject(store, info, found.value, names),
        history,
      ),
    );
  }
  const errors: BatchError[] = [];
  if (missing.length > 0) {
    errors.push(
      batchError({
        category: 'OBJECT_NOT_FOUND',
        message: MESSAGES.batchNotFound(info.errorName),
        context: { ids: missing },
      }),
    );
  }
  if (injected.length > 0) errors.push(injectedBatchError({ ids: injected }));
  return sendJson(c, errors.length === 0 ? 200 : 207, batchEnvelope(startedAt, results, errors));
}

/** HubSpot's per-input error of a batch write with `objectWriteTraceId` (multi-status mode). */
function inputError(
  issues: readonly PropertyIssue[],
  traceId: string | undefined,
  store: CrmStore,
): BatchError {
  const body = store.issuesFailure(issues).body;
  return batchError({
    category: body.category,
    message: body.message,
    context: traceId === undefined ? {} : { objectWriteTraceId: [traceId] },
    errors: body.errors ?? [],
  });
}

async function batchCreate(
  c: Ctx,
  store: CrmStore,
  info: ObjectTypeInfo,
  rules: WriteRules,
): Promise<Response> {
  const startedAt = Date.now();
  const body = await parseBody(c, BatchCreateSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const inputs = body.value.inputs;
  const tooLarge = batchTooLarge(OBJECT_BATCH_LIMIT, inputs.length);
  if (tooLarge !== undefined) return sendFailure(c, tooLarge);
  const failed = c.get('partialBatch')?.(inputs.length) ?? new Set<number>();
  const multiStatus =
    inputs.length > 0 && inputs.every((input) => input.objectWriteTraceId !== undefined);
  const prepared = inputs.map((input) => ({
    input,
    write: store.prepareWrite(info, input.properties, undefined, rules),
    links: checkInlineAssociations(store, info, input.associations ?? []),
  }));
  if (!multiStatus) {
    const issues = prepared.flatMap((p) => (p.write.ok ? [] : p.write.issues));
    if (issues.length > 0) return sendFailure(c, store.issuesFailure(issues));
    const badLinks = prepared.find((p) => !p.links.ok);
    if (badLinks !== undefined && !badLinks.links.ok) return sendFailure(c, badLinks.links.failure);
  }
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  store.persistence.transaction(() => {
    for (const [index, { input, write, links }] of prepared.entries()) {
      if (failed.has(index)) {
        errors.push(
          injectedBatchError(
            input.objectWriteTraceId === undefined
              ? {}
              : { objectWriteTraceId: [input.objectWriteTraceId] },
          ),
        );
        continue;
      }
      if (!write.ok) {
        errors.push(inputError(write.issues, input.objectWriteTraceId, store));
        continue;
      }
      if (!links.ok) {
        errors.push(
          batchError({
            category: links.failure.body.category,
            message: links.failure.body.message,
            context:
              input.objectWriteTraceId === undefined
                ? {}
                : { objectWriteTraceId: [input.objectWriteTraceId] },
          }),
        );
        continue;
      }
      const row = store.insert(info, write.changes, {}, store.appSource);
      createInlineAssociations(store, info, row, links.value);
      const presented = presentObject(store, info, row, allStoredProperties(store, info, row));
      results.push(
        input.objectWriteTraceId === undefined
          ? presented
          : { ...presented, objectWriteTraceId: input.objectWriteTraceId },
      );
    }
  });
  return sendJson(c, errors.length === 0 ? 201 : 207, batchEnvelope(startedAt, results, errors));
}

async function batchUpdate(
  c: Ctx,
  store: CrmStore,
  info: ObjectTypeInfo,
  rules: WriteRules,
): Promise<Response> {
  const startedAt = Date.now();
  const body = await parseBody(c, BatchUpdateSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const inputs = body.value.inputs;
  const tooLarge = batchTooLarge(OBJECT_BATCH_LIMIT, inputs.length);
  if (tooLarge !== undefined) return sendFailure(c, tooLarge);
  const failed = c.get('partialBatch')?.(inputs.length) ?? new Set<number>();
  const multiStatus =
    inputs.length > 0 && inputs.every((input) => input.objectWriteTraceId !== undefined);
  const located = inputs.map((input) => {
    const found = locate(store, info, input.id, input.idProperty, false);
    return {
      input,
      found,
      write: found.ok ? store.prepareWrite(info, input.properties, found.value, rules) : undefined,
    };
  });
  if (!multiStatus) {
    const issues = located.flatMap((l) =>
      l.write === undefined || l.write.ok ? [] : l.write.issues,
    );
    if (issues.length > 0) return sendFailure(c, store.issuesFailure(issues));
  }
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  const missing: { id: string; traceId: string | undefined }[] = [];
  store.persistence.transaction(() => {
    for (const [index, { input, found, write }] of located.entries()) {
      const traceContext: Record<string, string[]> =
        input.objectWriteTraceId === undefined
          ? {}
          : { objectWriteTraceId: [input.objectWriteTraceId] };
      if (failed.has(index)) {
        errors.push(injectedBatchError({ ids: [input.id], ...traceContext }));
        continue;
      }
      if (!found.ok || write === undefined) {
        missing.push({ id: input.id, traceId: input.objectWriteTraceId });
        continue;
      }
      if (!write.ok) {
        errors.push(inputError(write.issues, input.objectWriteTraceId, store));
        continue;
      }
      store.update(info, found.value, write.changes, store.appSource);
      const presented = presentObject(
        store,
        info,
        found.value,
        allStoredProperties(store, info, found.value),
      );
      results.push(
        input.objectWriteTraceId === undefined
          ? presented
          : { ...presented, objectWriteTraceId: input.objectWriteTraceId },
      );
    }
  });
  if (missing.length > 0) {
    const traceIds = missing.flatMap((m) => (m.traceId === undefined ? [] : [m.traceId]));
    errors.push(
      batchError({
        category: 'OBJECT_NOT_FOUND',
        message: MESSAGES.batchNotFound(info.errorName),
        context: {
          ids: missing.map((m) => m.id),
          ...(traceIds.length === 0 ? {} : { objectWriteTraceId: traceIds }),
        },
      }),
    );
  }
  return sendJson(c, errors.length === 0 ? 200 : 207, batchEnvelope(startedAt, results, errors));
}

async function batchArchive(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Promise<Response> {
  const body = await parseBody(c, BatchArchiveSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const tooLarge = batchTooLarge(OBJECT_BATCH_LIMIT, body.value.inputs.length);
  if (tooLarge !== undefined) return sendFailure(c, tooLarge);
  store.persistence.transaction(() => {
    for (const input of body.value.inputs) {
      const row = store.findRow(info, input.id);
      if (row !== undefined) store.archive(info, row);
    }
  });
  return noContent();
}

async function search(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Promise<Response> {
  const body = await parseBody(c, SearchRequestSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const page = searchObjects(store, info, body.value);
  if (!page.ok) return sendFailure(c, page.failure);
  const names = selectProperties(store, info, body.value.properties);
  return sendJson(c, 200, {
    total: page.value.total,
    results: page.value.rows.map((row) => presentObject(store, info, row, names)),
    ...(page.value.nextAfter === undefined
      ? {}
      : { paging: { next: { after: page.value.nextAfter } } }),
  });
}
