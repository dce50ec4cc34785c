// A fixed, small portfolio and its review, for the renderer tests. Built through the core's schemas.
import { StrategySchema } from '@strategy-fit/core';
import type { ExceptionState } from '@strategy-fit/core';

import { createReviewAccumulator, ReviewCompany, ReviewDeal } from '@strategy-fit/core';
import type { StrategyReview } from '@strategy-fit/core';

const DAY = 86_400_000;
/** 2026-03-01T00:00:00Z. */
export const NOW_MS = Date.UTC(2026, 2, 1);
export const EVIL = '<img src=x onerror=alert(1)> & "Co"';

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

const none: ExceptionState = {
  status: 'none',
  active: false,
  expired: false,
  note: null,
  requestedBy: null,
  by: null,
  expiresOn: null,
  seq: 0,
};
const approved: ExceptionState = {
  status: 'approved',
  active: true,
  expired: false,
  note: 'Reference customer',
  requestedBy: 'Priya Raman',
  by: 'Maya Okafor',
  expiresOn: '2026-05-31',
  seq: 2,
};

type DealFields = Partial<ReviewDeal> & { id: string };
/** An open fit deal of owner o1 with no exception, and `fields` changed. */
export const deal = (fields: DealFields): ReviewDeal =>
  ReviewDeal.parse({
    name: null,
    amount: null,
    ownerId: 'o1',
    pipelineId: 'default',
    stageId: 'qualifiedtobuy',
    stageLabel: 'Qualified to buy',
    isClosed: false,
    isWon: false,
    createdAtMs: null,
    closedAtMs: null,
    discountPercent: null,
    tier: 'fit',
    segmentId: 'mid-market',
    offStrategy: false,
    reason: null,
    exception: none,
    companyId: null,
    version: 2,
    ...fields,
  });

const companies: ReviewCompany[] = [
  ['c1', 'Acme Cloud', 'o1', 'dream', 'enterprise-saas', 2],
  ['c2', 'Globex', 'o1', 'dream', 'enterprise-saas', 2],
  ['c3', 'Initech', 'o1', 'dream', 'enterprise-saas', 1],
  ['c4', 'Umbrella', 'o1', 'fit', 'mid-market', 2],
  ['c5', 'Ministry of Finance', 'o2', 'refused', null, 2],
  ['c6', EVIL, 'o2', 'off_strategy', null, 2],
  ['c7', 'Hooli', 'o3', 'stretch', 'mid-market', null],
  ['c8', 'Unscored Ltd', null, null, null, null],
].map(([id, name, ownerId, tier, segmentId, version]) =>
  ReviewCompany.parse({ id, name, ownerId, tier, segmentId, version }),
);

const created = NOW_MS - 200 * DAY;
const closed = (prefix: string, count: number, won: number, fields: Partial<ReviewDeal>) =>
  Array.from({ length: count }, (_, i) =>
    deal({
      id: `${prefix}${i + 1}`,
      isClosed: true,
      isWon: i < won,
      createdAtMs: created,
      closedAtMs: created + (20 + i) * DAY,
      amount: 10_000 + 1_000 * i,
      discountPercent: i % 2 === 0 ? 10 : null,
      ...fields,
    }),
  );

const deals: ReviewDeal[] = [
  deal({
    id: 'd1',
    name: 'Acme expansion',
    amount: 120_000,
    tier: 'dream',
    segmentId: 'enterprise-saas',
    companyId: 'c1',
  }),
  deal({
    id: 'd2',
    name: 'Umbrella renewal',
    amount: 45_000,
    companyId: 'c4',
    stageId: 'contractsent',
    stageLabel: 'Contract sent',
  }),
  deal({
    id: 'd3',
    name: 'Ministry tender',
    amount: 80_000,
    ownerId: 'o2',
    tier: 'refused',
    segmentId: null,
    offStrategy: true,
    reason: 'We do not sell to the public sector',
    companyId: 'c5',
  }),
  deal({
    id: 'd4',
    name: `${EVIL} pilot`,
    amount: 30_000,
    ownerId: 'o2',
    tier: 'off_strategy',
    segmentId: null,
    offStrategy: true,
    reason: 'Off strategy: the best match, Mid-market, scores 20% (stretch needs 40%)',
    companyId: 'c6',
    exception: approved,
  }),
  deal({
    id: 'd5',
    name: '=HYPERLINK("x")',
    amount: null,
    ownerId: 'o3',
    tier: 'off_strategy',
    segmentId: null,
    offStrategy: true,
    reason: 'Off strategy: the best match, Mid-market, scores 10% (stretch needs 40%)',
    version: 1,
  }),
  ...closed('f', 20, 5, { tier: 'fit' }),
  ...closed('o', 20, 6, {
    tier: 'off_strategy',
    segmentId: null,
    offStrategy: true,
    ownerId: 'o2',
  }),
  deal({
    id: 'w1',
    name: 'Ministry 2025 pilot',
    amount: 64_000,
    ownerId: 'o2',
    isClosed: true,
    isWon: true,
    createdAtMs: created,
    closedAtMs: NOW_MS - 30 * DAY,
    tier: 'refused',
    segmentId: null,
    offStrategy: true,
    companyId: 'c5',
  }),
];

/** The review of the fixed portfolio, with open deals marked partial. */
export const fixedReview = (): StrategyReview => {
  const review = createReviewAccumulator({
    strategy: STRATEGY,
    publishedVersion: 2,
    nowMs: NOW_MS,
    owners: [
      { id: 'o1', name: 'Alex Meyer' },
      { id: 'o2', name: 'Bea <b>Bold</b>' },
      { id: 'o3', name: null },
    ],
  });
  for (const c of companies) review.addCompany(c);
  for (const d of deals) review.addDeal(d);
  review.markPartial('Only the first 10,000 open deals were read', ['open_deals']);
  return review.finish();
};
