// The strategy store: a CRM custom object, one record per published strategy version
// (HUBSPOT.md §4; docs/strategy-store.md). Records are written once and never changed.
import { StrategySchema } from '@strategy-fit/core';
import { z } from 'zod';

import type { CustomObjectDefinition } from '../custom-object.ts';
import type { PropertySpec } from '../ensure-properties.ts';

export const STORE_OBJECT = {
  name: 'strategy_fit_strategy',
  labels: { singular: 'Strategy Fit strategy', plural: 'Strategy Fit strategies' },
  description:
    'Published versions of the Strategy Fit strategy, one record per version. Written by the app; do not edit.',
  primaryDisplayProperty: 'strategy_name',
  secondaryDisplayProperties: ['version', 'status'],
  searchableProperties: ['strategy_name'],
  requiredProperties: ['version', 'status', 'strategy_json'],
  /** HubSpot's default property group of a custom object: `<name>_information`. */
  groupName: 'strategy_fit_strategy_information',
} as const;

/** `status` of a published version (it never changes afterwards). */
export const PUBLISHED = 'published';
/** `status` of a version prepared on the settings page, waiting for a manager's approval. */
export const PENDING = 'pending';
/** `status` of a pending version once it was published (or given up): it can never count again. */
export const CONSUMED = 'consumed';

/** What a manager sets on a pending version in HubSpot's UI to publish it (HubSpot records who). */
export const APPROVAL_PROPERTY = 'approval';
export const APPROVALS = {
  approve: 'approve',
  /** Publish, although the version does not name the approver as a manager (SCORING §14). */
  approveNotManager: 'approve_not_manager',
} as const;

const group = STORE_OBJECT.groupName;

/** The properties of a stored version. */
export const STORE_PROPERTIES: readonly PropertySpec[] = [
  {
    name: 'version',
    label: 'Version',
    description: 'Version number; the highest published version is the current strategy.',
    groupName: group,
    type: 'number',
    fieldType: 'number',
    hasUniqueValue: true,
  },
  {
    name: 'status',
    label: 'Status',
    description:
      'What this record is: a published version (set once, never changed), or a version prepared on the settings page that waits for a manager’s approval (pending), or one that was (consumed).',
    groupName: group,
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Published', value: PUBLISHED, displayOrder: 0 },
      { label: 'Waiting for approval', value: PENDING, displayOrder: 1 },
      { label: 'Approval used', value: CONSUMED, displayOrder: 2 },
    ],
  },
  {
    name: APPROVAL_PROPERTY,
    label: 'Approval',
    description:
      'A strategy manager approves a pending version here; HubSpot records who. “Approve, I am not one of its managers” is needed when the version does not name the approver.',
    groupName: group,
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Approve: publish it', value: APPROVALS.approve, displayOrder: 0 },
      {
        label: 'Approve: publish it, I am not one of its managers',
        value: APPROVALS.approveNotManager,
        displayOrder: 1,
      },
    ],
  },
  {
    name: 'based_on_version',
    label: 'Based on version',
    description:
      'A pending version: the version it was edited from (it publishes only on top of it).',
    groupName: group,
    type: 'number',
    fieldType: 'number',
  },
  {
    name: 'published_version',
    label: 'Published as version',
    description: 'A consumed pending version: the version it became.',
    groupName: group,
    type: 'number',
    fieldType: 'number',
  },
  {
    name: 'strategy_json',
    label: 'Strategy JSON',
    description: 'The strategy as compact JSON (at most 65,536 characters).',
    groupName: group,
    type: 'string',
    fieldType: 'textarea',
  },
  {
    name: 'strategy_name',
    label: 'Strategy name',
    description: 'The name of the strategy.',
    groupName: group,
    type: 'string',
    fieldType: 'text',
  },
  {
    name: 'published_by',
    label: 'Published by',
    description: 'Who published this version.',
    groupName: group,
    type: 'string',
    fieldType: 'text',
  },
  {
    name: 'published_at',
    label: 'Published at',
    description: 'When this version was published.',
    groupName: group,
    type: 'datetime',
    fieldType: 'date',
  },
  {
    name: 'source',
    label: 'Source',
    description: 'publish: a new strategy; rollback: an earlier version published again.',
    groupName: group,
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Publish', value: 'publish', displayOrder: 0 },
      { label: 'Rollback', value: 'rollback', displayOrder: 1 },
    ],
  },
  {
    name: 'rolled_back_from',
    label: 'Rolled back from',
    description: 'For a rollback: the version whose strategy was published again.',
    groupName: group,
    type: 'number',
    fieldType: 'number',
  },
];

/** The strategy store's custom object, for `ensureCustomObject`. */
export const STORE_DEFINITION: CustomObjectDefinition = {
  ...STORE_OBJECT,
  properties: STORE_PROPERTIES,
  uniqueProperty: 'version',
};

export const SUMMARY_PROPERTIES = STORE_PROPERTIES.map((p) => p.name).filter(
  (name) => name !== 'strategy_json',
);
export const ALL_PROPERTIES = STORE_PROPERTIES.map((p) => p.name);

export const Source = z.enum(['publish', 'rollback']);
export type Source = z.output<typeof Source>;

/** Derived on read: the highest published version is `current`, every other one `superseded`. */
export const VersionStatus = z.enum(['current', 'superseded']);
export type VersionStatus = z.output<typeof VersionStatus>;

/** A stored version without its strategy (what the history lists). */
export const StoredStrategySummary = z.object({
  version: z.number().int().min(1),
  status: VersionStatus,
  strategyName: z.string(),
  publishedBy: z.string(),
  publishedAt: z.string().describe('ISO instant'),
  source: Source,
  rolledBackFrom: z.number().int().nullable(),
  recordId: z.string(),
});
export type StoredStrategySummary = z.output<typeof StoredStrategySummary>;

/** A stored version with its strategy. */
export const StoredStrategy = StoredStrategySummary.extend({ strategy: StrategySchema });
export type StoredStrategy = z.output<typeof StoredStrategy>;

const WholeNumber = z
  .string()
  .trim()
  .regex(/^\d+(\.0+)?$/)
  .transform((v) => Math.round(Number(v)));

const InstantText = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: `“${v}” is not an instant` });
      return z.NEVER;
    }
    return new Date(ms).toISOString();
  });

/** The property bag of a stored version, as HubSpot returns it (strings or null). */
export const StoredProperties = z.looseObject({
  version: WholeNumber,
  status: z.string().nullable().optional(),
  strategy_json: z.string().nullable().optional(),
  strategy_name: z.string().nullable().optional(),
  published_by: z.string().nullable().optional(),
  published_at: InstantText.nullable().optional(),
  source: Source.nullable().optional(),
  rolled_back_from: WholeNumber.nullable().optional(),
});
export type StoredProperties = z.output<typeof StoredProperties>;

/** The summary of a stored record; `status` is filled in once the highest version is known. */
export const toSummary = (
  recordId: string,
  p: StoredProperties,
  current: number,
): StoredStrategySummary => ({
  version: p.version,
  status: p.version === current ? 'current' : 'superseded',
  strategyName: p.strategy_name ?? '',
  publishedBy: p.published_by ?? '',
  publishedAt: p.published_at ?? '',
  source: p.source ?? 'publish',
  rolledBackFrom: p.rolled_back_from ?? null,
  recordId,
});
