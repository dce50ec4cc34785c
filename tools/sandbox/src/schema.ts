// Every shape the sandbox accepts (requests, persisted definitions), declared once with zod.
// Request schemas are loose on unknown keys (see docs/sandbox.md, "Strict request checking")
// and strict on the type of every key HubSpot's models define.
import { z } from 'zod';

/** A property value as HubSpot accepts it in writes: JSON strings, numbers and booleans are read as text. */
export const PropertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const PropertyValuesSchema = z.record(z.string(), PropertyValueSchema);

const ObjectIdSchema = z.union([z.string(), z.number()]).transform((id) => String(id));
export const PublicObjectIdSchema = z.looseObject({ id: ObjectIdSchema });

export const AssociationCategorySchema = z.enum([
  'HUBSPOT_DEFINED',
  'USER_DEFINED',
  'INTEGRATOR_DEFINED',
]);
export const AssociationSpecSchema = z.looseObject({
  associationCategory: AssociationCategorySchema,
  associationTypeId: z.number().int(),
});

export const InlineAssociationSchema = z.looseObject({
  to: PublicObjectIdSchema,
  types: z.array(AssociationSpecSchema).min(1),
});

export const ObjectCreateSchema = z.looseObject({
  properties: PropertyValuesSchema,
  associations: z.array(InlineAssociationSchema).optional(),
});

export const ObjectUpdateSchema = z.looseObject({ properties: PropertyValuesSchema });

export const BatchReadSchema = z.looseObject({
  inputs: z.array(PublicObjectIdSchema),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});

export const BatchCreateSchema = z.looseObject({
  inputs: z.array(
    z.looseObject({
      properties: PropertyValuesSchema,
      associations: z.array(InlineAssociationSchema).optional(),
      objectWriteTraceId: z.string().optional(),
    }),
  ),
});

export const BatchUpdateSchema = z.looseObject({
  inputs: z.array(
    z.looseObject({
      id: ObjectIdSchema,
      properties: PropertyValuesSchema,
      idProperty: z.string().optional(),
      objectWriteTraceId: z.string().optional(),
    }),
  ),
});

export const BatchArchiveSchema = z.looseObject({ inputs: z.array(PublicObjectIdSchema) });

export const FilterOperatorSchema = z.enum([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
]);
export type FilterOperator = z.output<typeof FilterOperatorSchema>;

const FilterScalarSchema = z.union([z.string(), z.number(), z.boolean()]).transform(String);
export const FilterSchema = z.looseObject({
  propertyName: z.string(),
  operator: FilterOperatorSchema,
  value: FilterScalarSchema.optional(),
  highValue: FilterScalarSchema.optional(),
  values: z.array(FilterScalarSchema).optional(),
});
export type Filter = z.output<typeof FilterSchema>;

export const SortSchema = z.union([
  z.string().min(1),
  z.looseObject({
    propertyName: z.string(),
    direction: z.enum(['ASCENDING', 'DESCENDING']).optional(),
  }),
]);

export const SearchRequestSchema = z.looseObject({
  filterGroups: z.array(z.looseObject({ filters: z.array(FilterSchema) })).optional(),
  sorts: z.array(SortSchema).optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().optional(),
  after: z.union([z.string(), z.number()]).transform(String).optional(),
  query: z.string().optional(),
});
export type SearchRequest = z.output<typeof SearchRequestSchema>;

// ---- properties -----------------------------------------------------------------------------

export const PropertyTypeSchema = z.enum([
  'string',
  'number',
  'date',
  'datetime',
  'enumeration',
  'bool',
  'phone_number',
]);
export type PropertyType = z.output<typeof PropertyTypeSchema>;

export const FieldTypeSchema = z.enum([
  'textarea',
  'text',
  'date',
  'file',
  'number',
  'select',
  'radio',
  'checkbox',
  'booleancheckbox',
  'calculation_equation',
  'phonenumber',
  'html',
]);

