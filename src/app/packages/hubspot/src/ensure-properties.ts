// Creates or completes property groups and properties, idempotently. An existing property is only
// changed where it would not work: a different type or field type, or missing options (added,
// keeping the portal's own). Labels, descriptions, groups and extra options stay as the portal has
// them: setup never renames, moves or archives anything.
import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { apiPaths } from './api-paths.ts';
import { mapBatches } from './batches.ts';
import type { HubSpot } from './create-client.ts';
import { hubspotRequest } from './request.ts';
import {
  PropertiesAnswer,
  PropertyAnswer,
  PropertyGroupAnswer,
  PropertyGroupsAnswer,
} from './schema.ts';

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
export type FieldType =
  'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox' | 'booleancheckbox';

/** A property as the adapter wants it to exist. */
export type PropertySpec = {
  name: string;
  label: string;
  description: string;
  groupName: string;
  type: PropertyType;
  fieldType: FieldType;
  options?: readonly { label: string; value: string; displayOrder: number }[];
  hasUniqueValue?: boolean;
};

export type EnsureStatus = 'created' | 'updated' | 'unchanged';

/**
 * Whether a write may start now (setup in chunks: a call stops writing when its time budget is
 * spent, and the next call continues). Without one, every write starts.
 */
export type WriteGate = { mayWrite(): boolean; wrote(): void };

/** A gate that lets every write start. */
export const ALWAYS_WRITE: WriteGate = { mayWrite: () => true, wrote: () => {} };

/** An option as a property create or update sends it (`OptionInput`: 2026-09 requires `displayOrder`). */
type OptionInput = { label: string; value: string; displayOrder: number; hidden: boolean };

/** What a property update sends (`PropertyUpdate` of the 2026-09 reference, the fields we change). */
export type PropertyUpdate = {
  type?: PropertyType;
  fieldType?: FieldType;
  options?: OptionInput[];
};

const optionInputs = (spec: PropertySpec): OptionInput[] =>
  (spec.options ?? []).map((o) => ({ ...o, hidden: false }));

/**
 * Creates the group unless the object type has it (archived groups count as missing); null when
 * it is missing and the gate lets no write start.
 */
export async function ensurePropertyGroup(
  hs: HubSpot,
  objectType: string,
  group: { name: string; label: string; displayOrder: number },
  gate: WriteGate = ALWAYS_WRITE,
): Promise<Result<EnsureStatus | null, StrategyFitError>> {
  const operation = `reading the ${objectType} property groups`;
  const groups = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.properties(objectType, 'groups'),
    answer: PropertyGroupsAnswer,
    operation,
    objectType,
  });
  if (!groups.ok) return groups;
  if (groups.value.results.some((g) => g.name === group.name && g.archived !== true)) {
    return ok('unchanged');
  }
  if (!gate.mayWrite()) return ok(null);
  gate.wrote();
  const created = await hubspotRequest(hs, {
    method: 'POST',
    path: apiPaths.properties(objectType, 'groups'),
    body: { ...group },
    answer: PropertyGroupAnswer,
    operation: `creating the ${objectType} property group ${group.name}`,
    objectType,
  });
  return created.ok ? ok('created') : created;
}

/** What setup compares of an existing property: HubSpot's answer, or the core's definition. */
export type ExistingProperty = Pick<PropertyAnswer, 'type' | 'fieldType'> & {
  options?: readonly { label: string; value: string; displayOrder?: number; hidden?: boolean }[];
};

/** What must change on an existing property so that it works as `spec` says; null for nothing. */
export function propertyPatch(
  spec: PropertySpec,
  current: ExistingProperty,
): PropertyUpdate | null {
  const patch: PropertyUpdate = {};
  if (current.type !== spec.type || current.fieldType !== spec.fieldType) {
    patch.type = spec.type;
    patch.fieldType = spec.fieldType;
  }
  const options = current.options ?? [];
  const have = new Set(options.map((o) => o.value));
  const missing = optionInputs(spec).filter((o) => !have.has(o.value));
  if (missing.length > 0) {
    const kept: OptionInput[] = options.map((o, i) => ({
      label: o.label,
      value: o.value,
      displayOrder: o.displayOrder ?? i,
      hidden: o.hidden ?? false,
    }));
    patch.options = [...kept, ...missing];
  }
  return Object.keys(patch).length === 0 ? null : patch;
}

