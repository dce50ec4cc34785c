// Fixtures for the review tests, built through the schemas so defaults are the real ones.
import type { z } from 'zod';

import type { ExceptionState } from '../../../src/app/packages/core/src/scoring/schema.ts';
import { StrategySchema } from '../../../src/app/packages/core/src/strategy/strategy-schema.ts';
import type { ReviewAccumulatorOptions } from '../../../src/app/packages/core/src/review/create-review-accumulator.ts';
import { createReviewAccumulator } from '../../../src/app/packages/core/src/review/create-review-accumulator.ts';
import { ReviewCompany, ReviewDeal } from '../../../src/app/packages/core/src/review/schema.ts';
import type { StrategyReview } from '../../../src/app/packages/core/src/review/schema.ts';

/** 2026-03-01T00:00:00Z. */
export const NOW_MS = Date.UTC(2026, 2, 1);
export const DAY = 86_400_000;

export const STRATEGY = StrategySchema.parse({
  schemaVersion: 1,
  name: 'B2B SaaS 2026',
  segments: [
    {
      id: 'enterprise-saas',
      name: 'Enterprise SaaS',
      priority: 'dream',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'COMPUTER_SOFTWARE' }],
    },
    {
      id: 'mid-market',
      name: 'Mid-market',
      priority: 'core',
      criteria: [{ property: 'numberofemployees', operator: 'GTE', value: 200 }],
    },
  ],
  exclusions: [
    {
      id: 'public-sector',
      reason: 'We do not sell to the public sector',
      criteria: [{ property: 'industry', operator: 'EQ', value: 'GOVERNMENT_ADMINISTRATION' }],
    },
  ],
  dreamCapacityPerOwner: 2,
});

/** STRATEGY with competitors (SCORING §11): Acme goes after enterprise-saas. */
export const STRATEGY_WITH_COMPETITORS = StrategySchema.parse({
  ...STRATEGY,
  competitors: [
    { id: 'acme', name: 'Acme', targets: ['enterprise-saas'], howWeWin: 'Integration depth' },
    { id: 'beta', name: 'Beta Corp' },
  ],
  competitorProperty: 'competitors',
});

export const NO_EXCEPTION: ExceptionState = {
  status: 'none',
  active: false,
  expired: false,
  note: null,
  requestedBy: null,
  by: null,
  expiresOn: null,
  seq: 0,
};

/** An approval valid through `expiresOn` (UTC), as `exceptionFromProperties` reads it. */
export const approvedUntil = (expiresOn: string, expired = false): ExceptionState => ({
  status: 'approved',
  active: !expired,
  expired,
  note: 'Reference customer for the new region',
  requestedBy: 'A rep',
  by: 'A manager',
  expiresOn,
  seq: 2,
});

type Input<T extends z.ZodType> = Partial<z.input<T>> & { id: string };

export const company = (fields: Input<typeof ReviewCompany>): ReviewCompany =>
  ReviewCompany.parse({
    name: null,
    ownerId: null,
    tier: null,
    segmentId: null,
    version: 1,
    ...fields,
  });

export const deal = (fields: Input<typeof ReviewDeal>): ReviewDeal =>
  ReviewDeal.parse({
    name: null,
    amount: null,
    ownerId: null,
    pipelineId: 'default',
    stageId: null,
    stageLabel: null,
    isClosed: false,
    isWon: false,
    createdAtMs: null,
    closedAtMs: null,
    discountPercent: null,
    tier: null,
    segmentId: null,
    offStrategy: false,
    reason: null,
    exception: NO_EXCEPTION,
    companyId: null,
    version: 1,
    ...fields,
  });

/**
 * `count` closed deals of one kind, `won` of them won: ids `${prefix}-0` …, closed 30 days ago
 * (inside the evidence window, SCORING §15) unless `fields` says otherwise.
 */
export const closedDeals = (
  prefix: string,
  count: number,
  won: number,
  fields: Partial<z.input<typeof ReviewDeal>> = {},
): ReviewDeal[] =>
  Array.from({ length: count }, (_, i) =>
    deal({
      id: `${prefix}-${i}`,
      isClosed: true,
      isWon: i < won,
      closedAtMs: NOW_MS - 30 * DAY,
      ...fields,
    }),
  );

/** The review of these records, scored by version 1 of STRATEGY, at NOW_MS. */
export const reviewOf = (
  records: { companies?: readonly ReviewCompany[]; deals?: readonly ReviewDeal[] },
  options: Partial<ReviewAccumulatorOptions> = {},
): StrategyReview => {
  const review = createReviewAccumulator({
    strategy: STRATEGY,
    publishedVersion: 1,
    nowMs: NOW_MS,
    ...options,
  });
  for (const c of records.companies ?? []) review.addCompany(c);
  for (const d of records.deals ?? []) review.addDeal(d);
  return review.finish();
};
