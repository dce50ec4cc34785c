import {
  Alert,
  Button,
  Flex,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  Text,
} from '@hubspot/ui-extensions';
import type { FocusGuardFigure, StrategyChange } from '@strategy-fit/core';

import type { PublishingState } from '../hooks/usePublishing.ts';
import type { SimulationState } from '../hooks/useSimulation.ts';
import { describeVersion } from '../view-model/history-view.ts';
import type { PublishGate } from '../view-model/publish-gate.ts';
import { pausesText, pauseText, progressView } from '../view-model/simulation-view.ts';
import { ApprovalNotice } from './ApprovalNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { FocusGuardView } from './FocusGuardView.tsx';
import { SimulationMatrixView } from './SimulationMatrixView.tsx';
import { SimulationMoversView } from './SimulationMoversView.tsx';

const MARK = { added: '+', removed: '−', changed: '~' } as const;

const ChangeLines = ({
  changes,
  depth = 0,
}: {
  changes: readonly StrategyChange[];
  depth?: number;
}) => (
  <>
    {changes.map((c, i) => (
      <Flex key={`${depth}-${i}`} direction="column" gap="flush">
        <Text variant={depth === 0 ? 'bodytext' : 'microcopy'}>
          {`${'  '.repeat(depth)}${MARK[c.kind]} ${c.where}: ${c.summary}`}
        </Text>
        {c.details !== undefined && <ChangeLines changes={c.details} depth={depth + 1} />}
      </Flex>
    ))}
  </>
);

type Props = {
  draftJson: string;
  /** What the draft changes against the published version; null while the draft is invalid. */
  changes: readonly StrategyChange[] | null;
  currentVersion: number | null;
  changed: boolean;
  simulateGate: PublishGate;
  publishGate: PublishGate;
  simulation: SimulationState;
  publishing: PublishingState;
  onSimulate: () => void;
  onPublish: () => void;
  /** Publishes the prepared version once a manager approved it in HubSpot. */
  onConfirm: () => void;
  portalId: number;
  /** The published version's managers by name: who may approve. */
  managerNames: readonly string[];
  onDiscard: () => void;
  onCopyJson: () => void;
  onReload: () => void;
  /** The focus guard of the simulation of this exact draft (SCORING §13); null without one. */
  focus: FocusGuardFigure | null;
  /** The manager acknowledged its warnings for this exact draft. */
  acknowledged: boolean;
  onAcknowledge: (checked: boolean) => void;
};

const SimulationStatus = ({
  simulation,
  draftJson,
  onSimulate,
}: {
  simulation: SimulationState;
  draftJson: string;
  onSimulate: () => void;
}) => {
  if (simulation.status === 'idle') return null;
  if (simulation.draftJson !== draftJson) {
    return (
      <Text variant="microcopy" testId="simulation-stale">
        The strategy changed since the last simulation: simulate again before publishing.
      </Text>
    );
  }
  switch (simulation.status) {
    case 'checking':
      return (
        <LoadingSpinner
          label="Checking the strategy against this portal’s properties…"
          showLabel
          testId="simulation-checking"
        />
      );
    case 'running': {
      const p = progressView(simulation.companiesDone, simulation.totalCompanies);
      return (
        <Flex direction="column" gap="xs">
          <ProgressBar
            title="Simulating over the portfolio (nothing is written)"
            value={p.value}
            maxValue={p.maxValue}
            valueDescription={p.text}
            showPercentage={simulation.totalCompanies !== null}
            testId="simulation-progress"
          />
          {simulation.paused !== null && (
            <Text variant="microcopy" testId="simulation-paused">
              {pauseText(simulation.paused.waitMs)}
            </Text>
          )}
        </Flex>
      );
    }
    case 'blocked':
      return (
        <Alert
          title="Not simulated: this portal cannot serve the strategy"
          variant="warning"
          testId="simulation-blocked"
        >
          {`${simulation.issues.length === 1 ? '1 problem is' : `${simulation.issues.length} problems are`} marked in the strategy above.`}
        </Alert>
      );
    case 'error':
      return (
        <ErrorNotice error={simulation.error} onRetry={onSimulate} testId="simulation-error" />
      );
    case 'done':
      return (
        <Flex direction="column" gap="xs">
          <Text testId="simulation-summary">
            {simulation.publishedVersion === null
              ? `Simulated ${simulation.companiesDone} companies: nothing is published yet, so every company is scored for the first time. Nothing was written.`
              : `Simulated ${simulation.companiesDone} companies against version ${simulation.publishedVersion}. Nothing was written.`}
          </Text>
          {pausesText(simulation.pauses) !== null && (
            <Text variant="microcopy" testId="simulation-pauses">
              {pausesText(simulation.pauses)}
            </Text>
          )}
          <SimulationMatrixView matrix={simulation.matrix} />
          <SimulationMoversView movers={simulation.movers} matrix={simulation.matrix} />
        </Flex>
      );
    default:
      return simulation satisfies never;
  }
};

