// Property history as HubSpot keeps it (`propertiesWithHistory` on the objects API): every value a
// property took, newest first, with when and from which source it came. The source of a write is
// decided by who wrote it: a request with the app's token is an integration; an edit made in
// HubSpot's own UI by a signed-in user (only the test harness can make one, through
// `SandboxControl.editAsUser`) is `CRM_UI` with that user's id. History is kept in memory.

/** Where a write came from, as HubSpot records it on each version. */
export type WriteSource = {
  readonly sourceType: string;
  readonly sourceId?: string;
  readonly sourceLabel?: string;
  readonly updatedByUserId?: number;
};

/** One version of a property value (HubSpot's `ValueWithTimestamp`). */
export type PropertyVersion = WriteSource & { readonly value: string; readonly timestamp: number };

/** What a value written before history was kept (the seed) is reported as. */
const SEEDED: WriteSource = { sourceType: 'IMPORT', sourceLabel: 'Sandbox seed' };

/** A user's edit in HubSpot's record page, as HubSpot records it (sourceType `CRM_UI`). */
export const uiEditSource = (userId: number): WriteSource => ({
  sourceType: 'CRM_UI',
  sourceId: `userId:${userId}`,
  updatedByUserId: userId,
});

/** A write with the app's access token (sourceType `INTEGRATION`, the app's id as source). */
export const appWriteSource = (appId: number): WriteSource => ({
  sourceType: 'INTEGRATION',
  sourceId: String(appId),
  sourceLabel: 'Strategy Fit',
});

export class PropertyHistory {
  private readonly versions = new Map<string, PropertyVersion[]>();
  private lastTimestamp = 0;

  private static key(objectTypeId: string, id: number, name: string): string {
    return `${objectTypeId}:${id}:${name}`;
  }

  /**
   * Records the values a write changed (`previous` holds each one's value before, for a value
   * that predates history); versions of one store are strictly ordered in time.
   */
  record(
    record: { objectTypeId: string; id: number; createdAtMs: number },
    changes: ReadonlyMap<string, { before: string | null; after: string | null }>,
    source: WriteSource,
    nowMs: number,
  ): void {
    const timestamp = Math.max(nowMs, this.lastTimestamp + 1);
    this.lastTimestamp = timestamp;
    for (const [name, { before, after }] of changes) {
      if ((before ?? '') === (after ?? '')) continue;
      const key = PropertyHistory.key(record.objectTypeId, record.id, name);
      const list =
        this.versions.get(key) ??
        this.of(record.objectTypeId, record.id, name, before, record.createdAtMs);
      list.unshift({ ...source, value: after ?? '', timestamp });
      this.versions.set(key, list);
    }
  }

  /** The versions of a property, newest first; a value from before history began is one version. */
  of(
    objectTypeId: string,
    id: number,
    name: string,
    current: string | null,
    createdAtMs: number,
  ): PropertyVersion[] {
    const recorded = this.versions.get(PropertyHistory.key(objectTypeId, id, name));
    if (recorded !== undefined && recorded.length > 0) return recorded;
    return current === null ? [] : [{ ...SEEDED, value: current, timestamp: createdAtMs }];
  }
}
