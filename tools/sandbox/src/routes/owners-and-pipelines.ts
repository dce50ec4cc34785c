// /crm/v3/owners, /crm/owners/2026-09 and the pipelines of /crm/v3/pipelines/{objectType} and
// /crm/pipelines/2026-09/{objectType} (read-only: the demo's team, its deal pipelines, the tickets'
// default pipeline, and no pipelines yet for the other object types that can have them).
import type { Hono } from 'hono';
import {
  PIPELINE_OBJECT_TYPES,
  ownerResponse,
  pipelineResponse,
  stageResponse,
} from '../catalogue/pipelines-and-owners.ts';
import { MESSAGES, notFoundFailure, validationFailure } from '../errors.ts';
import type { CrmStore } from '../store/crm-store.ts';
import {
  apiBase,
  queryBoolean,
  resolveType,
  sendFailure,
  sendJson,
  type Ctx,
  type RouteDeps,
  type SandboxEnv,
} from './http.ts';

const OWNER_PAGE_LIMIT = 500;

export function registerOwnerRoutes(app: Hono<SandboxEnv>, { store, version }: RouteDeps): void {
  const base = apiBase(version, 'owners');
  app.get(base, (c) => listOwners(c, store));
  // The v14 client asks for /crm/v3/owners/; the 2026-09 reference names the path without it.
  if (version === 'legacy') app.get(`${base}/`, (c) => listOwners(c, store));
  app.get(`${base}/:ownerId`, (c) => getOwner(c, store));
}

function listOwners(c: Ctx, store: CrmStore): Response {
  const limit = Number(c.req.query('limit') ?? '100');
  if (!Number.isInteger(limit) || limit < 1 || limit > OWNER_PAGE_LIMIT) {
    return sendFailure(c, validationFailure(`limit must be between 1 and ${OWNER_PAGE_LIMIT}.`));
  }
  const archived = queryBoolean(c, 'archived');
  const email = c.req.query('email')?.toLowerCase();
  const matching = store.owners.filter(
    (owner) => owner.archived === archived && (email === undefined || owner.email === email),
  );
  const after = Number(c.req.query('after') ?? '0');
  const page = matching.slice(after, after + limit);
  const next = after + limit < matching.length ? String(after + limit) : undefined;
  return sendJson(c, 200, {
    results: page.map(ownerResponse),
    ...(next === undefined ? {} : { paging: { next: { after: next, link: `?after=${next}` } } }),
  });
}

function getOwner(c: Ctx, store: CrmStore): Response {
  const id = c.req.param('ownerId') ?? '';
  const byUserId = c.req.query('idProperty') === 'userId';
  const archived = queryBoolean(c, 'archived');
  const owner = store.owners.find(
    (o) => (byUserId ? String(o.userId) === id : o.id === id) && o.archived === archived,
  );
  return owner === undefined
    ? sendFailure(c, notFoundFailure(MESSAGES.ownerNotFound(id)))
    : sendJson(c, 200, ownerResponse(owner));
}

export function registerPipelineRoutes(app: Hono<SandboxEnv>, { store, version }: RouteDeps): void {
  const base = `${apiBase(version, 'pipelines')}/:objectType`;
  app.get(base, (c) => {
    const pipelines = pipelinesOf(c, store);
    return pipelines.ok
      ? sendJson(c, 200, { results: pipelines.value.map(pipelineResponse) })
      : pipelines.response;
  });
  app.get(`${base}/:pipelineId`, (c) => {
    const pipeline = onePipeline(c, store);
    return pipeline.ok ? sendJson(c, 200, pipelineResponse(pipeline.value)) : pipeline.response;
  });
  app.get(`${base}/:pipelineId/stages`, (c) => {
    const pipeline = onePipeline(c, store);
    return pipeline.ok
      ? sendJson(c, 200, { results: pipeline.value.stages.map(stageResponse) })
      : pipeline.response;
  });
  app.get(`${base}/:pipelineId/stages/:stageId`, (c) => {
    const pipeline = onePipeline(c, store);
    if (!pipeline.ok) return pipeline.response;
    const stageId = c.req.param('stageId') ?? '';
    const stage = pipeline.value.stages.find((s) => s.id === stageId);
    return stage === undefined
      ? sendFailure(c, notFoundFailure(MESSAGES.stageNotFound(stageId)))
      : sendJson(c, 200, stageResponse(stage));
  });
}

type Lookup<T> = { ok: true; value: T } | { ok: false; response: Response };

function pipelinesOf(c: Ctx, store: CrmStore): Lookup<CrmStore['pipelines']> {
  const name = (c.req.param('objectType') ?? '').toLowerCase();
  const other = PIPELINE_OBJECT_TYPES.find(
    (t) => t.objectTypeId === name || t.names.includes(name),
  );
  if (other !== undefined) return { ok: true, value: other.pipelines };
  const info = resolveType(store, name);
  if (!info.ok) return { ok: false, response: sendFailure(c, info.failure) };
  return { ok: true, value: info.value.objectTypeId === '0-3' ? store.pipelines : [] };
}

function onePipeline(c: Ctx, store: CrmStore): Lookup<CrmStore['pipelines'][number]> {
  const pipelines = pipelinesOf(c, store);
  if (!pipelines.ok) return pipelines;
  const id = c.req.param('pipelineId') ?? '';
  const pipeline = pipelines.value.find((p) => p.id === id);
  return pipeline === undefined
    ? { ok: false, response: sendFailure(c, notFoundFailure(MESSAGES.pipelineNotFound(id))) }
    : { ok: true, value: pipeline };
}