export const OptionSchema = z.looseObject({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().default(false),
  description: z.string().optional(),
});
export type Option = z.output<typeof OptionSchema>;

/** A stored property definition; its fields are the response model `Property` of the client. */
export const PropertyDefinitionSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: PropertyTypeSchema,
  fieldType: z.string(),
  description: z.string(),
  groupName: z.string(),
  options: z.array(OptionSchema),
  displayOrder: z.number().int(),
  calculated: z.boolean(),
  externalOptions: z.boolean(),
  hasUniqueValue: z.boolean(),
  hidden: z.boolean(),
  hubspotDefined: z.boolean().optional(),
  showCurrencySymbol: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  modificationMetadata: z.object({
    archivable: z.boolean(),
    readOnlyDefinition: z.boolean(),
    readOnlyValue: z.boolean(),
  }),
  formField: z.boolean(),
  dataSensitivity: z.literal('non_sensitive'),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  archived: z.boolean(),
});
export type PropertyDefinition = z.output<typeof PropertyDefinitionSchema>;

export const PropertyCreateSchema = z.looseObject({
  name: z.string().min(1),
  label: z.string().min(1),
  type: PropertyTypeSchema,
  fieldType: FieldTypeSchema,
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(OptionSchema).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  externalOptions: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  showCurrencySymbol: z.boolean().optional(),
});
export type PropertyCreate = z.output<typeof PropertyCreateSchema>;

export const PropertyUpdateSchema = z.looseObject({
  label: z.string().min(1).optional(),
  type: PropertyTypeSchema.optional(),
  fieldType: FieldTypeSchema.optional(),
  groupName: z.string().min(1).optional(),
  description: z.string().optional(),
  options: z.array(OptionSchema).optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
});
export type PropertyUpdate = z.output<typeof PropertyUpdateSchema>;

export const PropertyGroupSchema = z.object({
  name: z.string(),
  label: z.string(),
  displayOrder: z.number().int(),
  archived: z.boolean(),
});
export type PropertyGroup = z.output<typeof PropertyGroupSchema>;

export const PropertyGroupCreateSchema = z.looseObject({
  name: z.string().min(1),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});
export const PropertyGroupUpdateSchema = z.looseObject({
  label: z.string().min(1).optional(),
  displayOrder: z.number().int().optional(),
});

export const BatchPropertyCreateSchema = z.looseObject({ inputs: z.array(PropertyCreateSchema) });

/** 2026-09 requires `displayOrder` on every option of a create or update (`OptionInput`). */
const DatedOptionSchema = OptionSchema.extend({ displayOrder: z.number().int() });
export const DatedPropertyCreateSchema = PropertyCreateSchema.extend({
  options: z.array(DatedOptionSchema).optional(),
});
export const DatedPropertyUpdateSchema = PropertyUpdateSchema.extend({
  options: z.array(DatedOptionSchema).optional(),
});
export const DatedBatchPropertyCreateSchema = z.looseObject({
  inputs: z.array(DatedPropertyCreateSchema),
});
export const BatchPropertyNamesSchema = z.looseObject({
  inputs: z.array(z.looseObject({ name: z.string() })),
  archived: z.boolean().optional(),
});

// ---- associations v4 ------------------------------------------------------------------------

export const AssociationBatchReadSchema = z.looseObject({
  inputs: z.array(z.looseObject({ id: ObjectIdSchema, after: z.string().optional() })),
});
export const AssociationBatchCreateSchema = z.looseObject({
  inputs: z.array(
    z.looseObject({
      from: PublicObjectIdSchema,
      to: PublicObjectIdSchema,
      types: z.array(AssociationSpecSchema).min(1),
    }),
  ),
});
export const AssociationBatchDefaultSchema = z.looseObject({
  inputs: z.array(z.looseObject({ from: PublicObjectIdSchema, to: PublicObjectIdSchema })),
});
export const AssociationBatchArchiveSchema = z.looseObject({
  inputs: z.array(z.looseObject({ from: PublicObjectIdSchema, to: z.array(PublicObjectIdSchema) })),
});
export const AssociationLabelsArchiveSchema = AssociationBatchCreateSchema;
export const AssociationSpecListSchema = z.array(AssociationSpecSchema).min(1);

