// What HubSpot, not the app, vouches for: the property history of a record (the objects API's
// `propertiesWithHistory`). Each version says when a value was set, from which source and, for an
// edit a signed-in user made in HubSpot's own UI, by which user (docs/decisions/0004-verified-authority.md).
import { z } from 'zod';

/** One version of a property value, as the adapter reads it from HubSpot's `ValueWithTimestamp`. */
export const PropertyVersion = z.object({
  value: z.string(),
  atMs: z.number().describe('epoch ms of the version (HubSpot `timestamp`)'),
  sourceType: z.string().describe('HubSpot `sourceType`, e.g. CRM_UI or INTEGRATION'),
  sourceId: z.string().nullable(),
  userId: z.string().nullable().describe('HubSpot `updatedByUserId`: who made the change'),
});
export type PropertyVersion = z.output<typeof PropertyVersion>;

/**
 * The `sourceType` of a change a signed-in user made in HubSpot's own UI (a record page, or a
 * CRM data component such as `CrmPropertyList`). The one source that names a person HubSpot
 * signed in; an app's token cannot produce it.
 */
export const UI_EDIT_SOURCE_TYPES: readonly string[] = ['CRM_UI'];

/** The `sourceType` of a write with an app's access token (no user behind it). */
export const APP_WRITE_SOURCE_TYPE = 'INTEGRATION';

/** A change HubSpot attributes to a signed-in user in its UI. */
export type VerifiedEdit = {
  readonly userId: string;
  readonly value: string;
  readonly atMs: number;
};

/** The newest version (HubSpot lists them newest first; the order is not relied on). */
export const latestVersion = (versions: readonly PropertyVersion[]): PropertyVersion | null =>
  versions.reduce<PropertyVersion | null>(
    (newest, v) => (newest === null || v.atMs > newest.atMs ? v : newest),
    null,
  );

/**
 * The latest version of a property when it is an edit HubSpot attributes to a signed-in user in
 * its UI, made after `afterMs`; null otherwise (no edit, an app's or an integration's write, an
 * import, a workflow, or an older edit).
 */
export function verifiedEdit(
  versions: readonly PropertyVersion[],
  afterMs: number = Number.NEGATIVE_INFINITY,
): VerifiedEdit | null {
  const latest = latestVersion(versions);
  if (latest === null || latest.userId === null || latest.atMs <= afterMs) return null;
  if (!UI_EDIT_SOURCE_TYPES.includes(latest.sourceType)) return null;
  return { userId: latest.userId, value: latest.value, atMs: latest.atMs };
}

/** Whether the latest version of a property is a write with an app's token (not a person's). */
export const isAppWritten = (versions: readonly PropertyVersion[]): boolean => {
  const latest = latestVersion(versions);
  return latest !== null && latest.sourceType === APP_WRITE_SOURCE_TYPE && latest.userId === null;
};

/** "user 9100003 in HubSpot's UI at 2026-11-27T10:03:00.000Z" / "an import at …": who set it. */
export const describeVersion = (v: PropertyVersion): string => {
  const at = new Date(v.atMs).toISOString();
  if (UI_EDIT_SOURCE_TYPES.includes(v.sourceType) && v.userId !== null) {
    return `user ${v.userId} in HubSpot's UI at ${at}`;
  }
  return `${v.sourceType}${v.userId === null ? '' : ` (user ${v.userId})`} at ${at}`;
};
