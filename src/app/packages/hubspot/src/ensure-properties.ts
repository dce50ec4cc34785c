// Creates or completes property groups and properties, idempotently. An existing property is only
// changed where it would not work: a different type or field type, or missing options (added,
// keeping the portal's own). Labels, descriptions, groups and extra options stay as the portal has
// them: setup never renames, moves or archives anything.
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
  PropertyUpdateFieldTypeEnum,
  PropertyUpdateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import type {
  OptionInput,
  PropertyUpdate,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { ok } from '@strategy-fit/core';
import type { Result, StrategyFitError } from '@strategy-fit/core';

import { mapBatches } from './batches.ts';
import { callParsed } from './create-client.ts';
import type { HubSpot } from './create-client.ts';
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

const CREATE_TYPES: Record<PropertyType, PropertyCreateTypeEnum> = {
  string: PropertyCreateTypeEnum.String,
  number: PropertyCreateTypeEnum.Number,
  date: PropertyCreateTypeEnum.Date,
  datetime: PropertyCreateTypeEnum.Datetime,
  enumeration: PropertyCreateTypeEnum.Enumeration,
  bool: PropertyCreateTypeEnum.Bool,
};
const CREATE_FIELD_TYPES: Record<FieldType, PropertyCreateFieldTypeEnum> = {
  text: PropertyCreateFieldTypeEnum.Text,
  textarea: PropertyCreateFieldTypeEnum.Textarea,
  number: PropertyCreateFieldTypeEnum.Number,
  date: PropertyCreateFieldTypeEnum.Date,
  select: PropertyCreateFieldTypeEnum.Select,
  checkbox: PropertyCreateFieldTypeEnum.Checkbox,
  booleancheckbox: PropertyCreateFieldTypeEnum.Booleancheckbox,
};
const UPDATE_TYPES: Record<PropertyType, PropertyUpdateTypeEnum> = {
  string: PropertyUpdateTypeEnum.String,
  number: PropertyUpdateTypeEnum.Number,
  date: PropertyUpdateTypeEnum.Date,
  datetime: PropertyUpdateTypeEnum.Datetime,
  enumeration: PropertyUpdateTypeEnum.Enumeration,
  bool: PropertyUpdateTypeEnum.Bool,
};
const UPDATE_FIELD_TYPES: Record<FieldType, PropertyUpdateFieldTypeEnum> = {
  text: PropertyUpdateFieldTypeEnum.Text,
  textarea: PropertyUpdateFieldTypeEnum.Textarea,
  number: PropertyUpdateFieldTypeEnum.Number,
  date: PropertyUpdateFieldTypeEnum.Date,
  select: PropertyUpdateFieldTypeEnum.Select,
  checkbox: PropertyUpdateFieldTypeEnum.Checkbox,
  booleancheckbox: PropertyUpdateFieldTypeEnum.Booleancheckbox,
};

const optionInputs = (spec: PropertySpec): OptionInput[] =>
  (spec.options ?? []).map((o) => ({ ...o, hidden: false }));

/** Creates the group unless the object type has it (archived groups count as missing). */
export async function ensurePropertyGroup(
  hs: HubSpot,
  objectType: string,
  group: { name: string; label: string; displayOrder: number },
): Promise<Result<EnsureStatus, StrategyFitError>> {
  const operation = `reading the ${objectType} property groups`;
  const groups = await callParsed(hs, { operation, objectType }, PropertyGroupsAnswer, (api) =>
    api.properties.groups.getAll(objectType),
  );
  if (!groups.ok) return groups;
  if (groups.value.results.some((g) => g.name === group.name && g.archived !== true)) {
    return ok('unchanged');
  }
  const created = await callParsed(
    hs,
    { operation: `creating the ${objectType} property group ${group.name}`, objectType },
    PropertyGroupAnswer,
    (api) => api.properties.groups.create(objectType, { ...group }),
  );
  return created.ok ? ok('created') : created;
}

/** What must change on an existing property so that it works as `spec` says; null for nothing. */
export function propertyPatch(spec: PropertySpec, current: PropertyAnswer): PropertyUpdate | null {
  const patch: PropertyUpdate = {};
  if (current.type !== spec.type || current.fieldType !== spec.fieldType) {
    patch.type = UPDATE_TYPES[spec.type];
    patch.fieldType = UPDATE_FIELD_TYPES[spec.fieldType];
  }
  const have = new Set(current.options.map((o) => o.value));
  const missing = optionInputs(spec).filter((o) => !have.has(o.value));
  if (missing.length > 0) {
    const kept: OptionInput[] = current.options.map((o, i) => ({
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
  const where = { objectType, property: spec.name };
  if (current === undefined) {
    const created = await callParsed(
      hs,
      { operation: `creating the ${objectType} property ${spec.name}`, ...where },
      PropertyAnswer,
      (api) =>
        api.properties.core.create(objectType, {
          name: spec.name,
          label: spec.label,
          description: spec.description,
          groupName: spec.groupName,
          type: CREATE_TYPES[spec.type],
          fieldType: CREATE_FIELD_TYPES[spec.fieldType],
          ...(spec.options === undefined ? {} : { options: optionInputs(spec) }),
          ...(spec.hasUniqueValue === undefined ? {} : { hasUniqueValue: spec.hasUniqueValue }),
        }),
    );
    return created.ok ? ok('created') : created;
  }
  const patch = propertyPatch(spec, current);
  if (patch === null) return ok('unchanged');
  const updated = await callParsed(
    hs,
    { operation: `updating the ${objectType} property ${spec.name}`, ...where },
    PropertyAnswer,
    (api) => api.properties.core.update(objectType, spec.name, patch),
  );
  return updated.ok ? ok('updated') : updated;
}

/** Reads the live properties of an object type, by name (not cached: setup needs the truth). */
export async function readLiveProperties(
  hs: HubSpot,
  objectType: string,
): Promise<Result<Map<string, PropertyAnswer>, StrategyFitError>> {
  const answer = await callParsed(
    hs,
    { operation: `reading the ${objectType} properties`, objectType },
    PropertiesAnswer,
    (api) => api.properties.core.getAll(objectType, false),
  );
  if (!answer.ok) return answer;
  return ok(
    new Map(answer.value.results.filter((p) => p.archived !== true).map((p) => [p.name, p])),
  );
}

/** Creates or completes every property of `specs` on one object type; the status of each. */
export async function ensureProperties(
  hs: HubSpot,
  objectType: string,
  specs: readonly PropertySpec[],
): Promise<Result<{ name: string; status: EnsureStatus }[], StrategyFitError>> {
  const existing = await readLiveProperties(hs, objectType);
  if (!existing.ok) return existing;
  const statuses = await mapBatches(specs, async (spec) => {
    const status = await ensureOne(hs, objectType, spec, existing.value.get(spec.name));
    return status.ok ? ok({ name: spec.name, status: status.value }) : status;
  });
  return statuses;
}
