// `report`: the portal's stored scores (companies, then deals with their companies) walked into
// the strategy review (SCORING §9), with the names the renderers show instead of ids.
import { createReviewAccumulator, err, ok, strategyFitError } from '@strategy-fit/core';
import type { Result, StrategyFitError, StrategyReview } from '@strategy-fit/core';
import {
  listDealPipelines,
  listOwners,
  readPublishedStrategy,
  reviewOwnerName,
  stageIndex,
  toReviewOwner,
} from '@strategy-fit/hubspot';
import type { HubSpot, StoredStrategy } from '@strategy-fit/hubspot';
import { reviewPhases } from '@strategy-fit/walk';

import type { ProgressReporter } from './progress.ts';
import { walkPhases } from './walk-phases.ts';

/** Names the renderers show instead of ids (ReportOptions of tools/cli/src/report). */
export type ReviewNames = {
  strategyName: string;
  segmentNames: Record<string, string>;
  ownerNames: Record<string, string>;
  stageLabels: Record<string, string>;
};

export type ReviewRead = { review: StrategyReview; names: ReviewNames; published: StoredStrategy };

export type ReadReviewOptions = { nowMs: number; progress: ProgressReporter };

/** Walks every company, then every deal, into the review; returns it with the names to show. */
export const readReview = async (
  hs: HubSpot,
  options: ReadReviewOptions,
): Promise<Result<ReviewRead, StrategyFitError>> => {
  const [published, owners, pipelines] = await Promise.all([
    readPublishedStrategy(hs),
    listOwners(hs),
    listDealPipelines(hs),
  ]);
  if (!published.ok) return published;
  if (published.value === null) {
    return err(
      strategyFitError(
        'strategy_not_published',
        'No strategy is published yet: there is nothing to review.',
      ),
    );
  }
  if (!owners.ok) return owners;
  if (!pipelines.ok) return pipelines;
  const { strategy, version } = published.value;
  const review = createReviewAccumulator({
    strategy,
    publishedVersion: version,
    nowMs: options.nowMs,
    owners: owners.value.map(toReviewOwner),
  });
  let phase = '';
  let seen = 0;
  const [companies, deals] = reviewPhases(
    hs,
    review,
    { stages: stageIndex(pipelines.value), nowMs: options.nowMs, filters: {} },
    async (block) => {
      if (block.phase !== phase) [phase, seen] = [block.phase, 0];
      seen += block.records;
      options.progress.update({ done: seen, changed: 0, failed: 0 });
    },
  );
  if (companies === undefined || deals === undefined) throw new Error('a review has two phases');
  const failed = await walkPhases(
    [
      { phase: companies, label: 'companies' },
      { phase: deals, label: 'deals' },
    ],
    options.progress,
  );
  if (failed !== null) return err(failed);
  return ok({
    review: review.finish(),
    published: published.value,
    names: {
      strategyName: strategy.name,
      segmentNames: Object.fromEntries(strategy.segments.map((s) => [s.id, s.name])),
      ownerNames: Object.fromEntries(
        owners.value.flatMap((o) => {
          const name = reviewOwnerName(o);
          return name === null ? [] : [[o.id, name]];
        }),
      ),
      stageLabels: Object.fromEntries(
        pipelines.value.flatMap((p) => p.stages.map((s) => [s.id, s.label])),
      ),
    },
  });
};
