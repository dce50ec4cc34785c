// Associations: v4 (/crm/v4/associations/{from}/{to}/batch/*, /crm/v4/objects/{type}/{id}/associations/*)
// and 2026-09 (/crm/associations/2026-09/{from}/{to}/batch/*, labels, and the PUT/DELETE of
// /crm/objects/2026-09/{type}/{id}/associations/*; the 2026-09 reference has no GET of one record's
// associations there). The answers are the v4 shapes in both.
import type { Hono } from 'hono';
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import {
  MESSAGES,
  batchError,
  notFoundFailure,
  validationFailure,
  type BatchError,
} from '../errors.ts';
import {
  AssociationBatchArchiveSchema,
  AssociationBatchCreateSchema,
  AssociationBatchDefaultSchema,
  AssociationBatchReadSchema,
  AssociationLabelsArchiveSchema,
  AssociationSpecListSchema,
} from '../schema.ts';
import type { AssociationType } from '../store/associations.ts';
import type { CrmStore, Result } from '../store/crm-store.ts';
import { formatInstant } from '../store/time.ts';
import {
  batchTooLarge,
  injectedBatchError,
  noContent,
  parseBody,
  resolveType,
  sendFailure,
  sendJson,
  type Ctx,
  type RouteDeps,
  type SandboxEnv,
} from './http.ts';

/** HubSpot's documented limit for associations batch read (changelog); also used for writes. */
export const ASSOCIATION_BATCH_LIMIT = 1000;
const PAGE_LIMIT = 500;

type Pair = { from: ObjectTypeInfo; to: ObjectTypeInfo };

export function registerAssociationRoutes(
  app: Hono<SandboxEnv>,
  { store, version }: RouteDeps,
): void {
  const legacy = version === 'legacy';
  const batch = legacy
    ? '/crm/v4/associations/:fromObjectType/:toObjectType'
    : `/crm/associations/${version}/:fromObjectType/:toObjectType`;
  const objects = legacy ? '/crm/v4/objects' : `/crm/objects/${version}`;
  const paired =
    (handler: (c: Ctx, pair: Pair) => Response | Promise<Response>) =>
    async (c: Ctx): Promise<Response> => {
      const from = resolveType(
        store,
        c.req.param('fromObjectType') ?? c.req.param('objectType') ?? '',
      );
      if (!from.ok) return sendFailure(c, from.failure);
      const to = resolveType(store, c.req.param('toObjectType') ?? '');
      if (!to.ok) return sendFailure(c, to.failure);
      return handler(c, { from: from.value, to: to.value });
    };

  app.post(
    `${batch}/batch/read`,
    paired((c, pair) => batchRead(c, store, pair)),
  );
  app.post(
    `${batch}/batch/create`,
    paired((c, pair) => batchCreate(c, store, pair)),
  );
  app.post(
    `${batch}/batch/associate/default`,
    paired((c, pair) => batchDefault(c, store, pair)),
  );
  app.post(
    `${batch}/batch/archive`,
    paired((c, pair) => batchArchive(c, store, pair)),
  );
  app.post(
    `${batch}/batch/labels/archive`,
    paired((c, pair) => batchArchiveLabels(c, store, pair)),
  );
  app.get(
    `${batch}/labels`,
    paired((c, pair) => labels(c, store, pair)),
  );

  const record = `${objects}/:objectType/:objectId/associations`;
  app.put(
    `${objects}/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId`,
    paired((c, pair) => putDefault(c, store, pair)),
  );
  if (legacy) {
    app.get(
      `${record}/:toObjectType`,
      paired((c, pair) => listForRecord(c, store, pair)),
    );
  }
  app.put(
    `${record}/:toObjectType/:toObjectId`,
    paired((c, pair) => putLabels(c, store, pair)),
  );
  app.delete(
    `${record}/:toObjectType/:toObjectId`,
    paired((c, pair) => deleteAll(c, store, pair)),
  );
}

const envelope = (
  startedAt: number,
  results: unknown[],
  errors: BatchError[],
): Record<string, unknown> => ({
  status: 'COMPLETE',
  results,
  ...(errors.length === 0 ? {} : { numErrors: errors.length, errors }),
  startedAt: formatInstant(startedAt),
  completedAt: formatInstant(Date.now()),
});

