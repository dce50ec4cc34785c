// A version prepared earlier and waiting for approval, in one line for the settings page.
import type { LoadedPendingVersion } from '@strategy-fit/core';
import { plural } from '@strategy-fit/core';

import { formatInstant } from './format.ts';

/**
 * "Version 2 (B2B SaaS): prepared on 2026-12-07 10:03 UTC, 3 changes against version 1.
 * Approval: set by Maya Okafor." Who prepared it is not known: the function has no verified user
 * (docs/decisions/0004), so the line says when, not who.
 */
export const pendingLine = (loaded: LoadedPendingVersion): string => {
  const { pending } = loaded;
  const what =
    pending.source === 'rollback'
      ? `a rollback to version ${loaded.rolledBackFrom ?? '?'}`
      : pending.basedOnVersion === null
        ? 'the first version'
        : loaded.changeCount === null
          ? `on top of version ${pending.basedOnVersion}`
          : `${plural(loaded.changeCount, 'change')} against version ${pending.basedOnVersion}`;
  const approval = loaded.approval.set
    ? `set by ${loaded.approval.byName ?? 'a HubSpot user'} (publishing checks it is a manager)`
    : 'not yet approved';
  return `Version ${pending.targetVersion} (${loaded.strategyName}): prepared on ${formatInstant(loaded.preparedAt)} on this page, ${what}. Approval: ${approval}.`;
};
