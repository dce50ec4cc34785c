import { LoadingSpinner } from '@hubspot/ui-extensions';
import type { PublishOutcome, StrategyTemplate } from '@strategy-fit/core';
import { useCallback, useState } from 'react';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { useEditorLoad } from '../hooks/useEditorLoad.ts';
import type { Draft } from '../view-model/draft.ts';
import { draftFromStrategy } from '../view-model/draft.ts';
import { LoadError } from './ErrorNotice.tsx';
import { EditorView } from './EditorView.tsx';
import { FirstStrategyStart } from './FirstStrategyStart.tsx';
import { SetupPanel } from './SetupPanel.tsx';

/** Where the first version starts: not chosen yet, or a template's strategy (null: from scratch). */
type Start = { readonly chosen: false } | { readonly chosen: true; readonly draft: Draft | null };

/**
 * The settings page: loads the editor, then shows what the portal needs first: setup on a portal
 * that is not set up, the templates of a first version before anything is published, else the
 * editor (or why it could not load).
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
  const [start, setStart] = useState<Start>({ chosen: false });
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
  const onStartOver = useCallback(() => setStart({ chosen: false }), []);
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
