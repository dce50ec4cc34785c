// Owners and deal pipelines change rarely: a warm container keeps them for PORTAL_TTL_MS, so a
// page that reads the review chunk after chunk asks for them once, not once per chunk.
import type { Result, StrategyFitError } from '@strategy-fit/core';
import { listDealPipelines, listOwners } from '@strategy-fit/hubspot';
import type { HubSpot, Owner, Pipeline } from '@strategy-fit/hubspot';

/** How long a warm container trusts the owners and pipelines it read. */
export const PORTAL_TTL_MS = 5 * 60_000;

export type PortalCache = {
  owners(): Promise<Result<Owner[], StrategyFitError>>;
  pipelines(): Promise<Result<Pipeline[], StrategyFitError>>;
};

const cached = <T>(
  read: () => Promise<Result<T, StrategyFitError>>,
  now: () => number,
): (() => Promise<Result<T, StrategyFitError>>) => {
  let kept: { atMs: number; value: Promise<Result<T, StrategyFitError>> } | null = null;
  return () => {
    if (kept === null || now() - kept.atMs > PORTAL_TTL_MS) {
      const value = read().then((result) => {
        if (!result.ok) kept = null;
        return result;
      });
      kept = { atMs: now(), value };
    }
    return kept.value;
  };
};

export function createPortalCache(hs: HubSpot, now: () => number): PortalCache {
  return {
    owners: cached(() => listOwners(hs), now),
    pipelines: cached(() => listDealPipelines(hs), now),
  };
}
