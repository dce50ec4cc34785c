// An in-memory portal behind the BulkCrm port, for unit tests of the bulk commands. The
// end-to-end suites (test/e2e) run the same code against the sandbox through the real adapter.
import { err, FIT_PROPERTIES, ok, strategyFitError } from '@strategy-fit/core';
import type { PropertyDefinitions, Strategy, StrategyFitError } from '@strategy-fit/core';

import type { BulkCrm, BulkSearchWhere, CrmPipeline, PublishedStrategy, RawRecord } from './crm.ts';

type Bag = Record<string, string | null>;
type Kind = 'companies' | 'deals';

export type FakePortal = {
  companies: Map<string, Bag>;
  deals: Map<string, Bag>;
  /** Deal id → its company ids, the primary first. */
  dealCompanies: Map<string, { id: string; primary: boolean }[]>;
  lineItems: Map<string, RawRecord[]>;
  versions: PublishedStrategy[];
  pipelines: CrmPipeline[];
};

export type FakeCrmControl = {
  crm: BulkCrm;
  portal: FakePortal;
  /** Every write, in order: object type and id. */
  writes: { objectType: Kind; id: string; properties: Record<string, string> }[];
  calls: Record<string, number>;
  /** Make the nth call (1-based) of a function fail with `error`. */
  failCall: (name: keyof BulkCrm, nth: number, error?: StrategyFitError) => void;
  /** Make writes of these ids fail (as a 207 would). */
  failIds: Set<string>;
  /** Called before each call; may change the portal (e.g. publish a version mid-run). */
  beforeCall?: (name: keyof BulkCrm, count: number) => void;
};

const definitionsOf = (kind: Kind, extra: PropertyDefinitions): PropertyDefinitions => {
  const defs: PropertyDefinitions = { ...extra };
  for (const p of FIT_PROPERTIES) {
    if (p.objects.includes(kind)) {
      defs[p.name] = {
        name: p.name,
        label: p.label,
        type: p.type,
        fieldType: p.fieldType,
        ...(p.options ? { options: p.options } : {}),
      };
    }
  }
  return defs;
};

const byId = (a: string, b: string): number => Number(a) - Number(b);

export const COMPANY_DEFINITIONS: PropertyDefinitions = {
  industry: { name: 'industry', label: 'Industry', type: 'enumeration', fieldType: 'select' },
  numberofemployees: {
    name: 'numberofemployees',
    label: 'Employees',
    type: 'number',
    fieldType: 'number',
  },
  web_technologies: {
    name: 'web_technologies',
    label: 'Web technologies',
    type: 'enumeration',
    fieldType: 'checkbox',
  },
};
export const DEAL_DEFINITIONS: PropertyDefinitions = {
  amount: { name: 'amount', label: 'Amount', type: 'number', fieldType: 'number' },
  dealstage: { name: 'dealstage', label: 'Stage', type: 'enumeration', fieldType: 'select' },
};

