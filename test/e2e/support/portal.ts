// Reads a sandbox portal back over plain HTTP (not through the adapter), so the end-to-end suites
// check the CLI's results against an independent reading of the records.
import { z } from 'zod';

export type Portal = { baseUrl: string; token: string };
export type Bag = Record<string, string | null>;
export type PortalRecord = { id: string; properties: Bag };

const Page = z.object({
  results: z.array(
    z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable()) }),
  ),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

const AssociationAnswer = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: z.string() }),
      to: z.array(
        z.object({
          toObjectId: z.union([z.string(), z.number()]).transform(String),
          associationTypes: z.array(
            z.object({ typeId: z.number(), label: z.string().nullable().optional() }),
          ),
        }),
      ),
    }),
  ),
});

const Pipelines = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      stages: z.array(
        z.object({ id: z.string(), label: z.string(), metadata: z.record(z.string(), z.string()) }),
      ),
    }),
  ),
});

const request = async (portal: Portal, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${portal.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${portal.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok && response.status !== 207) {
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
};

/** Every record of a type with the given properties, in id order (the list API). */
export const listAll = async (
  portal: Portal,
  objectType: string,
  properties: readonly string[],
): Promise<PortalRecord[]> => {
  const records: PortalRecord[] = [];
  let after: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100', properties: properties.join(',') });
    if (after !== undefined) query.set('after', after);
    const page = Page.parse(await request(portal, `/crm/objects/2026-09/${objectType}?${query}`));
    records.push(...page.results.map((r) => ({ id: r.id, properties: r.properties })));
    after = page.paging?.next?.after;
  } while (after !== undefined);
  return records;
};

/** Associated ids per record, with whether the association is primary (deal → company type 5). */
export const associations = async (
  portal: Portal,
  from: string,
  to: string,
  ids: readonly string[],
): Promise<Map<string, { id: string; primary: boolean }[]>> => {
  const found = new Map<string, { id: string; primary: boolean }[]>();
  for (let i = 0; i < ids.length; i += 1000) {
    const inputs = ids.slice(i, i + 1000).map((id) => ({ id }));
    const answer = AssociationAnswer.parse(
      await request(portal, `/crm/associations/2026-09/${from}/${to}/batch/read`, { inputs }),
    );
    for (const r of answer.results) {
      found.set(
        r.from.id,
        r.to.map((t) => ({
          id: t.toObjectId,
          primary: t.associationTypes.some((a) => a.typeId === 5),
        })),
      );
    }
  }
  return found;
};

/** Records by id through the batch read API. */
export const readByIds = async (
  portal: Portal,
  objectType: string,
  ids: readonly string[],
  properties: readonly string[],
): Promise<Map<string, Bag>> => {
  const found = new Map<string, Bag>();
  for (let i = 0; i < ids.length; i += 100) {
    const answer = Page.parse(
      await request(portal, `/crm/objects/2026-09/${objectType}/batch/read`, {
        inputs: ids.slice(i, i + 100).map((id) => ({ id })),
        properties,
      }),
    );
    for (const r of answer.results) found.set(r.id, r.properties);
  }
  return found;
};

/** Deal stages by id: label, closed, won (from the pipelines' stage metadata). */
export const dealStages = async (
  portal: Portal,
): Promise<Map<string, { label: string; isClosed: boolean; isWon: boolean }>> => {
  const answer = Pipelines.parse(await request(portal, '/crm/pipelines/2026-09/deals'));
  const stages = new Map<string, { label: string; isClosed: boolean; isWon: boolean }>();
  for (const p of answer.results) {
    for (const s of p.stages) {
      stages.set(s.id, {
        label: s.label,
        isClosed: s.metadata.isClosed === 'true',
        isWon: s.metadata.isClosed === 'true' && Number(s.metadata.probability) === 1,
      });
    }
  }
  return stages;
};

/** The strategy_fit_* properties of every company and deal, by id. */
export const fitSnapshot = async (
  portal: Portal,
  names: { companies: readonly string[]; deals: readonly string[] },
): Promise<{ companies: Record<string, Bag>; deals: Record<string, Bag> }> => {
  // The list API adds createdate, hs_lastmodifieddate and hs_object_id: keep only `names`.
  const of = (records: PortalRecord[], keep: readonly string[]) =>
    Object.fromEntries(
      records.map((r) => [r.id, Object.fromEntries(keep.map((n) => [n, r.properties[n] ?? null]))]),
    );
  return {
    companies: of(await listAll(portal, 'companies', names.companies), names.companies),
    deals: of(await listAll(portal, 'deals', names.deals), names.deals),
  };
};
