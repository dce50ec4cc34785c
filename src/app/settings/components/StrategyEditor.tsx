import { Button, Flex, LoadingSpinner } from '@hubspot/ui-extensions';
import type { PublishOutcome, StrategyTemplate } from '@strategy-fit/core';
import { useCallback, useState } from 'react';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { useEditorLoad } from '../hooks/useEditorLoad.ts';
import type { Draft } from '../view-model/draft.ts';
import { draftFromStrategy } from '../view-model/draft.ts';
import { LoadError } from './ErrorNotice.tsx';
import { EditorView } from './EditorView.tsx';
import { FirstStrategyStart } from './FirstStrategyStart.tsx';
import { PendingApprovals } from './PendingApprovals.tsx';
import { SetupPanel } from './SetupPanel.tsx';

/**
 * Where the first version starts: not chosen yet (a first version already prepared is shown
 * instead of the templates until `another`), or a template's strategy (null: from scratch).
 */
type Start =
  | { readonly chosen: false; readonly another: boolean }
  | { readonly chosen: true; readonly draft: Draft | null };

/**
 * The settings page: loads the editor, then shows what the portal needs first: setup on a portal
 * that is not set up, before anything is published a first version already prepared (to approve
 * and publish) or else the templates of a first version, else the editor (or why it could not
 * load). Versions waiting for approval show above the editor.
 */
export const StrategyEditor = ({
  portalId,
  run,
  copyText,
  viewerEmail,
}: {
  /** HubSpot's account id, for links to the prepared version's record. */
  portalId: number;
  run: FunctionRunner;
  copyText: (text: string) => void;
  /** The viewer's email from HubSpot's page context (a shortcut to name them; never authority). */
  viewerEmail: string | null;
}) => {
  const { state, reload } = useEditorLoad(run);
  const [notice, setNotice] = useState<PublishOutcome | null>(null);
  const [start, setStart] = useState<Start>({ chosen: false, another: false });
  const onPublished = useCallback(
    (outcome: PublishOutcome) => {
      setNotice(outcome);
      reload();
    },
    [reload],
  );
  const onReload = useCallback(() => {
    setNotice(null);
    reload();
  }, [reload]);
  const onStart = useCallback((template: StrategyTemplate | null) => {
    setStart({
      chosen: true,
      draft: template === null ? null : draftFromStrategy(template.strategy),
    });
  }, []);
  const onStartOver = useCallback(() => setStart({ chosen: false, another: true }), []);
  switch (state.status) {
    case 'loading':
      return (
        <LoadingSpinner
          label="Loading the strategy…"
          showLabel
          layout="centered"
          testId="loading"
        />
      );
    case 'error':
      return <LoadError error={state.error} onRetry={reload} />;
    case 'ready': {
      const loaded = state.value;
      if (loaded.current === null && !loaded.setup.complete) {
        return <SetupPanel status={loaded.setup} run={run} upgrade={false} onDone={onReload} />;
      }
      if (loaded.current === null && !start.chosen && !start.another && loaded.pending.length > 0) {
        return (
          <Flex direction="column" gap="md" testId="first-version-pending">
            <PendingApprovals
              pending={loaded.pending}
              run={run}
              portalId={portalId}
              managerNames={[]}
              onPublished={onPublished}
              onReload={onReload}
            />
            <Button
              variant="transparent"
              onClick={() => setStart({ chosen: false, another: true })}
              testId="first-version-pending.another"
            >
              Prepare another first version instead
            </Button>
          </Flex>
        );
      }
      if (loaded.current === null && !start.chosen) {
        return <FirstStrategyStart templates={loaded.templates} onStart={onStart} />;
      }
      return (
        <EditorView
          key={state.loadId}
          loaded={loaded}
          run={run}
          portalId={portalId}
          notice={notice}
          onPublished={onPublished}
          onReload={onReload}
          copyText={copyText}
          startDraft={start.chosen ? start.draft : null}
          onStartOver={onStartOver}
          viewerEmail={viewerEmail}
        />
      );
    }
    default:
      return state satisfies never;
  }
};
