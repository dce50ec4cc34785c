// Property definitions (labels, types, options) change rarely: a warm container keeps them for
// DEFINITIONS_TTL_MS, and drops them at once when a new strategy version becomes current.
import type { PropertyDefinitions, Result, StrategyFitError } from '@strategy-fit/core';
import { forgetPropertyDefinitions, readPropertyDefinitions } from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';

/** How long a warm container trusts the property definitions it read. */
export const DEFINITIONS_TTL_MS = 5 * 60_000;

export type DefinitionsCache = {
  read(objectType: 'companies' | 'deals'): Promise<Result<PropertyDefinitions, StrategyFitError>>;
  forget(): void;
};

/** Definitions through the adapter's per-handle cache, renewed after `DEFINITIONS_TTL_MS`. */
export function createDefinitionsCache(hs: HubSpot, now: () => number): DefinitionsCache {
  const readAt = new Map<string, number>();
  return {
    read(objectType) {
      const at = readAt.get(objectType);
      if (at === undefined || now() - at > DEFINITIONS_TTL_MS) {
        forgetPropertyDefinitions(hs, objectType);
        readAt.set(objectType, now());
      }
      return readPropertyDefinitions(hs, objectType).then((result) => {
        if (!result.ok) readAt.delete(objectType);
        return result;
      });
    },
    forget() {
      readAt.clear();
      forgetPropertyDefinitions(hs);
    },
  };
}
