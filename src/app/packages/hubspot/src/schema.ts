// Every HubSpot answer the adapter reads, declared once with zod and parsed once (STYLE §11, §12).
// The api-client hands back its model instances (dates as Date); the shapes accept those and plain
// JSON alike, keep only what the adapter uses and ignore the rest.
import { z } from 'zod';

/** An instant as the client gives it (a Date) or as JSON carries it (an ISO string). */
const Instant = z
  .union([z.date(), z.string()])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString()));

/** An id that HubSpot sends as a string or, in some answers, a number. */
const Id = z.union([z.string(), z.number()]).transform((v) => String(v));

/** The `paging.next.after` cursor of a list answer. */
const Paging = z
  .looseObject({ next: z.looseObject({ after: z.string() }).optional() })
  .optional()
  .transform((p) => p?.next?.after ?? null);

/** A CRM record (`SimplePublicObject`), reduced to what the adapter returns. */
export const HsObject = z
  .looseObject({
    id: Id,
    properties: z.record(z.string(), z.string().nullable().optional()),
    updatedAt: Instant,
  })
  .transform((o) => ({
    id: o.id,
    properties: Object.fromEntries(
      Object.entries(o.properties).map(([name, value]) => [name, value ?? null]),
    ),
    updatedAt: o.updatedAt,
  }));

/** One detail of an error (`ErrorDetail`): what was wrong, where (`context.propertyName`). */
const ErrorDetail = z.looseObject({
  message: z.string().optional(),
  code: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});

/**
 * One failed input of a batch answer (`StandardError`: the reference also names `errors[]` with
 * the details, `links` and `id`; answers seen in the wild carried only the first five fields).
 */
export const BatchError = z.looseObject({
  status: z.string().optional(),
  category: z.string(),
  subCategory: z.unknown().optional(),
  message: z.string(),
  context: z.record(z.string(), z.array(z.string())).optional(),
  errors: z.array(ErrorDetail).optional(),
  links: z.record(z.string(), z.string()).optional(),
  id: z.string().optional(),
});
export type BatchError = z.output<typeof BatchError>;

/** A batch read/update answer: 200 (results only) or 207 (results and errors). */
export const BatchObjectsAnswer = z.looseObject({
  results: z.array(HsObject),
  errors: z.array(BatchError).optional(),
});

/** A list page (`GET /crm/objects/2026-09/{type}`). */
export const ListAnswer = z.looseObject({ results: z.array(HsObject), paging: Paging });

/** A search page: `total` counts every match of the request. */
export const SearchAnswer = z.looseObject({
  total: z.number(),
  results: z.array(HsObject),
  paging: Paging,
});

export const PropertyOptionAnswer = z.looseObject({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().optional(),
  hidden: z.boolean().optional(),
});

/** A property definition (`Property`). */
export const PropertyAnswer = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  description: z.string().optional(),
  groupName: z.string().optional(),
  options: z.array(PropertyOptionAnswer).optional().default([]),
  hasUniqueValue: z.boolean().optional(),
  archived: z.boolean().optional(),
});
export type PropertyAnswer = z.output<typeof PropertyAnswer>;

export const PropertiesAnswer = z.looseObject({ results: z.array(PropertyAnswer) });

