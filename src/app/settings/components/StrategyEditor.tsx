import { LoadingSpinner } from '@hubspot/ui-extensions';
import type { PublishOutcome } from '@strategy-fit/core';
import { useCallback, useState } from 'react';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { useEditorLoad } from '../hooks/useEditorLoad.ts';
import { LoadError } from './ErrorNotice.tsx';
import { EditorView } from './EditorView.tsx';

/** The settings page: loads the editor, then shows it (or why it could not load). */
export const StrategyEditor = ({
  portalId,
  run,
  copyText,
}: {
  /** HubSpot's account id, for links to the prepared version's record. */
  portalId: number;
  run: FunctionRunner;
  copyText: (text: string) => void;
}) => {
  const { state, reload } = useEditorLoad(run);
  const [notice, setNotice] = useState<PublishOutcome | null>(null);
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
    case 'ready':
      return (
        <EditorView
          key={state.loadId}
          loaded={state.value}
          run={run}
          portalId={portalId}
          notice={notice}
          onPublished={onPublished}
          onReload={onReload}
          copyText={copyText}
        />
      );
    default:
      return state satisfies never;
  }
};