export const createFakeCrm = (
  portal: FakePortal,
  /** `associationPage`: associations per company in one answer (HubSpot pages them; default 500). */
  options: { setupDone?: boolean; associationPage?: number } = {},
): FakeCrmControl => {
  const setup = options.setupDone ?? true;
  const associationPage = options.associationPage ?? 500;
  const writes: FakeCrmControl['writes'] = [];
  const calls: Record<string, number> = {};
  const failures = new Map<string, StrategyFitError>();
  let tick = 1_000;
  const control: FakeCrmControl = {
    crm: undefined as unknown as BulkCrm,
    portal,
    writes,
    calls,
    failIds: new Set(),
    failCall: (
      name,
      nth,
      error = strategyFitError('hubspot_unavailable', 'HubSpot is not answering'),
    ) => {
      failures.set(`${name}#${nth}`, error);
    },
  };
  const enter = (name: keyof BulkCrm): StrategyFitError | null => {
    calls[name] = (calls[name] ?? 0) + 1;
    control.beforeCall?.(name, calls[name]);
    return failures.get(`${name}#${calls[name]}`) ?? null;
  };
  const table = (kind: Kind): Map<string, Bag> =>
    kind === 'companies' ? portal.companies : portal.deals;
  const pick = (id: string, bag: Bag, properties: string[]): RawRecord => ({
    id,
    properties: Object.fromEntries(
      properties.filter((p) => p in bag).map((p) => [p, bag[p] ?? null]),
    ),
    updatedAt: bag.hs_lastmodifieddate ?? '',
  });
  const matches = (bag: Bag, where: BulkSearchWhere | null): boolean => {
    if (where === null) return true;
    if (where.kind === 'modifiedSince')
      return Number(bag.hs_lastmodifieddate ?? 0) >= where.sinceMs;
    const v = bag.strategy_fit_version;
    return v === null || v === undefined || v === '' || Number(v) < where.version;
  };
  const sortedIds = (kind: Kind): string[] => [...table(kind).keys()].sort(byId);

  const crm: BulkCrm = {
    readPropertyDefinitions: async (kind) => {
      const e = enter('readPropertyDefinitions');
      if (e) return err(e);
      const base = kind === 'companies' ? COMPANY_DEFINITIONS : DEAL_DEFINITIONS;
      return ok(setup ? definitionsOf(kind, base) : { ...base });
    },
    listRecords: async ({ objectType, properties, after, limit = 100 }) => {
      const e = enter('listRecords');
      if (e) return err(e);
      const ids = sortedIds(objectType).filter((id) => after === undefined || byId(id, after) >= 0);
      const page = ids.slice(0, limit);
      const next = ids[limit];
      return ok({
        records: page.map((id) => pick(id, table(objectType).get(id) ?? {}, properties)),
        nextAfter: next ?? null,
      });
    },
    searchRecords: async ({ objectType, properties, where, cursor }) => {
      const e = enter('searchRecords');
      if (e) return err(e);
      // Keyset paging by id: records that leave the selection never shift later pages.
      const all = sortedIds(objectType).filter((id) =>
        matches(table(objectType).get(id) ?? {}, where),
      );
      const ids = all.filter((id) => cursor === undefined || byId(id, cursor) > 0);
      const page = ids.slice(0, 200);
      const last = page[page.length - 1];
      return ok({
        records: page.map((id) => pick(id, table(objectType).get(id) ?? {}, properties)),
        nextCursor: ids.length > 200 && last !== undefined ? last : null,
        total: all.length,
      });
    },
    countRecords: async (objectType, where) => {
      const e = enter('countRecords');
      if (e) return err(e);
      return ok([...table(objectType).values()].filter((bag) => matches(bag, where)).length);
    },
    readRecords: async (objectType, ids, properties) => {
      const e = enter('readRecords');
      if (e) return err(e);
      const records: RawRecord[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const bag = table(objectType).get(id);
        if (bag === undefined) missing.push(id);
        else records.push(pick(id, bag, properties));
      }
      return ok({ records, missing });
    },
    readDealCompanyIds: async (dealIds) => {
      const e = enter('readDealCompanyIds');
      if (e) return err(e);
      return ok(
        new Map(
          dealIds.map((id) => {
            const links = portal.dealCompanies.get(id) ?? [];
            const primary =
              links.find((l) => l.primary) ?? [...links].sort((a, b) => byId(a.id, b.id))[0];
            return [id, primary?.id ?? null];
          }),
        ),
      );
    },
    readCompanyDealsPage: async (inputs) => {
      const e = enter('readCompanyDealsPage');
      if (e) return err(e);
      if (inputs.length > 1000) throw new Error('more than 1,000 association inputs');
      const links: { fromId: string; toId: string }[] = [];
      const more: { id: string; after: string }[] = [];
      for (const input of inputs) {
        const dealIds = [...portal.dealCompanies]
          .filter(
            ([dealId, list]) => portal.deals.has(dealId) && list.some((l) => l.id === input.id),
          )
          .map(([dealId]) => dealId)
          .sort(byId);
        const start = Number(input.after ?? 0);
        for (const toId of dealIds.slice(start, start + associationPage))
          links.push({ fromId: input.id, toId });
        if (start + associationPage < dealIds.length)
          more.push({ id: input.id, after: String(start + associationPage) });
      }
      return ok({ links, more });
    },
    readDealLineItems: async (dealIds) => {
      const e = enter('readDealLineItems');
      if (e) return err(e);
      return ok(new Map(dealIds.map((id) => [id, portal.lineItems.get(id) ?? []])));
    },
    writeRecords: async (objectType, updates) => {
      const e = enter('writeRecords');
      if (e) return err(e);
      const written: string[] = [];
      const failed: { id: string; error: StrategyFitError }[] = [];
      for (const u of updates) {
        if (control.failIds.has(u.id)) {
          failed.push({
            id: u.id,
            error: strategyFitError('hubspot_bad_request', `cannot write ${u.id}`),
          });
          continue;
        }
        const bag = table(objectType).get(u.id);
        if (bag === undefined) throw new Error(`write of unknown ${objectType} ${u.id}`);
        tick += 1;
        Object.assign(bag, u.properties, { hs_lastmodifieddate: String(tick) });
        writes.push({ objectType, id: u.id, properties: u.properties });
        written.push(u.id);
      }
      return ok({ written, failed });
    },
    readPublishedStrategy: async () => {
      const e = enter('readPublishedStrategy');
      if (e) return err(e);
      return ok(portal.versions[portal.versions.length - 1] ?? null);
    },
    readStrategyVersion: async (version) => {
      const e = enter('readStrategyVersion');
      if (e) return err(e);
      const found = portal.versions.find((v) => v.version === version);
      return found ? ok(found) : err(strategyFitError('record_not_found', `no version ${version}`));
    },
    listOwners: async () => ok([]),
    listDealPipelines: async () => ok(portal.pipelines),
  };
  control.crm = crm;
  return control;
};

