// A record in the shape of the client's SimplePublicObject(WithAssociations) models.
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { formatInstant } from '../store/time.ts';

export type PresentedObject = {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  associations?: Record<
    string,
    { results: { id: string; type: string }[]; paging?: { next: { after: string } } }
  >;
};

/**
 * Associated records embedded in one read, per type: HubSpot embeds up to 100 and adds `paging`
 * with an `after` when there are more (developer changelog, "Announcing a change to how v3 CRM
 * APIs return association data", 2020); readers then page through associations v4.
 */
export const EMBEDDED_ASSOCIATIONS_LIMIT = 100;

/**
 * The property names a read returns: the type's defaults when none were asked for, else the known
 * requested ones plus the three system properties. Unknown names are left out, as HubSpot does.
 */
export function selectProperties(
  store: CrmStore,
  info: ObjectTypeInfo,
  requested: readonly string[] | undefined,
): string[] {
  if (requested === undefined || requested.length === 0) return [...info.defaultProperties];
  const known = requested.filter((name) => store.property(info, name) !== undefined);
  return [
    ...new Set([...known, 'hs_object_id', info.createdateProperty, info.lastmodifiedProperty]),
  ];
}

/** Every stored property plus the system ones: what create and update answers carry. */
export function allStoredProperties(store: CrmStore, info: ObjectTypeInfo, row: number): string[] {
  const table = store.table(info);
  return [
    ...Object.keys(table.storedValues(row)),
    'hs_object_id',
    info.createdateProperty,
    info.lastmodifiedProperty,
  ];
}

export function presentObject(
  store: CrmStore,
  info: ObjectTypeInfo,
  row: number,
  names: readonly string[],
): PresentedObject {
  const table = store.table(info);
  const properties: Record<string, string | null> = {};
  for (const name of [...names].sort()) properties[name] = table.get(row, name);
  const archivedAt = table.archivedAt[row] ?? 0;
  return {
    id: String(table.ids[row]),
    properties,
    createdAt: formatInstant(table.createdAt[row] ?? 0),
    updatedAt: formatInstant(table.updatedAt[row] ?? 0),
    archived: archivedAt !== 0,
    ...(archivedAt === 0 ? {} : { archivedAt: formatInstant(archivedAt) }),
  };
}

/** v3 `associations` of a read: ids per requested object type, with HubSpot's type names. */
export function presentAssociations(
  store: CrmStore,
  info: ObjectTypeInfo,
  row: number,
  requested: readonly string[],
): PresentedObject['associations'] {
  const table = store.table(info);
  const id = table.ids[row] ?? 0;
  const result: NonNullable<PresentedObject['associations']> = {};
  for (const name of requested) {
    const target = store.resolveType(name);
    if (target === undefined) continue;
    const results: { id: string; type: string }[] = [];
    const hasPrimary = store.associations
      .typesBetween(info.objectTypeId, target.objectTypeId)
      .some((type) => type.label !== null);
    const targetTable = store.table(target);
    let records = 0;
    let more: string | undefined;
    for (const { toId, typeIds } of store.associations.targets(
      info.objectTypeId,
      target.objectTypeId,
      id,
    )) {
      const targetRow = targetTable.rowOf(toId);
      if (targetRow === undefined || !targetTable.isLive(targetRow)) continue;
      if (records === EMBEDDED_ASSOCIATIONS_LIMIT) {
        more = String(toId);
        break;
      }
      records += 1;
      for (const typeId of typeIds) {
        const type = store.associations.type(typeId);
        const base = `${info.singular}_to_${target.singular}`;
        const typeName = type?.label === null && hasPrimary ? `${base}_unlabeled` : base;
        results.push({ id: String(toId), type: typeName });
      }
    }
    if (results.length > 0) {
      result[target.name] =
        more === undefined ? { results } : { results, paging: { next: { after: more } } };
    }
  }
  return result;
}