async function ensureOne(
  hs: HubSpot,
  objectType: string,
  spec: PropertySpec,
  current: PropertyAnswer | undefined,
): Promise<Result<EnsureStatus, StrategyFitError>> {
  if (current === undefined) {
    const created = await hubspotRequest(hs, {
      method: 'POST',
      path: apiPaths.properties(objectType),
      body: {
        name: spec.name,
        label: spec.label,
        description: spec.description,
        groupName: spec.groupName,
        type: spec.type,
        fieldType: spec.fieldType,
        ...(spec.options === undefined ? {} : { options: optionInputs(spec) }),
        ...(spec.hasUniqueValue === undefined ? {} : { hasUniqueValue: spec.hasUniqueValue }),
      },
      answer: PropertyAnswer,
      operation: `creating the ${objectType} property ${spec.name}`,
      objectType,
    });
    return created.ok ? ok('created') : created;
  }
  const patch = propertyPatch(spec, current);
  if (patch === null) return ok('unchanged');
  const updated = await hubspotRequest(hs, {
    method: 'PATCH',
    path: apiPaths.properties(objectType, spec.name),
    body: patch,
    answer: PropertyAnswer,
    operation: `updating the ${objectType} property ${spec.name}`,
    objectType,
  });
  return updated.ok ? ok('updated') : updated;
}

/** Reads the live properties of an object type, by name (not cached: setup needs the truth). */
export async function readLiveProperties(
  hs: HubSpot,
  objectType: string,
): Promise<Result<Map<string, PropertyAnswer>, StrategyFitError>> {
  const answer = await hubspotRequest(hs, {
    method: 'GET',
    path: apiPaths.properties(objectType),
    query: { archived: false },
    answer: PropertiesAnswer,
    operation: `reading the ${objectType} properties`,
    objectType,
  });
  if (!answer.ok) return answer;
  return ok(
    new Map(answer.value.results.filter((p) => p.archived !== true).map((p) => [p.name, p])),
  );
}

/** The names of `specs` that are missing or need a change (setup's plan; nothing is written). */
export function propertiesToEnsure(
  specs: readonly PropertySpec[],
  existing: ReadonlyMap<string, ExistingProperty>,
): string[] {
  return specs
    .filter((spec) => {
      const current = existing.get(spec.name);
      return current === undefined || propertyPatch(spec, current) !== null;
    })
    .map((spec) => spec.name);
}

/**
 * Creates or completes every property of `specs` on one object type; the status of each. With a
 * gate, a property whose write the gate does not let start is left out of the answer (a later
 * call does it).
 */
export async function ensureProperties(
  hs: HubSpot,
  objectType: string,
  specs: readonly PropertySpec[],
  gate: WriteGate = ALWAYS_WRITE,
): Promise<Result<{ name: string; status: EnsureStatus }[], StrategyFitError>> {
  const existing = await readLiveProperties(hs, objectType);
  if (!existing.ok) return existing;
  const todo = new Set(propertiesToEnsure(specs, existing.value));
  const statuses = await mapBatches(specs, async (spec) => {
    if (!todo.has(spec.name)) return ok({ name: spec.name, status: 'unchanged' as const });
    if (!gate.mayWrite()) return ok(null);
    gate.wrote();
    const status = await ensureOne(hs, objectType, spec, existing.value.get(spec.name));
    return status.ok ? ok({ name: spec.name, status: status.value }) : status;
  });
  if (!statuses.ok) return statuses;
  return ok(statuses.value.filter((s) => s !== null));
}