/** The `associationTypes` entry of one type, as v4 reads return it. */
function presentType(
  store: CrmStore,
  typeId: number,
): { category: string; typeId: number; label: string | null } {
  const type = store.associations.type(typeId);
  return { category: type?.category ?? 'HUBSPOT_DEFINED', typeId, label: type?.label ?? null };
}

function liveTargets(store: CrmStore, pair: Pair, fromId: number) {
  const table = store.table(pair.to);
  return store.associations
    .targets(pair.from.objectTypeId, pair.to.objectTypeId, fromId)
    .filter(({ toId }) => {
      const row = table.rowOf(toId);
      return row !== undefined && table.isLive(row);
    });
}

async function batchRead(c: Ctx, store: CrmStore, pair: Pair): Promise<Response> {
  const startedAt = Date.now();
  const body = await parseBody(c, AssociationBatchReadSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const tooLarge = batchTooLarge(ASSOCIATION_BATCH_LIMIT, body.value.inputs.length);
  if (tooLarge !== undefined) return sendFailure(c, tooLarge);
  const failed = c.get('partialBatch')?.(body.value.inputs.length) ?? new Set<number>();
  const results = [];
  const errors: BatchError[] = [];
  for (const [index, input] of body.value.inputs.entries()) {
    if (failed.has(index)) {
      errors.push(injectedBatchError({ fromObjectId: [input.id] }));
      continue;
    }
    const exists = store.findRow(pair.from, input.id) !== undefined;
    const targets = exists ? liveTargets(store, pair, Number(input.id)) : [];
    if (targets.length === 0) {
      errors.push(
        batchError({
          category: 'OBJECT_NOT_FOUND',
          subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
          message: MESSAGES.noAssociations(pair.to.singular, pair.from.singular, input.id),
          context: {
            fromObjectId: [input.id],
            fromObjectType: [pair.from.singular],
            toObjectType: [pair.to.singular],
          },
        }),
      );
      continue;
    }
    const start = input.after === undefined ? 0 : Number(input.after);
    const page = targets.slice(start, start + PAGE_LIMIT);
    const next = start + PAGE_LIMIT < targets.length ? String(start + PAGE_LIMIT) : undefined;
    results.push({
      from: { id: input.id },
      to: page.map(({ toId, typeIds }) => ({
        toObjectId: String(toId),
        associationTypes: typeIds.map((typeId) => presentType(store, typeId)),
      })),
      ...(next === undefined ? {} : { paging: { next: { after: next } } }),
    });
  }
  return sendJson(c, errors.length === 0 ? 200 : 207, envelope(startedAt, results, errors));
}

/** The association type of a spec, if it may link `pair.from` to `pair.to`. */
function checkType(
  store: CrmStore,
  pair: Pair,
  typeId: number,
  category: string,
): Result<AssociationType> {
  const type = store.associations.type(typeId);
  if (
    type === undefined ||
    type.category !== category ||
    type.fromObjectTypeId !== pair.from.objectTypeId ||
    type.toObjectTypeId !== pair.to.objectTypeId
  ) {
    return {
      ok: false,
      failure: validationFailure(
        MESSAGES.associationTypeInvalid(typeId, pair.from.objectTypeId, pair.to.objectTypeId),
      ),
    };
  }
  return { ok: true, value: type };
}

function missingRecord(
  store: CrmStore,
  pair: Pair,
  fromId: string,
  toId: string,
): BatchError | undefined {
  const missing = [
    store.findRow(pair.from, fromId) === undefined ? `${pair.from.singular} ${fromId}` : undefined,
    store.findRow(pair.to, toId) === undefined ? `${pair.to.singular} ${toId}` : undefined,
  ].filter((m): m is string => m !== undefined);
  if (missing.length === 0) return undefined;
  return batchError({
    category: 'VALIDATION_ERROR',
    subCategory: 'crm.associations.INVALID_OBJECT_IDS',
    message: MESSAGES.associationsInvalid(),
    context: { fromObjectId: [fromId], toObjectId: [toId] },
  });
}

async function batchCreate(c: Ctx, store: CrmStore, pair: Pair): Promise<Response> {
  const startedAt = Date.now();
  const body = await parseBody(c, AssociationBatchCreateSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const tooLarge = batchTooLarge(ASSOCIATION_BATCH_LIMIT, body.value.inputs.length);
  if (tooLarge !== undefined) return sendFailure(c, tooLarge);
  const checked: { input: (typeof body.value.inputs)[number]; types: AssociationType[] }[] = [];
  for (const input of body.value.inputs) {
    const types: AssociationType[] = [];
    for (const spec of input.types) {
      const type = checkType(store, pair, spec.associationTypeId, spec.associationCategory);
      if (!type.ok) return sendFailure(c, type.failure);
      types.push(type.value);
    }
    checked.push({ input, types });
  }
  const failed = c.get('partialBatch')?.(checked.length) ?? new Set<number>();
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  store.persistence.transaction(() => {
    for (const [index, { input, types }] of checked.entries()) {
      if (failed.has(index)) {
        errors.push(
          injectedBatchError({ fromObjectId: [input.from.id], toObjectId: [input.to.id] }),
        );
        continue;
      }
      const missing = missingRecord(store, pair, input.from.id, input.to.id);
      if (missing !== undefined) {
        errors.push(missing);
        continue;
      }
      const fromId = Number(input.from.id);
      const toId = Number(input.to.id);
      for (const type of types) store.associate(type, fromId, toId);
      results.push(labelsBetween(store, pair, fromId, toId));
    }
  });
  return sendJson(c, errors.length === 0 ? 201 : 207, envelope(startedAt, results, errors));
}

function labelsBetween(store: CrmStore, pair: Pair, fromId: number, toId: number) {
  const typeIds = store.associations.typeIdsBetween(
    pair.from.objectTypeId,
    pair.to.objectTypeId,
    fromId,
    toId,
  );
  return {
    fromObjectTypeId: pair.from.objectTypeId,
    fromObjectId: String(fromId),
    toObjectTypeId: pair.to.objectTypeId,
    toObjectId: String(toId),
    labels: typeIds
      .map((typeId) => store.associations.type(typeId)?.label ?? null)
      .filter((label): label is string => label !== null),
  };
}

/** Creates the pair's unlabeled type; answers both directions, as HubSpot does. */
function associateDefault(
  store: CrmStore,
  pair: Pair,
  fromId: number,
  toId: number,
): Result<unknown[]> {
  const typeId = store.associations.unlabeledType(pair.from.objectTypeId, pair.to.objectTypeId);
  const type = typeId === undefined ? undefined : store.associations.type(typeId);
  if (type === undefined) {
    return {
      ok: false,
      failure: validationFailure(
        MESSAGES.associationTypeInvalid(0, pair.from.objectTypeId, pair.to.objectTypeId),
      ),
    };
  }
  store.associate(type, fromId, toId);
  return {
    ok: true,
    value: [
      {
        from: { id: String(fromId) },
        to: { id: String(toId) },
        associationSpec: { associationCategory: type.category, associationTypeId: type.typeId },
      },
      {
        from: { id: String(toId) },
        to: { id: String(fromId) },
        associationSpec: {
          associationCategory: type.category,
          associationTypeId: type.inverseTypeId,
        },
      },
    ],
  };
}

async function batchDefault(c: Ctx, store: CrmStore, pair: Pair): Promise<Response> {
  const startedAt = Date.now();
  const body = await parseBody(c, AssociationBatchDefaultSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const tooLarge = batchTooLarge(ASSOCIATION_BATCH_LIMIT, body.value.inputs.length);
  if (tooLarge !== undefined) return sendFailure(c, tooLarge);
  const results: unknown[] = [];
  const errors: BatchError[] = [];
  let failure: Response | undefined;
  store.persistence.transaction(() => {
    for (const input of body.value.inputs) {
      const missing = missingRecord(store, pair, input.from.id, input.to.id);
      if (missing !== undefined) {
        errors.push(missing);
        continue;
      }
      const created = associateDefault(store, pair, Number(input.from.id), Number(input.to.id));
      if (!created.ok) {
        failure = sendFailure(c, created.failure);
        return;
      }
      results.push(...created.value);
    }
  });
  return failure ?? sendJson(c, 200, envelope(startedAt, results, errors));
}

async function batchArchive(c: Ctx, store: CrmStore, pair: Pair): Promise<Response> {
  const body = await parseBody(c, AssociationBatchArchiveSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  store.persistence.transaction(() => {
    for (const input of body.value.inputs) {
      for (const to of input.to) {
        for (const typeId of store.associations.typeIdsBetween(
          pair.from.objectTypeId,
          pair.to.objectTypeId,
          Number(input.from.id),
          Number(to.id),
        )) {
          store.dissociate(typeId, Number(input.from.id), Number(to.id));
        }
      }
    }
  });
  return noContent();
}

async function batchArchiveLabels(c: Ctx, store: CrmStore, pair: Pair): Promise<Response> {
  const body = await parseBody(c, AssociationLabelsArchiveSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  store.persistence.transaction(() => {
    for (const input of body.value.inputs) {
      const fromId = Number(input.from.id);
      const toId = Number(input.to.id);
      for (const spec of input.types) {
        const type = store.associations.type(spec.associationTypeId);
        // Deleting the unlabeled type deletes every label between the two records.
        const typeIds =
          type?.label === null
            ? store.associations.typeIdsBetween(
                pair.from.objectTypeId,
                pair.to.objectTypeId,
                fromId,
                toId,
              )
            : [spec.associationTypeId];
        for (const typeId of typeIds) store.dissociate(typeId, fromId, toId);
      }
    }
  });
  return noContent();
}

function labels(c: Ctx, store: CrmStore, pair: Pair): Response {
  const results = store.associations
    .typesBetween(pair.from.objectTypeId, pair.to.objectTypeId)
    .map((type) => ({ category: type.category, typeId: type.typeId, label: type.label }));
  return sendJson(c, 200, { results });
}

function putDefault(c: Ctx, store: CrmStore, pair: Pair): Response {
  const fromId = c.req.param('fromObjectId') ?? '';
  const toId = c.req.param('toObjectId') ?? '';
  if (
    store.findRow(pair.from, fromId) === undefined ||
    store.findRow(pair.to, toId) === undefined
  ) {
    return sendFailure(c, notFoundFailure());
  }
  const startedAt = Date.now();
  const created = associateDefault(store, pair, Number(fromId), Number(toId));
  return created.ok
    ? sendJson(c, 200, envelope(startedAt, created.value, []))
    : sendFailure(c, created.failure);
}

async function putLabels(c: Ctx, store: CrmStore, pair: Pair): Promise<Response> {
  const fromId = c.req.param('objectId') ?? '';
  const toId = c.req.param('toObjectId') ?? '';
  const body = await parseBody(c, AssociationSpecListSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  if (
    store.findRow(pair.from, fromId) === undefined ||
    store.findRow(pair.to, toId) === undefined
  ) {
    return sendFailure(c, notFoundFailure());
  }
  const types: AssociationType[] = [];
  for (const spec of body.value) {
    const type = checkType(store, pair, spec.associationTypeId, spec.associationCategory);
    if (!type.ok) return sendFailure(c, type.failure);
    types.push(type.value);
  }
  store.persistence.transaction(() => {
    for (const type of types) store.associate(type, Number(fromId), Number(toId));
  });
  return sendJson(c, 201, labelsBetween(store, pair, Number(fromId), Number(toId)));
}

function listForRecord(c: Ctx, store: CrmStore, pair: Pair): Response {
  const fromId = c.req.param('objectId') ?? '';
  if (store.findRow(pair.from, fromId) === undefined) return sendFailure(c, notFoundFailure());
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? PAGE_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_LIMIT) {
    return sendFailure(c, validationFailure(`limit must be between 1 and ${PAGE_LIMIT}.`));
  }
  const after = Number(c.req.query('after') ?? '0');
  const targets = liveTargets(store, pair, Number(fromId));
  const page = targets.slice(after, after + limit);
  const next = after + limit < targets.length ? String(after + limit) : undefined;
  return sendJson(c, 200, {
    results: page.map(({ toId, typeIds }) => ({
      toObjectId: String(toId),
      associationTypes: typeIds.map((typeId) => presentType(store, typeId)),
    })),
    ...(next === undefined ? {} : { paging: { next: { after: next } } }),
  });
}

function deleteAll(c: Ctx, store: CrmStore, pair: Pair): Response {
  const fromId = Number(c.req.param('objectId') ?? '0');
  const toId = Number(c.req.param('toObjectId') ?? '0');
  store.persistence.transaction(() => {
    for (const typeId of store.associations.typeIdsBetween(
      pair.from.objectTypeId,
      pair.to.objectTypeId,
      fromId,
      toId,
    )) {
      store.dissociate(typeId, fromId, toId);
    }
  });
  return noContent();
}
