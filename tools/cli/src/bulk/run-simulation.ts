// `simulate FILE`: open deals with their companies, then every company scored with the published
// and with the proposed strategy, walked into the old-tier → new-tier matrix (SCORING §9).
// Reads only; writes nothing.
import {
  compileStrategy,
  createSimulationAccumulator,
  emptyPortalPart,
  err,
  ok,
  portalHoldsOf,
  strategyProperties,
} from '@strategy-fit/core';
import type {
  PortalDefinitions,
  PortalHolds,
  Result,
  SimulationMatrix,
  SimulationMovers,
  Strategy,
  StrategyFitError,
} from '@strategy-fit/core';
import { listOwners, readPublishedStrategy, reviewOwnerName } from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import { simulatePhases } from '@strategy-fit/walk';

import type { ProgressReporter } from './progress.ts';
import { phaseProgress, walkPhases } from './walk-phases.ts';

export type SimulationRead = {
  matrix: SimulationMatrix;
  /** The companies and open deals that change tier (issue 13). */
  movers: SimulationMovers;
  /** Owner names by id, segment names by id (proposed strategy first): for the movers. */
  names: { ownerNames: Record<string, string>; segmentNames: Record<string, string> };
  /** The published version compared against; null when none is published (every company is new). */
  publishedVersion: number | null;
  /** What the portal holds for the proposed strategy, per criterion (issue 13). */
  portal: PortalHolds;
};

export type SimulateOptions = {
  nowMs: number;
  progress: ProgressReporter;
  /** The portal's company and deal definitions (read once, by the strategy check before). */
  definitions: PortalDefinitions;
  /** Compare with the published strategy (simulate); false: only what the portal holds (validate --portal). */
  compare?: boolean;
};

const NONE_PUBLISHED = Promise.resolve(ok(null));
const NO_OWNERS = Promise.resolve(ok([]));

/** Scores the portfolio with both strategies and returns the matrix; calls no write. */
export const runSimulation = async (
  hs: HubSpot,
  proposed: Strategy,
  options: SimulateOptions,
): Promise<Result<SimulationRead, StrategyFitError>> => {
  const compare = options.compare ?? true;
  const [published, owners] = await Promise.all([
    compare ? readPublishedStrategy(hs) : NONE_PUBLISHED,
    compare ? listOwners(hs) : NO_OWNERS,
  ]);
  if (!published.ok) return published;
  if (!owners.ok) return owners;
  const definitions = options.definitions;
  const plan = compileStrategy(proposed);
  const portal = emptyPortalPart(plan);
  const current = published.value?.strategy ?? null;
  const properties = [
    ...new Set([
      ...strategyProperties(proposed).company,
      ...(current === null ? [] : strategyProperties(current).company),
    ]),
  ].sort();
  const sim = createSimulationAccumulator();
  const [openDeals, companies] = simulatePhases(
    hs,
    sim,
    {
      published: current === null ? null : compileStrategy(current),
      proposed: plan,
      properties,
      definitions: definitions.company,
      nowMs: options.nowMs,
      portal: {
        part: portal,
        dealProperties: strategyProperties(proposed).deal,
        dealDefinitions: definitions.deal,
      },
    },
    phaseProgress(options.progress),
  );
  if (openDeals === undefined || companies === undefined) throw new Error('two phases');
  const failed = await walkPhases(
    [
      { phase: openDeals, label: 'open deals' },
      { phase: companies, label: 'companies' },
    ],
    options.progress,
  );
  if (failed !== null) return err(failed);
  const segments = [...(current?.segments ?? []), ...proposed.segments];
  return ok({
    matrix: sim.finish(),
    movers: sim.movers(),
    names: {
      ownerNames: Object.fromEntries(
        owners.value.flatMap((o) => {
          const name = reviewOwnerName(o) ?? o.email ?? null;
          return name === null ? [] : [[o.id, name]];
        }),
      ),
      segmentNames: Object.fromEntries(segments.map((s) => [s.id, s.name])),
    },
    publishedVersion: published.value?.version ?? null,
    portal: portalHoldsOf(portal, plan, definitions),
  });
};