const PublishResult = ({
  publishing,
  onReload,
}: {
  publishing: PublishingState;
  onReload: () => void;
}) => {
  if (publishing.status === 'error' && publishing.action.kind === 'publish') {
    // A failed confirmation shows with its prepared version (ApprovalNotice).
    if (publishing.pending !== null) return null;
    return <ErrorNotice error={publishing.error} testId="publish-error" />;
  }
  if (publishing.status !== 'answered' || publishing.action.kind !== 'publish') return null;
  const outcome = publishing.outcome;
  switch (outcome.outcome) {
    case 'published':
    case 'awaiting_approval':
      return null;
    case 'invalid':
      return (
        <Alert
          title="Not published: the strategy has problems"
          variant="danger"
          testId="publish-invalid"
        >
          {`${outcome.issues.length === 1 ? '1 problem is' : `${outcome.issues.length} problems are`} marked in the strategy above. The published version is unchanged.`}
        </Alert>
      );
    case 'conflict':
      return (
        <Alert
          title="Not published: someone published meanwhile"
          variant="warning"
          testId="publish-conflict"
        >
          <Flex direction="column" gap="xs">
            <Text>
              {`You edited version ${outcome.basedOnVersion ?? '(none: nothing was published)'}, but ${describeVersion(outcome.current)}. Nothing was overwritten, and your edits are still here.`}
            </Text>
            <Text variant="microcopy">
              Reload to see the new version (your edits are lost); copy the JSON first to keep them.
            </Text>
            <Button size="sm" onClick={onReload} testId="publish-conflict.reload">
              {`Reload version ${outcome.current.version}`}
            </Button>
          </Flex>
        </Alert>
      );
    default:
      return outcome satisfies never;
  }
};

/** Review the change, simulate it, then publish it as a new version or discard it. */
export const PublishPanel = (p: Props) => {
  const running = p.simulation.status === 'checking' || p.simulation.status === 'running';
  const publishing =
    p.publishing.status === 'pending' &&
    p.publishing.action.kind === 'publish' &&
    !p.publishing.confirming;
  return (
    <Flex direction="column" gap="sm" testId="publish-panel">
      <Text format={{ fontWeight: 'demibold' }}>What changes</Text>
      {p.currentVersion === null ? (
        <Text testId="changes">The first version of the strategy.</Text>
      ) : p.changes === null ? (
        <Text testId="changes">Fix the problems marked above to see what changes.</Text>
      ) : p.changes.length === 0 ? (
        <Text testId="changes">{`Nothing yet: this is version ${p.currentVersion}.`}</Text>
      ) : (
        <Flex direction="column" gap="flush" testId="changes">
          <ChangeLines changes={p.changes} />
        </Flex>
      )}
      <Flex direction="row" gap="sm" wrap>
        <LoadingButton
          onClick={p.onSimulate}
          loading={running}
          disabled={!p.simulateGate.enabled || running || publishing}
          testId="simulate"
        >
          Simulate
        </LoadingButton>
        <LoadingButton
          variant="primary"
          onClick={p.onPublish}
          loading={publishing}
          disabled={!p.publishGate.enabled || publishing}
          testId="publish"
        >
          {`Prepare version ${(p.currentVersion ?? 0) + 1} for approval`}
        </LoadingButton>
        <Button onClick={p.onDiscard} disabled={!p.changed || publishing} testId="discard">
          Discard changes
        </Button>
        <Button variant="transparent" onClick={p.onCopyJson} testId="copy-json">
          Copy JSON
        </Button>
      </Flex>
      {!p.publishGate.enabled && (
        <Text variant="microcopy" testId="publish-reason">
          {p.publishGate.reason}
        </Text>
      )}
      <SimulationStatus
        simulation={p.simulation}
        draftJson={p.draftJson}
        onSimulate={p.onSimulate}
      />
      {p.focus !== null && (
        <FocusGuardView
          focus={p.focus}
          acknowledged={p.acknowledged}
          onAcknowledge={p.onAcknowledge}
        />
      )}
      <PublishResult publishing={p.publishing} onReload={p.onReload} />
      {p.publishing.status !== 'idle' && p.publishing.action.kind === 'publish' && (
        <ApprovalNotice
          publishing={p.publishing}
          portalId={p.portalId}
          managerNames={p.managerNames}
          testId="publish-approval"
          onConfirm={p.onConfirm}
        />
      )}
    </Flex>
  );
};
