import { LoadingSpinner } from '@hubspot/ui-extensions';
import type { UserContext } from '@hubspot/ui-extensions';
import type { PublishOutcome } from '@strategy-fit/core';
import { useCallback, useMemo, useState } from 'react';

import type { FunctionRunner } from '@strategy-fit/function-calls';
import { editorUserOf } from '../hooks/editor-user.ts';
import { useEditorLoad } from '../hooks/useEditorLoad.ts';
import { LoadError } from './ErrorNotice.tsx';
import { EditorView } from './EditorView.tsx';

/** The settings page: loads the editor, then shows it (or why it could not load). */
export const StrategyEditor = ({
  user: contextUser,
  run,
  copyText,
}: {
  user: UserContext;
  run: FunctionRunner;
  copyText: (text: string) => void;
}) => {
  const user = useMemo(() => editorUserOf(contextUser), [contextUser]);
  const { state, reload } = useEditorLoad(run, user);
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
          user={user}
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
