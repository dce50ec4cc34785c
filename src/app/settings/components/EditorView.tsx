import { Alert, Button, Divider, Flex, Heading, StepIndicator, Text } from '@hubspot/ui-extensions';
import { diffStrategies, simulationFocusGuard } from '@strategy-fit/core';
import type { EditorIssue, PublishOutcome, StrategyEditorLoadValue } from '@strategy-fit/core';
import type { ReactNode } from 'react';
import { useCallback, useMemo, useReducer, useState } from 'react';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { usePublishing } from '../hooks/usePublishing.ts';
import { PortalFiguresContext } from '../hooks/portal-figures-context.ts';
import { useSimulation } from '../hooks/useSimulation.ts';
import type { Draft } from '../view-model/draft.ts';
import { draftFromStrategy, draftReducer, starterDraft } from '../view-model/draft.ts';
import { FIRST_VERSION_STEPS, firstVersionStep } from '../view-model/first-version.ts';
import { formatInstant } from '../view-model/format.ts';
import { checkDraft, indexIssues } from '../view-model/issues.ts';
import { portalFiguresView } from '../view-model/portal-figures-view.ts';
import { publishGate, simulateGate } from '../view-model/publish-gate.ts';
import { CompetitorsEditor } from './CompetitorsEditor.tsx';
import { DreamCustomerEditor } from './DreamCustomerEditor.tsx';
import { ExclusionsEditor } from './ExclusionsEditor.tsx';
import { ExistingCustomersEditor } from './ExistingCustomersEditor.tsx';
import { NameEditor, RulesEditor } from './GeneralEditor.tsx';
import { IssueSummary } from './IssueSummary.tsx';
import { ManagersEditor } from './ManagersEditor.tsx';
import { PendingApprovals } from './PendingApprovals.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { SegmentsEditor } from './SegmentsEditor.tsx';
import { SetupPanel } from './SetupPanel.tsx';
import { VersionHistory } from './VersionHistory.tsx';

type Props = {
  loaded: StrategyEditorLoadValue;
  run: FunctionRunner;
  /** HubSpot's account id, for the link to a prepared version. */
  portalId: number;
  /** The last publish or rollback of this page, shown above the editor after the reload. */
  notice: PublishOutcome | null;
  onPublished: (outcome: PublishOutcome) => void;
  onReload: () => void;
  copyText: (text: string) => void;
  /** Where the first version started (a template's strategy); null: from scratch. */
  startDraft: Draft | null;
  /** Back to the templates (the first version only). */
  onStartOver: () => void;
  /** The viewer's email as HubSpot's page context gives it, for “Add me” as a manager. */
  viewerEmail: string | null;
};

const initialDraft = (loaded: StrategyEditorLoadValue, start: Draft | null): Draft =>
  loaded.current === null
    ? structuredClone(start ?? starterDraft())
    : draftFromStrategy(loaded.current.strategy);

/** The draft names someone who may approve: a manager kept, an email typed, or a team. */
const namesManager = (draft: Draft): boolean =>
  (draft.managers?.userIds ?? []).length + (draft.managers?.teamIds ?? []).length > 0;

const Section = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) => (
  <Flex direction="column" gap="sm" testId={testId}>
    <Divider />
    <Heading>{title}</Heading>
    {children}
  </Flex>
);

const StatusLine = ({ loaded }: { loaded: StrategyEditorLoadValue }) => {
  const current = loaded.current;
  if (current === null) {
    return <Text testId="status">No strategy is published yet.</Text>;
  }
  const s = current.summary;
  return (
    <Text testId="status">
      {`Published version ${s.version}: ${s.strategyName}, ${s.source === 'rollback' ? `rolled back to version ${s.rolledBackFrom ?? '?'}` : 'published'} by ${s.publishedByLabel} on ${formatInstant(s.publishedAt)}.`}
    </Text>
  );
};

