// The walk of a strategy review (SCORING §9, §12, §13, §15): the stored scores of deals with their
// companies, then of companies, into the core's review accumulator. Every record through the list
// API; with an owner or pipeline filter, through the keyset search. Deals come first so that a
// company's criterion outcomes today (criterion evidence, §15) are computed, with the one engine,
// from the properties read on its company page — no request more — and, where one accumulator
// sees the whole walk (the CLI), only for the companies whose closed deals await them.
import { companyCriterionOutcomes, scoreCompany, strategyProperties } from '@strategy-fit/core';
import type { CompiledStrategy, PropertyDefinitions, ReviewAccumulator } from '@strategy-fit/core';
import {
  REVIEW_COMPANY_PROPERTIES,
  REVIEW_DEAL_PROPERTIES,
  toReviewCompany,
  toReviewDeal,
} from '@strategy-fit/hubspot';
import type { HubSpot, SearchFilter, StageIndex } from '@strategy-fit/hubspot';

import { recordBlocks } from './read-blocks.ts';
import type { BlockOptions, WalkRecord } from './read-blocks.ts';
import { definePhase } from './walk.ts';
import type { Phase, WalkCursor } from './walk.ts';

/** Deals of one owner and/or pipeline; companies of that owner (a pipeline is not a company's). */
export type ReviewFilters = { ownerId?: string | undefined; pipelineId?: string | undefined };

/** What a review walk reads with: stages, "now", filters, and how it scores companies (§15). */
export type ReviewContext = {
  stages: StageIndex;
  nowMs: number;
  filters: ReviewFilters;
  /** The published strategy compiled, and the company definitions, for criterion outcomes. */
  scoring: { compiled: CompiledStrategy; definitions: PropertyDefinitions };
  /**
   * Which companies get their criterion outcomes: `awaited`, those the review's deals wait for
   * (one accumulator sees every deal before the companies: the CLI); `every`, all of them (a
   * function's chunk, whose part the page merges with the deals of other chunks).
   */
  outcomes: 'awaited' | 'every';
};

const filter = (propertyName: string, value: string | undefined): SearchFilter[] =>
  value === undefined ? [] : [{ propertyName, operator: 'EQ', value }];

const whereOf = (filters: SearchFilter[]) =>
  filters.length === 0 ? null : ({ kind: 'filters', filterGroups: [{ filters }] } as const);

/** The deal filters of a review (the exceptions queue narrows by them too). */
export const reviewDealFilters = (filters: ReviewFilters): SearchFilter[] => [
  ...filter('hubspot_owner_id', filters.ownerId),
  ...filter('pipeline', filters.pipelineId),
];

/** The company properties a review reads: stored scores, and what the strategy's criteria read. */
export const reviewCompanyProperties = (compiled: CompiledStrategy): string[] => [
  ...new Set([...REVIEW_COMPANY_PROPERTIES, ...strategyProperties(compiled.strategy).company]),
];

/** What a committed block added: how many deals or companies. */
export type ReviewedBlock = { phase: 'deals' | 'companies'; records: number };

/** The phases `deals` and `companies` of a review, each block added to `review` as it comes. */
export function reviewPhases(
  hs: HubSpot,
  review: ReviewAccumulator,
  context: ReviewContext,
  commit: (block: ReviewedBlock, next: WalkCursor | null) => Promise<unknown>,
  options: BlockOptions = {},
): Phase[] {
  const { compiled, definitions } = context.scoring;
  const criteriaOf = (r: WalkRecord): string | null =>
    context.outcomes === 'every' || review.awaitsCompany(r.id)
      ? companyCriterionOutcomes(
          scoreCompany(compiled, {
            id: r.id,
            properties: r.properties,
            definitions,
            nowMs: context.nowMs,
          }),
        )
      : null;
  return [
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
    definePhase({
      name: 'companies',
      read: recordBlocks(
        hs,
        {
          objectType: 'companies',
          properties: reviewCompanyProperties(compiled),
          where: whereOf(filter('hubspot_owner_id', context.filters.ownerId)),
        },
        options,
      ),
      process: async (records: WalkRecord[]): Promise<ReviewedBlock> => {
        for (const r of records)
          review.addCompany({ ...toReviewCompany(r), criteria: criteriaOf(r) });
        return { phase: 'companies', records: records.length };
      },
      commit,
    }),
  ];
}
