// `report`: the portal's stored scores (deals with their companies, then companies) walked into
// the strategy review (SCORING §9, §12, §13, §15), with the names the renderers show instead of
// ids. One accumulator sees every deal before the companies, so only the companies whose closed
// deals of the evidence window await them are scored for criterion evidence (§15).
import {
  applyReviewFilters,
  compileStrategy,
  createReviewAccumulator,
  err,
  ok,
  strategyFitError,
} from '@strategy-fit/core';
import type { Result, ReviewFilters, StrategyFitError, StrategyReview } from '@strategy-fit/core';
import {
  listDealPipelines,
  listOwners,
  readPropertyDefinitions,
  readPublishedStrategy,
  reviewOwnerName,
  stageIndex,
  toReviewOwner,
} from '@strategy-fit/hubspot';
import type { HubSpot, StoredStrategy } from '@strategy-fit/hubspot';
import { reviewPhases } from '@strategy-fit/walk';
import type { z } from 'zod';

import type { ProgressReporter } from './progress.ts';
import { phaseProgress, walkPhases } from './walk-phases.ts';

/** Names the renderers show instead of ids (ReportOptions of tools/cli/src/report). */
export type ReviewNames = {
  strategyName: string;
  segmentNames: Record<string, string>;
  ownerNames: Record<string, string>;
  stageLabels: Record<string, string>;
};

export type ReviewRead = { review: StrategyReview; names: ReviewNames; published: StoredStrategy };

export type ReadReviewOptions = {
  nowMs: number;
  progress: ProgressReporter;
  /** `--owner`, `--pipeline`, `--window`: the review page's filters (SCORING §9, §15). */
  filters?: z.output<typeof ReviewFilters>;
};

/** An owner or pipeline the filters name that this portal does not have, in plain words. */
const unknownFilter = (
  filters: z.output<typeof ReviewFilters>,
  owners: readonly { id: string }[],
  pipelines: readonly { id: string; label: string }[],
): StrategyFitError | null => {
  const { ownerId, pipelineId } = filters;
  if (ownerId !== undefined && !owners.some((o) => o.id === ownerId)) {
    return strategyFitError(
      'invalid_input',
      `--owner ${ownerId} is no owner of this portal: give a HubSpot owner id (Settings → Users & Teams, or the owner property of a record).`,
    );
  }
  if (pipelineId !== undefined && !pipelines.some((p) => p.id === pipelineId)) {
    const known = pipelines.map((p) => `${p.id} (${p.label})`).join(', ');
    return strategyFitError(
      'invalid_input',
      `--pipeline ${pipelineId} is no deal pipeline of this portal; its pipelines are: ${known}.`,
    );
  }
  return null;
};

/** Walks every deal, then every company, into the review; returns it with the names to show. */
export const readReview = async (
  hs: HubSpot,
  options: ReadReviewOptions,
): Promise<Result<ReviewRead, StrategyFitError>> => {
  const [published, owners, pipelines, definitions] = await Promise.all([
    readPublishedStrategy(hs),
    listOwners(hs),
    listDealPipelines(hs),
    readPropertyDefinitions(hs, 'companies'),
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
  if (!definitions.ok) return definitions;
  const filters = options.filters ?? {};
  const unknown = unknownFilter(filters, owners.value, pipelines.value);
  if (unknown !== null) return err(unknown);
  const { version } = published.value;
  const { strategy } = applyReviewFilters(published.value.strategy, filters);
  const review = createReviewAccumulator({
    strategy,
    publishedVersion: version,
    nowMs: options.nowMs,
    owners: owners.value.map(toReviewOwner),
  });
  const [deals, companies] = reviewPhases(
    hs,
    review,
    {
      stages: stageIndex(pipelines.value),
      nowMs: options.nowMs,
      filters,
      scoring: { compiled: compileStrategy(strategy), definitions: definitions.value },
      outcomes: 'awaited',
    },
    phaseProgress(options.progress),
  );
  if (companies === undefined || deals === undefined) throw new Error('a review has two phases');
  const failed = await walkPhases(
    [
      { phase: deals, label: 'deals' },
      { phase: companies, label: 'companies' },
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
          // The token holder may see emails: an owner without a name shows as theirs.
          const name = reviewOwnerName(o) ?? o.email ?? null;
          return name === null ? [] : [[o.id, name]];
        }),
      ),
      stageLabels: Object.fromEntries(
        pipelines.value.flatMap((p) => p.stages.map((s) => [s.id, s.label])),
      ),
    },
  });
};
