import { describe, expectTypeOf, it } from 'vitest';

import type { ExceptionState } from '../scoring/schema.ts';
import type { Tier } from '../enums.ts';
import {
  createReviewAccumulator,
  createSimulationAccumulator,
  type ReviewAccumulatorOptions,
  type ReviewCompany,
  type ReviewDeal,
  type OpenDeal,
  type ReviewPart,
  type SimulatedCompany,
  type SimulationMatrix,
  type StrategyReview,
} from './index.ts';

describe('the review API', () => {
  it('takes the records the adapter reads and returns the StrategyReview', () => {
    expectTypeOf(createReviewAccumulator).parameter(0).toEqualTypeOf<ReviewAccumulatorOptions>();
    expectTypeOf(createReviewAccumulator)
      .returns.toHaveProperty('addCompany')
      .parameter(0)
      .toEqualTypeOf<ReviewCompany>();
    expectTypeOf(createReviewAccumulator)
      .returns.toHaveProperty('addDeal')
      .parameter(0)
      .toEqualTypeOf<ReviewDeal>();
    expectTypeOf(createReviewAccumulator)
      .returns.toHaveProperty('finish')
      .returns.toEqualTypeOf<StrategyReview>();
    expectTypeOf<ReviewDeal['exception']>().toEqualTypeOf<ExceptionState>();
    expectTypeOf<ReviewCompany['tier']>().toEqualTypeOf<Tier | null>();
  });

  it('answers its part, to merge with the parts of other reads', () => {
    expectTypeOf(createReviewAccumulator)
      .returns.toHaveProperty('part')
      .returns.toEqualTypeOf<ReviewPart>();
  });

  it('simulates open deals and companies into the old-tier → new-tier matrix', () => {
    expectTypeOf(createSimulationAccumulator)
      .returns.toHaveProperty('addOpenDeal')
      .parameter(0)
      .toEqualTypeOf<OpenDeal>();
    expectTypeOf(createSimulationAccumulator)
      .returns.toHaveProperty('addCompany')
      .parameter(0)
      .toEqualTypeOf<SimulatedCompany>();
    expectTypeOf(createSimulationAccumulator)
      .returns.toHaveProperty('finish')
      .returns.toEqualTypeOf<SimulationMatrix>();
  });
});
