// What every report renderer may be told besides the review, and how names are looked up.
import type { StrategyReview } from '@strategy-fit/core';

export type ReportOptions = {
  /** The strategy's name as the manager knows it. */
  strategyName: string;
  /** Segment names by segment id (default: the names the review carries, else the id). */
  segmentNames?: Readonly<Record<string, string>>;
  /** Owner names by HubSpot owner id (default: the names the review carries, else the id). */
  ownerNames?: Readonly<Record<string, string>>;
  /** Stage labels by stage id (default: the labels the deals carry, else the id). */
  stageLabels?: Readonly<Record<string, string>>;
};

/** Looks names up in the options first, then in the review. */
export type Names = {
  owner: (id: string | null) => string;
  segment: (id: string | null, fallback?: string | null) => string;
  stage: (stageId: string | null, fallback?: string | null) => string;
};

const lookup = (map: Readonly<Record<string, string>> | undefined, key: string): string | null =>
  map !== undefined && Object.hasOwn(map, key) ? (map[key] ?? null) : null;

export const namesOf = (review: StrategyReview, options: Partial<ReportOptions>): Names => {
  const reviewOwners = new Map(review.owners.map((o) => [o.id, o.name]));
  const segments = new Map(review.strategyEvidence.bySegment.map((s) => [s.segmentId, s.name]));
  return {
    owner: (id) =>
      id === null
        ? 'No owner'
        : (lookup(options.ownerNames, id) ?? reviewOwners.get(id) ?? `Owner ${id}`),
    segment: (id, fallback = null) =>
      id === null
        ? 'No segment'
        : (lookup(options.segmentNames, id) ?? fallback ?? segments.get(id) ?? id),
    stage: (stageId, fallback = null) =>
      stageId === null ? 'No stage' : (lookup(options.stageLabels, stageId) ?? fallback ?? stageId),
  };
};
