// Associations given inline when a record is created (`associations: [{ to, types }]`).
import type { z } from 'zod';
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import { MESSAGES, validationFailure } from '../errors.ts';
import type { InlineAssociationSchema } from '../schema.ts';
import type { AssociationType } from '../store/associations.ts';
import type { CrmStore, Result } from '../store/crm-store.ts';

type InlineAssociation = z.output<typeof InlineAssociationSchema>;
export type CheckedLink = { type: AssociationType; toId: number };

/** Every type must start at this object type and every target must exist. */
export function checkInlineAssociations(
  store: CrmStore,
  info: ObjectTypeInfo,
  associations: readonly InlineAssociation[],
): Result<CheckedLink[]> {
  const links: CheckedLink[] = [];
  for (const association of associations) {
    for (const spec of association.types) {
      const type = store.associations.type(spec.associationTypeId);
      if (
        type === undefined ||
        type.fromObjectTypeId !== info.objectTypeId ||
        type.category !== spec.associationCategory
      ) {
        return {
          ok: false,
          failure: validationFailure(MESSAGES.associationsInvalid(), {
            context: { associationTypeId: [String(spec.associationTypeId)] },
          }),
        };
      }
      const target = store.resolveType(type.toObjectTypeId);
      if (target === undefined || store.findRow(target, association.to.id) === undefined) {
        return {
          ok: false,
          failure: validationFailure(MESSAGES.associationsInvalid(), {
            subCategory: 'crm.associations.INVALID_OBJECT_IDS',
            context: { objectId: [association.to.id], objectType: [type.toObjectTypeId] },
          }),
        };
      }
      links.push({ type, toId: Number(association.to.id) });
    }
  }
  return { ok: true, value: links };
}

export function createInlineAssociations(
  store: CrmStore,
  info: ObjectTypeInfo,
  row: number,
  links: readonly CheckedLink[],
): void {
  const fromId = store.table(info).ids[row] ?? 0;
  for (const link of links) store.associate(link.type, fromId, link.toId);
}
