import { FIT_PROPERTIES, FIT_PROPERTY_GROUP, ok } from '@strategy-fit/core';
import type { Result, SetupChange, StrategyFitError } from '@strategy-fit/core';

import type { HubSpot } from './create-client.ts';
import { ALWAYS_WRITE, ensureProperties, ensurePropertyGroup } from './ensure-properties.ts';
import type { PropertySpec, WriteGate } from './ensure-properties.ts';
import { forgetPropertyDefinitions } from './read-property-definitions.ts';

/** What setup did, one entry per group or property: `companies:strategy_fit_score`, `deals:group:strategy_fit`. */
export type EnsureReport = { created: string[]; updated: string[]; unchanged: string[] };

/** The object types Strategy Fit writes its properties to (SCORING §8). */
export type FitObjectType = 'companies' | 'deals';

const FIT_OBJECT_TYPES: readonly FitObjectType[] = ['companies', 'deals'];

/** The properties of SCORING §8 that live on `objectType`, as setup creates them. */
export const fitPropertySpecs = (objectType: FitObjectType): PropertySpec[] =>
  FIT_PROPERTIES.filter((p) => p.objects.includes(objectType)).map((p) => ({
    name: p.name,
    label: p.label,
    description: p.description,
    groupName: p.groupName,
    type: p.type,
    fieldType: p.fieldType,
    ...(p.options === undefined ? {} : { options: p.options }),
  }));

/**
 * Creates or completes the `strategy_fit` group and the properties of one object type (setup's
 * first two steps). `complete` is false when the gate stopped a write: a later call finishes it.
 */
export async function ensureFitPropertiesOf(
  hs: HubSpot,
  objectType: FitObjectType,
  gate: WriteGate = ALWAYS_WRITE,
): Promise<Result<{ changes: SetupChange[]; complete: boolean }, StrategyFitError>> {
  const group = await ensurePropertyGroup(hs, objectType, { ...FIT_PROPERTY_GROUP }, gate);
  if (!group.ok) return group;
  // Properties go into the group: without it there is nothing to do until the next call.
  if (group.value === null) return ok({ changes: [], complete: false });
  const specs = fitPropertySpecs(objectType);
  const statuses = await ensureProperties(hs, objectType, specs, gate);
  forgetPropertyDefinitions(hs, objectType);
  if (!statuses.ok) return statuses;
  const changes: SetupChange[] = [
    {
      what: 'property_group',
      objectType,
      name: FIT_PROPERTY_GROUP.name,
      status: group.value,
    },
    ...statuses.value.map((s): SetupChange => ({
      what: 'property',
      objectType,
      name: s.name,
      status: s.status,
    })),
  ];
  return ok({ changes, complete: statuses.value.length === specs.length });
}

/** The CLI's and the tests' entries (`companies:strategy_fit_score`, `deals:group:strategy_fit`). */
export const reportEntry = (change: SetupChange): string =>
  change.what === 'property_group'
    ? `${change.objectType}:group:${change.name}`
    : `${change.objectType}:${change.name}`;

/**
 * Creates or completes the `strategy_fit` property group and every property of SCORING §8 (as
 * `FIT_PROPERTIES` lists them) on companies and deals. Running it again changes nothing.
 */
export async function ensureFitProperties(
  hs: HubSpot,
): Promise<Result<EnsureReport, StrategyFitError>> {
  const report: EnsureReport = { created: [], updated: [], unchanged: [] };
  for (const objectType of FIT_OBJECT_TYPES) {
    const ensured = await ensureFitPropertiesOf(hs, objectType);
    if (!ensured.ok) return ensured;
    for (const change of ensured.value.changes) report[change.status].push(reportEntry(change));
  }
  return ok(report);
}
