import type { CardUser, PublishOutcome } from '@strategy-fit/core';
import { StrategyPublishResponse, StrategyRollbackResponse } from '@strategy-fit/core';
import type { JsonValue } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { Draft } from '../view-model/draft.ts';
import type { EditorError } from '../view-model/editor-error.ts';
import { callFunction } from '@strategy-fit/function-calls';
import type { FunctionRunner } from '@strategy-fit/function-calls';

export type PublishAction =
  | { readonly kind: 'publish'; readonly draftJson: string }
  | { readonly kind: 'rollback'; readonly version: number };

/** The last publish or rollback: under way, its outcome, or its error. */
export type PublishingState =
  | { readonly status: 'idle' }
  | { readonly status: 'pending'; readonly action: PublishAction }
  | {
      readonly status: 'answered';
      readonly action: PublishAction;
      readonly outcome: PublishOutcome;
    }
  | { readonly status: 'error'; readonly action: PublishAction; readonly error: EditorError };

/**
 * Publishes a draft (`strategy_publish`, on top of the version it was edited from) or rolls back
 * to a version (`strategy_rollback`). A new version is followed by `onPublished()` (the page loads
 * again); a refusal (problems, a newer version, not a manager) is kept for the page to show.
 */
export const usePublishing = (
  run: FunctionRunner,
  user: CardUser,
  onPublished: (outcome: PublishOutcome) => void,
): {
  state: PublishingState;
  publish: (draft: Draft, basedOnVersion: number) => void;
  rollback: (version: number, basedOnVersion: number) => void;
  clear: () => void;
} => {
  const [state, setState] = useState<PublishingState>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const settle = useCallback(
    (
      action: PublishAction,
      result: { ok: true; value: PublishOutcome } | { ok: false; error: EditorError },
    ) => {
      if (!mounted.current) return;
      if (!result.ok) return setState({ status: 'error', action, error: result.error });
      setState({ status: 'answered', action, outcome: result.value });
      if (result.value.outcome === 'published') onPublished(result.value);
    },
    [onPublished],
  );

  const publish = useCallback(
    (draft: Draft, basedOnVersion: number) => {
      const draftJson = JSON.stringify(draft);
      const action: PublishAction = { kind: 'publish', draftJson };
      setState({ status: 'pending', action });
      const parameters = { user, strategy: JSON.parse(draftJson) as JsonValue, basedOnVersion };
      void callFunction(run, 'strategy_publish', { parameters }, StrategyPublishResponse).then(
        (r) => settle(action, r),
      );
    },
    [run, user, settle],
  );

  const rollback = useCallback(
    (version: number, basedOnVersion: number) => {
      const action: PublishAction = { kind: 'rollback', version };
      setState({ status: 'pending', action });
      const parameters = { user, version, basedOnVersion };
      void callFunction(run, 'strategy_rollback', { parameters }, StrategyRollbackResponse).then(
        (r) => settle(action, r),
      );
    },
    [run, user, settle],
  );

  const clear = useCallback(() => setState({ status: 'idle' }), []);

  return { state, publish, rollback, clear };
};