// ---- custom object schemas ------------------------------------------------------------------

export const ObjectSchemaPropertySchema = z.looseObject({
  name: z.string().min(1),
  label: z.string().min(1),
  type: PropertyTypeSchema,
  fieldType: z.string().min(1),
  groupName: z.string().optional(),
  description: z.string().optional(),
  options: z.array(OptionSchema).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
});

export const ObjectSchemaEggSchema = z.looseObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  labels: z.looseObject({ singular: z.string().optional(), plural: z.string().optional() }),
  description: z.string().optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  searchableProperties: z.array(z.string()).optional(),
  requiredProperties: z.array(z.string()),
  properties: z.array(ObjectSchemaPropertySchema),
  associatedObjects: z.array(z.string()),
  allowsSensitiveProperties: z.boolean().optional(),
});
export type ObjectSchemaEgg = z.output<typeof ObjectSchemaEggSchema>;

/** 2026-09's ObjectSchemaEgg also requires these (the reference's `required` list). */
export const DatedObjectSchemaEggSchema = ObjectSchemaEggSchema.extend({
  allowsSensitiveProperties: z.boolean(),
  secondaryDisplayProperties: z.array(z.string()),
  searchableProperties: z.array(z.string()),
});

export const ObjectSchemaPatchSchema = z.looseObject({
  labels: z
    .looseObject({ singular: z.string().optional(), plural: z.string().optional() })
    .optional(),
  description: z.string().optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  searchableProperties: z.array(z.string()).optional(),
  requiredProperties: z.array(z.string()).optional(),
  clearDescription: z.boolean().optional(),
  restorable: z.boolean().optional(),
});

/** A stored custom object schema (without its properties, which live in the property catalogue). */
export const StoredSchemaSchema = z.object({
  id: z.string(),
  objectTypeId: z.string(),
  name: z.string(),
  labels: z.object({ singular: z.string().optional(), plural: z.string().optional() }),
  description: z.string().optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()),
  searchableProperties: z.array(z.string()),
  requiredProperties: z.array(z.string()),
  associatedObjectTypeIds: z.array(z.string()),
  allowsSensitiveProperties: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredSchema = z.output<typeof StoredSchemaSchema>;

// ---- fault plan -----------------------------------------------------------------------------

const RateSchema = z.number().min(0).max(1);
export const FaultPlanSchema = z.strictObject({
  /** Seed of the fault dice; the same seed and request sequence give the same faults. */
  seed: z.number().int().default(1),
  /** Probability per request of each fault (0..1). */
  rates: z
    .strictObject({
      rateLimit: RateSchema.default(0),
      serverError: RateSchema.default(0),
      slow: RateSchema.default(0),
      drop: RateSchema.default(0),
      partialBatch: RateSchema.default(0),
    })
    .default({ rateLimit: 0, serverError: 0, slow: 0, drop: 0, partialBatch: 0 }),
  /** Explicit faults by request number (1-based, counted from when the plan was set). */
  schedule: z
    .array(
      z.strictObject({
        request: z.number().int().min(1),
        fault: z.enum(['rateLimit', 'serverError', 'slow', 'drop', 'partialBatch']),
        /** Repeat the fault on this many consecutive requests (a burst). */
        count: z.number().int().min(1).default(1),
      }),
    )
    .default([]),
  /** Status codes a `serverError` fault picks from. */
  serverErrorStatuses: z
    .array(z.union([z.literal(500), z.literal(502), z.literal(503)]))
    .min(1)
    .default([500, 502, 503]),
  /** Extra delay of a `slow` fault, in milliseconds. */
  slowMs: z.number().int().min(0).default(2000),
  /** Share of a batch's inputs a `partialBatch` fault fails (at least one input). */
  partialBatchShare: RateSchema.default(0.2),
  /** Only requests whose path starts with one of these prefixes are faulted (all when empty). */
  paths: z.array(z.string()).default([]),
  /** Only requests with one of these methods are faulted (all when empty), e.g. the writes. */
  methods: z.array(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])).default([]),
});
export type FaultPlan = z.input<typeof FaultPlanSchema>;
export type ResolvedFaultPlan = z.output<typeof FaultPlanSchema>;
export type FaultKind = ResolvedFaultPlan['schedule'][number]['fault'];

