// The walk of a strategy review (SCORING §9): the stored scores of companies, then of deals with
// their companies, into the core's review accumulator. Every record through the list API; with
// an owner or pipeline filter, through the keyset search.
import {
  REVIEW_COMPANY_PROPERTIES,
  REVIEW_DEAL_PROPERTIES,
  toReviewCompany,
  toReviewDeal,
} from '@strategy-fit/hubspot';
import type { SearchFilter, StageIndex } from '@strategy-fit/hubspot';
import type { ReviewAccumulator } from '@strategy-fit/core';
import type { HubSpot } from '@strategy-fit/hubspot';

import { recordBlocks } from './read-blocks.ts';
import type { BlockOptions, WalkRecord } from './read-blocks.ts';
import { definePhase } from './walk.ts';
import type { Phase, WalkCursor } from './walk.ts';

/** Deals of one owner and/or pipeline; companies of that owner (a pipeline is not a company's). */
export type ReviewFilters = { ownerId?: string | undefined; pipelineId?: string | undefined };

const filter = (propertyName: string, value: string | undefined): SearchFilter[] =>
  value === undefined ? [] : [{ propertyName, operator: 'EQ', value }];

const whereOf = (filters: SearchFilter[]) =>
  filters.length === 0 ? null : ({ kind: 'filters', filterGroups: [{ filters }] } as const);

/** The deal filters of a review (the exceptions queue narrows by them too). */
export const reviewDealFilters = (filters: ReviewFilters): SearchFilter[] => [
  ...filter('hubspot_owner_id', filters.ownerId),
  ...filter('pipeline', filters.pipelineId),
];

/** What a committed block added: how many companies or deals. */
export type ReviewedBlock = { phase: 'companies' | 'deals'; records: number };

/** The phases `companies` and `deals` of a review, each block added to `review` as it comes. */
export function reviewPhases(
  hs: HubSpot,
  review: ReviewAccumulator,
  context: { stages: StageIndex; nowMs: number; filters: ReviewFilters },
  commit: (block: ReviewedBlock, next: WalkCursor | null) => Promise<unknown>,
  options: BlockOptions = {},
): Phase[] {
  return [
    definePhase({
      name: 'companies',
      read: recordBlocks(
        hs,
        {
          objectType: 'companies',
          properties: REVIEW_COMPANY_PROPERTIES,
          where: whereOf(filter('hubspot_owner_id', context.filters.ownerId)),
        },
        options,
      ),
      process: async (records: WalkRecord[]): Promise<ReviewedBlock> => {
        for (const r of records) review.addCompany(toReviewCompany(r));
        return { phase: 'companies', records: records.length };
      },
      commit,
    }),
    definePhase({
      name: 'deals',
      read: recordBlocks(
        hs,
        {
          objectType: 'deals',
          properties: REVIEW_DEAL_PROPERTIES,
          where: whereOf(reviewDealFilters(context.filters)),
          links: ['companies'],
        },
        options,
      ),
      process: async (records: WalkRecord[]): Promise<ReviewedBlock> => {
        for (const r of records) {
          review.addDeal(
            toReviewDeal(r, {
              stages: context.stages,
              companyId: r.companyId,
              nowMs: context.nowMs,
            }),
          );
        }
        return { phase: 'deals', records: records.length };
      },
      commit,
    }),
  ];
}