export const PropertyGroupAnswer = z.looseObject({
  name: z.string(),
  label: z.string(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
});
export const PropertyGroupsAnswer = z.looseObject({ results: z.array(PropertyGroupAnswer) });

/** A custom object schema (`ObjectSchema`). */
export const ObjectSchemaAnswer = z.looseObject({
  id: Id,
  objectTypeId: z.string(),
  name: z.string(),
  fullyQualifiedName: z.string().optional(),
  properties: z.array(PropertyAnswer).optional().default([]),
  requiredProperties: z.array(z.string()).optional().default([]),
  archived: z.boolean().optional(),
});
export type ObjectSchemaAnswer = z.output<typeof ObjectSchemaAnswer>;
export const ObjectSchemasAnswer = z.looseObject({ results: z.array(ObjectSchemaAnswer) });

/** One association of an associations v4 batch read (`MultiAssociatedObjectWithLabel`). */
const AssociatedObject = z.looseObject({
  toObjectId: Id,
  associationTypes: z.array(
    z.looseObject({
      category: z.string(),
      typeId: z.number(),
      label: z.string().nullable().optional(),
    }),
  ),
});

/** An associations v4 batch read: `_from` is the client's name for the JSON `from`. */
export const AssociationsAnswer = z.looseObject({
  results: z.array(
    z
      .looseObject({
        _from: z.looseObject({ id: Id }).optional(),
        from: z.looseObject({ id: Id }).optional(),
        to: z.array(AssociatedObject),
        paging: Paging,
      })
      .transform((r, ctx) => {
        const fromId = r._from?.id ?? r.from?.id;
        if (fromId === undefined) {
          ctx.addIssue({ code: 'custom', message: 'an association result without "from"' });
          return z.NEVER;
        }
        return { fromId, to: r.to, nextAfter: r.paging };
      }),
  ),
  errors: z.array(BatchError).optional(),
});

/** An owner (`PublicOwner`). */
export const OwnerAnswer = z
  .looseObject({
    id: Id,
    userId: z.number().nullable().optional(),
    email: z.string().nullable().optional(),
    firstName: z.string().nullable().optional(),
    lastName: z.string().nullable().optional(),
    teams: z
      .array(z.looseObject({ id: Id, name: z.string() }))
      .optional()
      .default([]),
  })
  .transform((o) => ({
    id: o.id,
    userId: o.userId === null || o.userId === undefined ? null : String(o.userId),
    email: o.email ?? null,
    firstName: o.firstName ?? '',
    lastName: o.lastName ?? '',
    teams: o.teams.map((t) => ({ id: t.id, name: t.name })),
  }));
export type Owner = z.output<typeof OwnerAnswer>;
export const OwnersAnswer = z.looseObject({ results: z.array(OwnerAnswer), paging: Paging });

const Probability = z
  .string()
  .optional()
  .transform((p) => {
    const n = p === undefined || p.trim() === '' ? Number.NaN : Number(p);
    return Number.isFinite(n) ? n : null;
  });

/** A pipeline with its stages; `isWon` is a closed stage with probability 1 (HubSpot's metadata). */
export const PipelineAnswer = z
  .looseObject({
    id: z.string(),
    label: z.string(),
    displayOrder: z.number().optional(),
    stages: z.array(
      z.looseObject({
        id: z.string(),
        label: z.string(),
        displayOrder: z.number().optional(),
        metadata: z.looseObject({ isClosed: z.string().optional(), probability: Probability }),
      }),
    ),
  })
  .transform((p) => ({
    id: p.id,
    label: p.label,
    stages: p.stages.map((s) => {
      const isClosed = s.metadata.isClosed?.trim().toLowerCase() === 'true';
      const probability = s.metadata.probability;
      return {
        id: s.id,
        label: s.label,
        isClosed,
        isWon: isClosed && probability === 1,
        probability,
      };
    }),
  }));
export type Pipeline = z.output<typeof PipelineAnswer>;
export const PipelinesAnswer = z.looseObject({ results: z.array(PipelineAnswer) });

/** HubSpot's error body (the `body` of an ApiException); everything is optional. */
export const ErrorBody = z.looseObject({
  message: z.string().optional(),
  category: z.string().optional(),
  subCategory: z.string().optional(),
  policyName: z.string().optional(),
  errors: z.array(ErrorDetail).optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorBody = z.output<typeof ErrorBody>;

/** The list inside "Property values were not valid: [...]" (HubSpot's VALIDATION_ERROR message). */
export const PropertyIssuesList = z.array(
  z.looseObject({ name: z.string(), message: z.string(), error: z.string().optional() }),
);

/** Associated ids embedded in a read (`CollectionResponseAssociatedId`): one entry per type. */
const EmbeddedAssociations = z.looseObject({
  results: z.array(z.looseObject({ id: Id, type: z.string() })),
  paging: Paging,
});

/**
 * A list page whose records carry the associations asked for (`associations=companies,…`).
 * HubSpot names the key of line items "line items" in some answers; both spellings are read.
 */
export const ListWithAssociationsAnswer = z.looseObject({
  results: z.array(
    z
      .looseObject({
        id: Id,
        properties: z.record(z.string(), z.string().nullable().optional()),
        updatedAt: Instant,
        associations: z.record(z.string(), EmbeddedAssociations).optional(),
      })
      .transform((o) => ({
        id: o.id,
        properties: Object.fromEntries(
          Object.entries(o.properties).map(([name, value]) => [name, value ?? null]),
        ),
        updatedAt: o.updatedAt,
        associations: Object.fromEntries(
          Object.entries(o.associations ?? {}).map(([key, list]) => [
            key.replace(/ /g, '_'),
            { results: list.results, more: list.paging !== null },
          ]),
        ),
      })),
  ),
  paging: Paging,
});