export const RateLimitOptionsSchema = z.strictObject({
  /** Requests per rolling window (HubSpot's window is 10 s, hence the name). */
  perTenSeconds: z.number().int().min(1).default(190),
  searchPerSecond: z.number().int().min(1).default(5),
  daily: z.number().int().min(1).default(1_000_000),
  /**
   * Sandbox-only: the rolling window's length (HubSpot's is 10,000 ms). Tests shorten it to watch
   * a client follow `X-HubSpot-RateLimit-Interval-Milliseconds` without waiting 10 s.
   */
  intervalMs: z.number().int().min(100).max(60_000).default(10_000),
});
export type RateLimitOptions = z.input<typeof RateLimitOptionsSchema>;

export const SeedOptionsSchema = z.strictObject({
  seed: z.number().int(),
  companies: z.number().int().min(0),
  deals: z.number().int().min(0),
  /** The date the seeded history ends at (ISO); default 2026-11-01 so seeds are reproducible. */
  asOf: z.string().optional(),
  /**
   * Percent of the companies in the United States, the United Kingdom, Germany, the Netherlands
   * and Spain whose country reads "USA", "UK", "Deutschland", "Holland", "España": the traps a
   * text criterion silently misses (issue 13), on top of the 2 % of other spellings every seed
   * has. 0 (the default) keeps every seed as it always was; the traps come from a stream of their
   * own, the rest of the seed unchanged.
   */
  spellingVariantsPercent: z.number().min(0).max(100).default(0),
});
export type SeedOptions = z.input<typeof SeedOptionsSchema>;

/**
 * Countries written in other spellings in the demo and `strategy-fit sandbox` portals: the traps
 * `strategy validate --portal` and `simulate` point out (issue 13).
 */
export const DEMO_SPELLING_VARIANTS_PERCENT = 25;

/** The portal id of the demo portal (custom object names are `p<portalId>_<name>`). */
export const DEMO_PORTAL_ID = 48_151_623;

export const SandboxOptionsSchema = z.strictObject({
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: z.number().int().min(0).max(65_535).default(0),
  /** Directory of the SQLite file; omitted = in memory only. */
  dataDir: z.string().min(1).optional(),
  /** Bearer token to accept; default: the one stored in dataDir, else a new random one. */
  token: z.string().min(1).optional(),
  /** Private-app rate limits, or false to switch them off. */
  rateLimit: z.union([z.literal(false), RateLimitOptionsSchema]).default({
    perTenSeconds: 190,
    searchPerSecond: 5,
    daily: 1_000_000,
    intervalMs: 10_000,
  }),
  faults: FaultPlanSchema.optional(),
  /** Seeds an empty portal (ignored when dataDir already holds records). */
  seed: SeedOptionsSchema.optional(),
  /** Delay added to every answer, in milliseconds. */
  latencyMs: z.number().int().min(0).default(0),
  portalId: z.number().int().positive().default(DEMO_PORTAL_ID),
});
export type SandboxOptions = z.input<typeof SandboxOptionsSchema>;

export const StoredAssociationTypeSchema = z.object({
  typeId: z.number().int(),
  category: AssociationCategorySchema,
  fromObjectTypeId: z.string(),
  toObjectTypeId: z.string(),
  label: z.string().nullable(),
  inverseTypeId: z.number().int(),
  single: z.boolean(),
});
