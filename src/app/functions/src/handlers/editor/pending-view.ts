// A version prepared on the settings page, as the page shows it: the pending version it confirms
// (the same shape `strategy_publish` answers), with what the page says about it after a reload.
// Names only: who approved is HubSpot's recorded user, by name (issue 10).
import { approvalOf, diffStrategies, parseStrategy } from '@strategy-fit/core';
import type { LoadedPendingVersion, PendingVersion, Strategy } from '@strategy-fit/core';
import { APPROVAL_PROPERTY } from '@strategy-fit/hubspot';
import type { Owner, PendingRecord } from '@strategy-fit/hubspot';

import { ownerName } from './manager-refs.ts';

/** The pending version as `strategy_publish` and `strategy_rollback` answer it. */
export const pendingVersionOf = (
  store: { readonly objectTypeId: string },
  recordId: string,
  meta: { basedOnVersion: number | null; source: 'publish' | 'rollback' },
): PendingVersion => ({
  recordId,
  objectTypeId: store.objectTypeId,
  targetVersion: (meta.basedOnVersion ?? 0) + 1,
  basedOnVersion: meta.basedOnVersion,
  source: meta.source,
  approvalProperty: APPROVAL_PROPERTY,
});

const numberOf = (text: string | null | undefined): number | null =>
  text === null || text === undefined || text.trim() === '' ? null : Number(text);

const instantOf = (text: string | null | undefined): string | null => {
  const trimmed = text?.trim() ?? '';
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

/**
 * An open pending version for the page; null when its strategy does not parse any more (the
 * confirmation would refuse it). `published` is the current version's strategy (null: none).
 */
export function loadedPendingOf(
  record: PendingRecord,
  published: Strategy | null,
  owners: readonly Owner[],
): LoadedPendingVersion | null {
  const p = record.properties;
  const strategy = parseStrategy(p['strategy_json'] ?? '');
  if (!strategy.ok) return null;
  const made = Object.fromEntries(
    Object.entries(record.history).filter(([name]) => name !== APPROVAL_PROPERTY),
  );
  const approval = approvalOf(made, record.history[APPROVAL_PROPERTY] ?? []);
  const approver = approval === null ? undefined : owners.find((o) => o.userId === approval.userId);
  const preparedAt =
    instantOf(p['published_at']) ?? new Date(-Number(p['version'] ?? 0)).toISOString();
  return {
    pending: pendingVersionOf(record.store, record.recordId, {
      basedOnVersion: numberOf(p['based_on_version']),
      source: p['source'] === 'rollback' ? 'rollback' : 'publish',
    }),
    strategyName: p['strategy_name'] ?? strategy.value.name,
    preparedAt,
    rolledBackFrom: numberOf(p['rolled_back_from']),
    changeCount: published === null ? null : diffStrategies(published, strategy.value).length,
    approval:
      approval === null
        ? { set: false, byName: null }
        : {
            set: true,
            byName: approver === undefined ? 'a HubSpot user' : ownerName(approver),
          },
  };
}