/** The strategy editor once loaded: the draft, its issues, simulate and publish, the history. */
export const EditorView = (p: Props) => {
  const { loaded, run } = p;
  const [draft, dispatch] = useReducer(draftReducer, null, () =>
    initialDraft(loaded, p.startDraft),
  );
  const draftJson = JSON.stringify(draft);
  const checked = useMemo(() => checkDraft(draft), [draft]);
  const simulation = useSimulation(run);
  const publishing = usePublishing(run, p.onPublished);
  const current = loaded.current;
  // Anyone who opens the page may edit and prepare a version; a manager's approval in HubSpot
  // publishes it (docs/security.md). The page never knows who is looking.
  const readOnly = false;
  const managerNames = loaded.people.managers.map((m) => m.name);

  // The portal's issues of this exact draft: from the last check before a simulation or publish.
  const portalIssues: readonly EditorIssue[] = [
    ...(simulation.state.status === 'blocked' && simulation.state.draftJson === draftJson
      ? simulation.state.issues
      : []),
    ...(publishing.state.status === 'answered' &&
    publishing.state.action.kind === 'publish' &&
    publishing.state.action.draftJson === draftJson &&
    publishing.state.outcome.outcome === 'invalid'
      ? publishing.state.outcome.issues
      : []),
  ];
  const issues = indexIssues([...checked.issues, ...portalIssues]);
  const changed =
    current === null ||
    checked.strategy === null ||
    JSON.stringify(checked.strategy) !== JSON.stringify(current.strategy);
  const changes =
    current === null || checked.strategy === null
      ? null
      : diffStrategies(current.strategy, checked.strategy);
  const simulated = simulation.state.status === 'done' && simulation.state.draftJson === draftJson;
  // SCORING §13: the focus guard of the simulation of this exact draft, which the manager
  // acknowledges before the version is prepared (an edit needs a new simulation, and a new nod).
  const focus =
    simulation.state.status === 'done' && simulated && checked.strategy !== null
      ? simulationFocusGuard(checked.strategy, simulation.state.matrix)
      : null;
  const [acknowledgedFor, setAcknowledgedFor] = useState<string | null>(null);
  const acknowledged = acknowledgedFor === draftJson;
  const gateInput = {
    currentVersion: current?.summary.version ?? null,
    issues: issues.all,
    changed,
  };
  const discard = useCallback(() => {
    simulation.discard();
    publishing.clear();
    setAcknowledgedFor(null);
    dispatch({ type: 'reset', draft: initialDraft(loaded, p.startDraft) });
  }, [simulation, publishing, loaded, p.startDraft]);
  const prepared =
    publishing.state.status === 'answered' &&
    publishing.state.action.kind === 'publish' &&
    publishing.state.outcome.outcome === 'awaiting_approval';
  const first =
    current === null
      ? firstVersionStep({
          problems: issues.all.length,
          namesManager: namesManager(draft),
          simulated: simulated && ((focus?.warnings.length ?? 0) === 0 || acknowledged),
          prepared,
        })
      : null;

  const editors = { draft, issues, readOnly, dispatch, properties: loaded.properties };
  // What the portal holds, next to each criterion, from the simulation of this exact draft.
  const shown = simulation.state;
  const figures = useMemo(
    () =>
      shown.status === 'done' && shown.draftJson === draftJson
        ? portalFiguresView(shown.portal)
        : null,
    [shown, draftJson],
  );
  return (
    <PortalFiguresContext.Provider value={figures}>
      <Flex direction="column" gap="md" testId="strategy-editor">
        <Heading>Strategy</Heading>
        <StatusLine loaded={loaded} />
        {p.notice?.outcome === 'published' && (
          <Alert
            title={`Version ${p.notice.version.version} published`}
            variant="success"
            testId="publish-success"
          >
            {p.notice.version.source === 'rollback'
              ? `Version ${p.notice.version.rolledBackFrom ?? '?'} is the strategy again, as version ${p.notice.version.version}. Cards score with it from now on.`
              : 'Cards score with it from now on. Records keep their old scores until they are rescored (open a record, or rescore stale records on the review page).'}
          </Alert>
        )}
        <PendingApprovals
          pending={loaded.pending}
          run={run}
          portalId={p.portalId}
          managerNames={managerNames}
          onPublished={p.onPublished}
          onReload={p.onReload}
        />
        {current !== null && !loaded.setup.complete && (
          <Alert title="Setup is not complete" variant="warning" testId="setup-incomplete">
            <SetupPanel status={loaded.setup} run={run} upgrade onDone={p.onReload} />
          </Alert>
        )}
        <Alert
          title={current === null ? 'No strategy published yet' : 'Who publishes'}
          variant="info"
          testId="viewer-note"
        >
          {current === null
            ? 'Prepare the first version here. Whoever approves it in HubSpot publishes it, and it must name them as a manager.'
            : `Anyone who opens this page may prepare a version; it is published only when a manager of version ${current.summary.version} (${managerNames.join(', ') || 'none named'}) approves it in HubSpot.`}
        </Alert>
        {first !== null && (
          <Flex direction="column" gap="xs" testId="first-version">
            <StepIndicator
              stepNames={[...FIRST_VERSION_STEPS]}
              currentStep={first.current}
              testId="first-version.steps"
            />
            <Text testId="first-version.todo">{first.todo}</Text>
            {!prepared && (
              <Button size="sm" variant="transparent" onClick={p.onStartOver} testId="start-over">
                Start over from another example
              </Button>
            )}
          </Flex>
        )}
        <IssueSummary issues={issues.all} />
        <NameEditor {...editors} />
        <Section title="Segments" testId="section-segments">
          <SegmentsEditor {...editors} products={loaded.products} />
        </Section>
        <Section title="Customers we refuse" testId="section-exclusions">
          <ExclusionsEditor {...editors} />
        </Section>
        <Section title="Competitors" testId="section-competitors">
          <CompetitorsEditor {...editors} dealProperties={loaded.properties.deal} />
        </Section>
        <Section title="Existing customers" testId="section-existing">
          <ExistingCustomersEditor {...editors} />
        </Section>
        <Section title="Dream-customer test" testId="section-dream">
          <DreamCustomerEditor {...editors} />
        </Section>
        <Section title="Thresholds, deal checks and focus" testId="section-rules">
          <RulesEditor {...editors} dealProperties={loaded.properties.deal} />
        </Section>
        <Section title="Strategy managers" testId="section-managers">
          <ManagersEditor
            {...editors}
            managers={loaded.people.managers}
            teams={loaded.people.teams}
            viewerEmail={p.viewerEmail}
          />
        </Section>
        {!readOnly && (
          <Section title="Review and publish" testId="section-publish">
            <PublishPanel
              draftJson={draftJson}
              changes={changes}
              currentVersion={current?.summary.version ?? null}
              changed={
                changed && (current !== null || draftJson !== JSON.stringify(starterDraft()))
              }
              simulateGate={simulateGate(gateInput)}
              publishGate={publishGate({
                ...gateInput,
                simulated,
                warnings: focus?.warnings.length ?? 0,
                acknowledged,
              })}
              focus={focus}
              acknowledged={acknowledged}
              onAcknowledge={(checkedBox) => setAcknowledgedFor(checkedBox ? draftJson : null)}
              simulation={simulation.state}
              publishing={publishing.state}
              onSimulate={() => simulation.start(draft)}
              onPublish={() => publishing.publish(draft, current?.summary.version ?? null)}
              onConfirm={() => publishing.confirm()}
              portalId={p.portalId}
              managerNames={managerNames}
              onDiscard={discard}
              onCopyJson={() => p.copyText(JSON.stringify(draft, null, 2))}
              onReload={p.onReload}
            />
          </Section>
        )}
        <Section title="Version history" testId="section-history">
          <VersionHistory
            history={loaded.history}
            historyTotal={loaded.historyTotal}
            canRollBack={current !== null}
            publishing={publishing.state}
            onRollback={(version) => {
              if (current !== null) publishing.rollback(version, current.summary.version);
            }}
            onConfirm={() => publishing.confirm()}
            portalId={p.portalId}
            managerNames={managerNames}
            onReload={p.onReload}
          />
        </Section>
      </Flex>
    </PortalFiguresContext.Provider>
  );
};
