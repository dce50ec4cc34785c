// Binds the BulkCrm port to one @strategy-fit/hubspot handle (docs/team/adapter-api.md).
import {
  listDealPipelines,
  listOwners,
  listRecords,
  readCompanyDealsPage,
  readDealCompanyIds,
  readDealLineItems,
  readPropertyDefinitions,
  readPublishedStrategy,
  readRecords,
  readStrategyVersion,
  searchRecords,
  writeRecords,
} from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import { ok } from '@strategy-fit/core';

import type { BulkCrm } from './crm.ts';

/** A search without filters: every record (its total is what a full run reads). */
const EVERYTHING = { kind: 'filters', filterGroups: [] } as const;

export const bindCrm = (hs: HubSpot): BulkCrm => ({
  readPropertyDefinitions: (objectType) => readPropertyDefinitions(hs, objectType),
  listRecords: (options) => listRecords(hs, options),
  searchRecords: (options) => searchRecords(hs, options),
  countRecords: async (objectType, where) => {
    const page = await searchRecords(hs, {
      objectType,
      properties: ['hs_object_id'],
      where: where ?? EVERYTHING,
    });
    return page.ok ? ok(page.value.total) : page;
  },
  readRecords: (objectType, ids, properties) => readRecords(hs, objectType, ids, properties),
  readDealCompanyIds: (dealIds) => readDealCompanyIds(hs, dealIds),
  readCompanyDealsPage: (inputs) => readCompanyDealsPage(hs, inputs),
  readDealLineItems: (dealIds) => readDealLineItems(hs, dealIds),
  writeRecords: (objectType, updates) => writeRecords(hs, objectType, updates),
  readPublishedStrategy: () => readPublishedStrategy(hs),
  readStrategyVersion: (version) => readStrategyVersion(hs, version),
  listOwners: async () => {
    const owners = await listOwners(hs);
    return owners.ok
      ? ok(
          owners.value.map((o) => ({
            id: o.id,
            firstName: o.firstName ?? null,
            lastName: o.lastName ?? null,
            email: o.email ?? null,
          })),
        )
      : owners;
  },
  listDealPipelines: async () => {
    const pipelines = await listDealPipelines(hs);
    return pipelines.ok
      ? ok(
          pipelines.value.map((p) => ({
            id: p.id,
            label: p.label,
            stages: p.stages.map((s) => ({
              id: s.id,
              label: s.label,
              isClosed: s.isClosed,
              isWon: s.isWon,
            })),
          })),
        )
      : pipelines;
  },
});