/** A small deterministic portal: `companies` companies, `deals` deals spread over them. */
export const createFakePortal = (
  strategy: Strategy,
  companies: number,
  deals: number,
): FakePortal => {
  const industries = ['COMPUTER_SOFTWARE', 'BANKING', 'HOSPITAL_HEALTH_CARE', 'TOBACCO', null];
  const portal: FakePortal = {
    companies: new Map(),
    deals: new Map(),
    dealCompanies: new Map(),
    lineItems: new Map(),
    versions: [{ version: 1, strategy }],
    pipelines: [
      {
        id: 'default',
        label: 'Sales',
        stages: [
          { id: 'open', label: 'Open', isClosed: false, isWon: false },
          { id: 'won', label: 'Won', isClosed: true, isWon: true },
          { id: 'lost', label: 'Lost', isClosed: true, isWon: false },
        ],
      },
    ],
  };
  for (let i = 0; i < companies; i++) {
    portal.companies.set(String(101 + i * 3), {
      industry: industries[i % industries.length] ?? null,
      numberofemployees: i % 7 === 0 ? null : String((i * 37) % 2000),
      hs_lastmodifieddate: String(i),
    });
  }
  const companyIds = [...portal.companies.keys()];
  for (let i = 0; i < deals; i++) {
    const id = String(5001 + i * 2);
    portal.deals.set(id, {
      amount: String(1000 + ((i * 7919) % 90_000)),
      dealstage: ['open', 'won', 'lost'][i % 3] ?? 'open',
      hs_lastmodifieddate: String(i),
    });
    if (i % 10 !== 9)
      portal.dealCompanies.set(id, [
        { id: companyIds[i % companyIds.length] ?? '', primary: true },
      ]);
  }
  return portal;
};
