import { Alert, Button, Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { LoadedPendingVersion, PublishOutcome } from '@strategy-fit/core';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { usePublishing } from '../hooks/usePublishing.ts';
import type { PublishingState } from '../hooks/usePublishing.ts';
import { pendingLine } from '../view-model/pending-view.ts';
import { ApprovalNotice } from './ApprovalNotice.tsx';

/**
 * The state of one listed version for its ApprovalNotice: the confirmation under way or answered
 * for it, else waiting for approval as `strategy_publish` answered it.
 */
const stateOf = (publishing: PublishingState, loaded: LoadedPendingVersion): PublishingState =>
  publishing.status !== 'idle' &&
  publishing.action.kind === 'confirm' &&
  publishing.action.recordId === loaded.pending.recordId
    ? publishing
    : {
        status: 'answered',
        action: { kind: 'confirm', recordId: loaded.pending.recordId },
        outcome: { outcome: 'awaiting_approval', pending: loaded.pending },
      };

/**
 * The versions prepared earlier that wait for a manager's approval in HubSpot, as the load lists
 * them (so a reload, another tab or another manager finds them): each with the link to its record
 * and Publish now, the same notice and confirmation as right after preparing one.
 */
export const PendingApprovals = ({
  pending,
  run,
  portalId,
  managerNames,
  onPublished,
  onReload,
}: {
  pending: readonly LoadedPendingVersion[];
  run: FunctionRunner;
  portalId: number;
  managerNames: readonly string[];
  onPublished: (outcome: PublishOutcome) => void;
  onReload: () => void;
}) => {
  const publishing = usePublishing(run, onPublished);
  if (pending.length === 0) return null;
  const refused =
    publishing.state.status === 'answered' &&
    publishing.state.action.kind === 'confirm' &&
    (publishing.state.outcome.outcome === 'conflict' ||
      publishing.state.outcome.outcome === 'invalid')
      ? publishing.state.outcome
      : null;
  return (
    <Flex direction="column" gap="sm" testId="pending-versions">
      <Heading>Awaiting approval</Heading>
      {refused !== null && (
        <Alert title="Not published" variant="warning" testId="pending-versions.refused">
          <Flex direction="column" gap="xs">
            <Text>
              {refused.outcome === 'conflict'
                ? `Version ${refused.current.version} was published meanwhile: this prepared version can no longer be published. Reload to see the current version.`
                : 'The prepared version has problems on this portal now. Reload, then prepare it again.'}
            </Text>
            <Button size="sm" onClick={onReload} testId="pending-versions.reload">
              Reload
            </Button>
          </Flex>
        </Alert>
      )}
      {pending.map((loaded, i) => (
        <Flex key={loaded.pending.recordId} direction="column" gap="xs">
          <Text testId={`pending-${i}.summary`}>{pendingLine(loaded)}</Text>
          <ApprovalNotice
            publishing={stateOf(publishing.state, loaded)}
            portalId={portalId}
            managerNames={managerNames}
            testId={`pending-${i}`}
            onConfirm={() => publishing.confirm(loaded.pending)}
          />
        </Flex>
      ))}
    </Flex>
  );
};
