// HubSpot's answer to a read with `propertiesWithHistory` (the objects API's `ValueWithTimestamp`
// per version), reduced to the core's `PropertyVersion`: what HubSpot vouches for about who set
// each value (docs/decisions/0004-verified-authority.md).
import type { PropertyVersion } from '@strategy-fit/core';
import { z } from 'zod';

const Version = z
  .looseObject({
    value: z.string().nullable().optional(),
    timestamp: z.union([z.date(), z.string()]),
    sourceType: z.string(),
    sourceId: z.string().nullable().optional(),
    updatedByUserId: z.union([z.number(), z.string()]).nullable().optional(),
  })
  .transform((v): PropertyVersion => ({
    value: v.value ?? '',
    atMs: typeof v.timestamp === 'string' ? Date.parse(v.timestamp) : v.timestamp.getTime(),
    sourceType: v.sourceType,
    sourceId: v.sourceId ?? null,
    userId:
      v.updatedByUserId === null || v.updatedByUserId === undefined
        ? null
        : String(v.updatedByUserId),
  }));

/** A record with its properties and the history of the properties asked for. */
export const HsObjectWithHistory = z
  .looseObject({
    id: z.union([z.string(), z.number()]).transform((v) => String(v)),
    properties: z.record(z.string(), z.string().nullable().optional()),
    propertiesWithHistory: z.record(z.string(), z.array(Version)).optional(),
  })
  .transform((o) => ({
    id: o.id,
    properties: Object.fromEntries(
      Object.entries(o.properties).map(([name, value]) => [name, value ?? null]),
    ) as Record<string, string | null>,
    history: o.propertiesWithHistory ?? {},
  }));
export type RecordWithHistory = z.output<typeof HsObjectWithHistory>;

export const BatchWithHistoryAnswer = z.looseObject({
  results: z.array(HsObjectWithHistory),
  errors: z
    .array(
      z.looseObject({
        category: z.string().optional(),
        context: z.record(z.string(), z.array(z.string())).optional(),
      }),
    )
    .optional(),
});
