import { Alert, Flex, Link, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { PendingVersion } from '@strategy-fit/core';

import type { PublishingState } from '../hooks/usePublishing.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/** Where the prepared version's record is in HubSpot (its own record page, HubSpot's UI). */
export const pendingUrl = (portalId: number, pending: PendingVersion): string =>
  `https://app.hubspot.com/contacts/${String(portalId)}/record/${pending.objectTypeId}/${pending.recordId}`;

/**
 * A prepared version waiting for a manager's approval in HubSpot (docs/security.md): the link to
 * its record, what to set there, and Publish now. HubSpot records who sets “Approval”, and only a
 * manager's approval publishes; the page cannot know who is looking, so it says who may.
 */
export const ApprovalNotice = ({
  publishing,
  portalId,
  managerNames,
  testId,
  onConfirm,
}: {
  publishing: PublishingState;
  portalId: number;
  managerNames: readonly string[];
  testId: string;
  onConfirm: () => void;
}) => {
  const waiting =
    publishing.status === 'answered' && publishing.outcome.outcome === 'awaiting_approval'
      ? publishing.outcome.pending
      : publishing.status === 'error'
        ? (publishing.pending?.pending ?? null)
        : null;
  const confirming = publishing.status === 'pending' && publishing.confirming;
  if (waiting === null && !confirming) return null;
  const who =
    managerNames.length === 0
      ? 'The first version is published by whoever approves it, and it must name them as a manager.'
      : `Only a manager of the published version (${managerNames.join(', ')}) can approve it.`;
  return (
    <Flex direction="column" gap="xs" testId={testId}>
      {waiting !== null && (
        <Alert
          title={`Version ${waiting.targetVersion} is ready: approve it in HubSpot`}
          variant="info"
          testId={`${testId}.approve`}
        >
          <Flex direction="column" gap="xs">
            <Text>
              Open the prepared version in HubSpot and set “Approval” to “Approve: publish it” (or,
              if it does not name you as a manager, to “Approve: publish it, I am not one of its
              managers”). HubSpot records who approves; if the field already shows that value, set
              it again. Then publish it here.
            </Text>
            <Text variant="microcopy">{who}</Text>
            <Link href={pendingUrl(portalId, waiting)} testId={`${testId}.link`}>
              Open the prepared version in HubSpot
            </Link>
          </Flex>
        </Alert>
      )}
      {publishing.status === 'error' && (
        <ErrorNotice error={publishing.error} testId={`${testId}.error`} />
      )}
      <LoadingButton
        variant="primary"
        loading={confirming}
        disabled={confirming}
        onClick={onConfirm}
        testId={`${testId}.confirm`}
      >
        Publish now
      </LoadingButton>
    </Flex>
  );
};
