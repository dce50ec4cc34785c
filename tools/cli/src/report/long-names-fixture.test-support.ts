// A review that strains the report's layout: long owner, segment, competitor and criterion names,
// amounts in the hundreds of millions, every §15 figure filled, approved exceptions beside
// unapproved ones. Built through the core's accumulator (its figures are the core's), for the
// layout test and the browser check (bench/report-labels.bench.ts).
import {
  createReviewAccumulator,
  ReviewCompany,
  ReviewDeal,
  StrategySchema,
} from '@strategy-fit/core';
import type { StrategyReview } from '@strategy-fit/core';

import { deal, NOW_MS } from './report-fixture.test-support.ts';

const DAY = 86_400_000;

const STRATEGY = StrategySchema.parse({
  schemaVersion: 1,
  name: 'Industrial machine builders, DACH and Nordics, 2027 planning cycle',
  segments: [
    {
      id: 'machine-builders',
      name: 'Special-purpose machine builders with in-house software teams',
      priority: 'dream',
      criteria: [
        {
          property: 'industry',
          operator: 'IN',
          values: ['MACHINERY', 'INDUSTRIAL_AUTOMATION', 'MECHANICAL_OR_INDUSTRIAL_ENGINEERING'],
          label: 'Builds machines or automation lines for other manufacturers',
        },
        { property: 'numberofemployees', operator: 'BETWEEN', value: 250, highValue: 5000 },
      ],
    },
    {
      id: 'integrators',
      name: 'System integrators',
      priority: 'core',
      criteria: [
        {
          property: 'annualrevenue',
          operator: 'GTE',
          value: 50_000_000,
          label: 'Revenue of €50M or more',
        },
      ],
    },
  ],
  exclusions: [
    {
      id: 'resellers',
      reason: 'Resellers buy through the partner programme',
      criteria: [{ property: 'type', operator: 'EQ', value: 'RESELLER' }],
    },
  ],
  competitors: [
    {
      id: 'mega',
      name: 'Megacorp Industrial Software Solutions International',
      targets: ['machine-builders'],
    },
    { id: 'nimble', name: 'Nimble', targets: ['integrators'] },
  ],
  dreamCapacityPerOwner: 3,
});

const OWNERS = [
  { id: 'o1', name: 'Maximiliane Wolkenstein-Oberhausen' },
  { id: 'o2', name: 'Bo' },
  { id: 'o3', name: 'Anna-Katharina Müller-Lüdenscheidt' },
];

/** The review of a portfolio made to stress the layout. */
export const longNamesReview = (): StrategyReview => {
  const review = createReviewAccumulator({
    strategy: STRATEGY,
    publishedVersion: 12,
    nowMs: NOW_MS,
    owners: OWNERS,
  });
  for (let i = 0; i < 60; i += 1) {
    review.addCompany(
      ReviewCompany.parse({
        id: `c${i}`,
        name: `Company ${i}`,
        ownerId: OWNERS[i % 3]?.id ?? null,
        tier: (['dream', 'dream', 'fit', 'fit', 'off_strategy', 'refused'] as const)[i % 6],
        segmentId: i % 2 === 0 ? 'machine-builders' : 'integrators',
        version: 12,
        criteria: ['mmm', 'mxu', 'xmm', 'xxm', 'umx'][i % 5],
      }),
    );
  }
  const reasons = [
    'Went with Megacorp because of the existing ERP contract',
    'no budget',
    'No budget',
    'Timing',
  ];
  for (let i = 0; i < 240; i += 1) {
    const isClosed = i % 4 !== 0;
    review.addDeal(
      ReviewDeal.parse({
        ...deal({ id: `d${i}` }),
        name: `Line ${i} retrofit with a deliberately long deal name for the tables`,
        amount: 123_456_789 + i * 1_000_003,
        ownerId: OWNERS[i % 3]?.id ?? null,
        isClosed,
        isWon: isClosed && (i % 5 === 0 ? i % 9 === 0 : i % 3 === 0),
        createdAtMs: NOW_MS - 300 * DAY,
        closedAtMs: isClosed ? NOW_MS - (i % 400) * DAY : null,
        discountPercent: [2, 7, 15, 25, null][i % 5] ?? null,
        tier: (['dream', 'fit', 'stretch', 'off_strategy', 'refused'] as const)[i % 5],
        segmentId: i % 2 === 0 ? 'machine-builders' : 'integrators',
        offStrategy: i % 5 >= 3,
        reason: i % 5 === 4 ? 'Resellers buy through the partner programme' : null,
        exception:
          i % 20 === 4
            ? {
                status: 'approved',
                active: true,
                expired: false,
                note: 'Reference',
                requestedBy: 'Bo',
                by: 'Maximiliane',
                expiresOn: '2099-12-31',
                seq: 1,
              }
            : deal({ id: 'x' }).exception,
        companyId: `c${i % 60}`,
        version: i % 7 === 0 ? 11 : 12,
        focus: i % 6 === 0,
        warnings: i % 4 === 0 ? ['price_competition', 'offer_outside_segment'] : [],
        openQuestions: i % 8 === 0 ? ['need', 'urgency'] : [],
        competitors: [['mega'], ['nimble'], ['other'], [], ['mega', 'nimble']][i % 5] ?? [],
        business: i % 9 === 0 ? 'existing' : 'new',
        closedLostReason: reasons[i % 4] ?? null,
      }),
    );
  }
  return review.finish();
};
