import {
  Alert,
  Button,
  Flex,
  LoadingButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import type { VersionSummary } from '@strategy-fit/core';
import { useState } from 'react';

import type { PublishingState } from '../hooks/usePublishing.ts';
import { describeVersion, historyRows } from '../view-model/history-view.ts';
import { ApprovalNotice } from './ApprovalNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';

type Props = {
  history: readonly VersionSummary[];
  historyTotal: number;
  canRollBack: boolean;
  publishing: PublishingState;
  onRollback: (version: number) => void;
  /** Publishes the prepared rollback once a manager approved it in HubSpot. */
  onConfirm: () => void;
  portalId: number;
  managerNames: readonly string[];
  onReload: () => void;
};

const RollbackResult = ({ publishing, onReload }: Pick<Props, 'publishing' | 'onReload'>) => {
  if (publishing.status === 'idle' || publishing.action.kind !== 'rollback') return null;
  if (publishing.status === 'error') {
    if (publishing.pending !== null) return null; // shown with its prepared version
    return <ErrorNotice error={publishing.error} testId="rollback-error" />;
  }
  if (publishing.status !== 'answered') return null;
  const outcome = publishing.outcome;
  switch (outcome.outcome) {
    case 'published':
    case 'awaiting_approval':
      return null;
    case 'invalid':
      return (
        <Alert
          title="Not rolled back: that version no longer fits this portal"
          variant="danger"
          testId="rollback-invalid"
        >
          {outcome.issues.map((i) => `${i.path}: ${i.message}`).join(' ')}
        </Alert>
      );
    case 'conflict':
      return (
        <Alert
          title="Not rolled back: someone published meanwhile"
          variant="warning"
          testId="rollback-conflict"
        >
          <Flex direction="column" gap="xs">
            <Text>{`Meanwhile ${describeVersion(outcome.current)}. Nothing was overwritten.`}</Text>
            <Button size="sm" onClick={onReload} testId="rollback-conflict.reload">
              Reload
            </Button>
          </Flex>
        </Alert>
      );
    default:
      return outcome satisfies never;
  }
};

/**
 * Every published version, newest first, with Roll back (after a confirmation): it prepares the
 * earlier strategy as a new version, which a manager approves in HubSpot.
 */
export const VersionHistory = (p: Props) => {
  const [confirming, setConfirming] = useState<number | null>(null);
  const rows = historyRows(p.history);
  const newest = rows[0]?.version ?? 0;
  const pendingVersion =
    p.publishing.status === 'pending' &&
    p.publishing.action.kind === 'rollback' &&
    !p.publishing.confirming
      ? p.publishing.action.version
      : null;
  if (rows.length === 0) {
    return <Text testId="history-empty">No version has been published yet.</Text>;
  }
  return (
    <Flex direction="column" gap="sm" testId="history">
      <Table bordered density="condensed" testId="history-table">
        <TableHead>
          <TableRow>
            <TableHeader>Version</TableHeader>
            <TableHeader>Strategy</TableHeader>
            <TableHeader>Who</TableHeader>
            <TableHeader>When</TableHeader>
            <TableHeader>How</TableHeader>
            <TableHeader> </TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.version} testId={`history-row-${row.version}`}>
              <TableCell>
                <Flex direction="row" gap="xs">
                  <Text>{`v${row.version}`}</Text>
                  {row.current && <Tag variant="success">Current</Tag>}
                </Flex>
              </TableCell>
              <TableCell>{row.name}</TableCell>
              <TableCell>{row.who}</TableCell>
              <TableCell>{row.when}</TableCell>
              <TableCell>{row.how}</TableCell>
              <TableCell>
                {p.canRollBack && !row.current && (
                  <LoadingButton
                    size="sm"
                    loading={pendingVersion === row.version}
                    disabled={pendingVersion !== null}
                    onClick={() => setConfirming(row.version)}
                    testId={`rollback-${row.version}`}
                  >
                    Roll back
                  </LoadingButton>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {p.historyTotal > rows.length && (
        <Text variant="microcopy">{`The ${rows.length} newest of ${p.historyTotal} versions.`}</Text>
      )}
      {confirming !== null && (
        <Alert
          title={`Roll back to version ${confirming}?`}
          variant="warning"
          testId="rollback-confirm"
        >
          <Flex direction="column" gap="xs">
            <Text>
              {`Version ${confirming}’s strategy is prepared as version ${newest + 1}; once a manager approves it in HubSpot, it is published. Version ${newest} and every other version stay in the history.`}
            </Text>
            <Flex direction="row" gap="sm">
              <Button
                variant="primary"
                size="sm"
                onClick={() => {
                  p.onRollback(confirming);
                  setConfirming(null);
                }}
                testId="rollback-confirm.yes"
              >
                {`Prepare version ${confirming} again`}
              </Button>
              <Button size="sm" onClick={() => setConfirming(null)} testId="rollback-confirm.no">
                Cancel
              </Button>
            </Flex>
          </Flex>
        </Alert>
      )}
      <RollbackResult publishing={p.publishing} onReload={p.onReload} />
      {p.publishing.status !== 'idle' && p.publishing.action.kind === 'rollback' && (
        <ApprovalNotice
          publishing={p.publishing}
          portalId={p.portalId}
          managerNames={p.managerNames}
          testId="rollback-approval"
          onConfirm={p.onConfirm}
        />
      )}
    </Flex>
  );
};
