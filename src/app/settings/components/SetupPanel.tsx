import {
  Alert,
  Button,
  Flex,
  Heading,
  List,
  LoadingButton,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { SetupStatus } from '@strategy-fit/core';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { useSetup } from '../hooks/useSetup.ts';
import {
  missingCount,
  setupPlan,
  setupProgressText,
  setupSummary,
  setupTotalText,
} from '../view-model/setup-view.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

const SetupResult = ({ reports }: { reports: Parameters<typeof setupSummary>[0] }) => {
  const lines = setupSummary(reports);
  return (
    <Flex direction="column" gap="xs" testId="setup-result">
      <Table bordered={false} testId="setup-result.table">
        <TableHead>
          <TableRow>
            <TableHeader>Step</TableHeader>
            <TableHeader>Created</TableHeader>
            <TableHeader>Completed</TableHeader>
            <TableHeader>Already there</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.step}>
              <TableCell>{l.label}</TableCell>
              <TableCell>{String(l.created)}</TableCell>
              <TableCell>{String(l.updated)}</TableCell>
              <TableCell>{String(l.found)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text variant="microcopy" testId="setup-result.total">
        {setupTotalText(lines)}
      </Text>
    </Flex>
  );
};

/**
 * “Set up Strategy Fit” (docs/install.md): what setup creates on this portal, the button, the
 * progress of its steps (each call of `strategy_fit_setup` fits HubSpot's function time limit;
 * the page calls until setup is complete) and what it created or found. `upgrade`: the portal was
 * set up by an earlier version of the app and lacks what a newer one added.
 */
export const SetupPanel = ({
  status,
  run,
  upgrade,
  onDone,
}: {
  status: SetupStatus;
  run: FunctionRunner;
  upgrade: boolean;
  onDone: () => void;
}) => {
  const setup = useSetup(run);
  const state = setup.state;
  return (
    <Flex direction="column" gap="sm" testId="setup">
      <Heading>{upgrade ? 'Complete the setup' : 'Set up Strategy Fit'}</Heading>
      <Text testId="setup-intro">
        {upgrade
          ? `This version of Strategy Fit needs ${missingCount(status) === 1 ? 'one more thing' : `${missingCount(status)} more things`} on this portal. Until setup is complete, cards cannot write what is missing.`
          : 'Strategy Fit keeps its scores in properties of companies and deals (the group “Strategy Fit”), its strategy versions in a custom object, and the audit trail of exceptions in another. Setup creates them once for this portal.'}
      </Text>
      <List variant="unordered-styled" testId="setup-plan">
        {setupPlan(status).map((line) => (
          <Text key={line.step}>
            <Text inline format={{ fontWeight: 'demibold' }}>
              {line.label}
            </Text>
            {`: ${line.text}`}
          </Text>
        ))}
      </List>
      <Text variant="microcopy">
        Setup changes no value of any record and no strategy; it never renames, moves or removes
        anything. Running it again changes nothing. Anyone who can open this page may run it.
      </Text>
      {state.status === 'idle' && (
        <LoadingButton variant="primary" onClick={() => setup.start()} testId="setup-start">
          {upgrade ? 'Complete the setup' : 'Set up Strategy Fit'}
        </LoadingButton>
      )}
      {state.status === 'running' && (
        <ProgressBar
          title="Setting up (each step in calls that fit HubSpot’s time limit)"
          value={state.stepsDone}
          maxValue={state.stepsTotal}
          valueDescription={setupProgressText(state.step, state.stepsDone, state.stepsTotal)}
          testId="setup-progress"
        />
      )}
      {state.status === 'error' && (
        <Flex direction="column" gap="xs">
          <ErrorNotice error={state.error} testId="setup-error" />
          {state.reports.length > 0 && <SetupResult reports={state.reports} />}
          <Button onClick={() => setup.start(state.from)} testId="setup-retry">
            Retry (continues where it stopped)
          </Button>
        </Flex>
      )}
      {state.status === 'done' && (
        <Flex direction="column" gap="sm">
          <Alert title="Strategy Fit is set up" variant="success" testId="setup-done">
            {upgrade
              ? 'Everything this version needs is there.'
              : 'Next: your first strategy. Start from an example, make it yours, and publish version 1.'}
          </Alert>
          <SetupResult reports={state.reports} />
          <Button variant="primary" onClick={onDone} testId="setup-continue">
            {upgrade ? 'Reload the editor' : 'Continue to the first strategy'}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};
