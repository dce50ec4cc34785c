import { FIT_PROPERTIES, FIT_PROPERTY_GROUP, ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from './create-client.ts';
import { ensureProperties, ensurePropertyGroup } from './ensure-properties.ts';
import type { EnsureStatus, PropertySpec } from './ensure-properties.ts';
import { forgetPropertyDefinitions } from './read-property-definitions.ts';

/** What setup did, one entry per group or property: `companies:strategy_fit_score`, `deals:group:strategy_fit`. */
export type EnsureReport = { created: string[]; updated: string[]; unchanged: string[] };

const FIT_OBJECT_TYPES = ['companies', 'deals'] as const;

const record = (report: EnsureReport, status: EnsureStatus, entry: string): void => {
  report[status].push(entry);
};

/**
 * Creates or completes the `strategy_fit` property group and every property of SCORING §8 (as
 * `FIT_PROPERTIES` lists them) on companies and deals. Running it again changes nothing.
 */
export async function ensureFitProperties(
  hs: HubSpot,
): Promise<Result<EnsureReport, StrategyFitError>> {
  const report: EnsureReport = { created: [], updated: [], unchanged: [] };
  for (const objectType of FIT_OBJECT_TYPES) {
    const group = await ensurePropertyGroup(hs, objectType, { ...FIT_PROPERTY_GROUP });
    if (!group.ok) return group;
    record(report, group.value, `${objectType}:group:${FIT_PROPERTY_GROUP.name}`);
    const specs: PropertySpec[] = FIT_PROPERTIES.filter((p) => p.objects.includes(objectType)).map(
      (p) => ({
        name: p.name,
        label: p.label,
        description: p.description,
        groupName: p.groupName,
        type: p.type,
        fieldType: p.fieldType,
        ...(p.options === undefined ? {} : { options: p.options }),
      }),
    );
    const statuses = await ensureProperties(hs, objectType, specs);
    forgetPropertyDefinitions(hs, objectType);
    if (!statuses.ok) return statuses;
    for (const s of statuses.value) record(report, s.status, `${objectType}:${s.name}`);
  }
  return ok(report);
}
