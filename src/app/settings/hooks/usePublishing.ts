import type { PendingVersion, PublishOutcome } from '@strategy-fit/core';
import {
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
  StrategyRollbackResponse,
} from '@strategy-fit/core';
import type { JsonValue } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { Draft } from '../view-model/draft.ts';
import type { EditorError } from '../view-model/editor-error.ts';
import { callFunction } from '@strategy-fit/function-calls';
import type { FunctionRunner } from '@strategy-fit/function-calls';

export type PublishAction =
  | { readonly kind: 'publish'; readonly draftJson: string }
  | { readonly kind: 'rollback'; readonly version: number }
  /** Publishing a version prepared earlier, as `strategy_editor_load` listed it (after a reload). */
  | { readonly kind: 'confirm'; readonly recordId: string };

type AwaitingApproval = Extract<PublishOutcome, { outcome: 'awaiting_approval' }>;

/** The last publish or rollback: under way, its outcome, or its error. */
export type PublishingState =
  | { readonly status: 'idle' }
  | { readonly status: 'pending'; readonly action: PublishAction; readonly confirming: boolean }
  | {
      readonly status: 'answered';
      readonly action: PublishAction;
      readonly outcome: PublishOutcome;
    }
  | {
      readonly status: 'error';
      readonly action: PublishAction;
      readonly error: EditorError;
      /** The prepared version the failed confirmation was about, to confirm it again. */
      readonly pending: AwaitingApproval | null;
    };

type Answer = { ok: true; value: PublishOutcome } | { ok: false; error: EditorError };

/**
 * Prepares a draft (`strategy_publish`, on top of the version it was edited from) or a rollback
 * (`strategy_rollback`) for a manager's approval in HubSpot, then publishes the approved version
 * (`strategy_publish_confirm`): the one this page prepared, or one the load listed (prepared
 * before a reload, in another tab or by someone else). A new version is followed by `onPublished()` (the page loads
 * again); a refusal (problems, a newer version, no approval yet) is kept for the page to show.
 */
export const usePublishing = (
  run: FunctionRunner,
  onPublished: (outcome: PublishOutcome) => void,
): {
  state: PublishingState;
  publish: (draft: Draft, basedOnVersion: number | null) => void;
  rollback: (version: number, basedOnVersion: number) => void;
  /** Publishes `loaded` (a pending version the load listed), else the one this page prepared. */
  confirm: (loaded?: PendingVersion) => void;
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
    (action: PublishAction, result: Answer, pending: PublishingState) => {
      if (!mounted.current) return;
      if (!result.ok) {
        const waiting =
          pending.status === 'answered' && pending.outcome.outcome === 'awaiting_approval'
            ? pending.outcome
            : pending.status === 'error'
              ? pending.pending
              : null;
        return setState({ status: 'error', action, error: result.error, pending: waiting });
      }
      setState({ status: 'answered', action, outcome: result.value });
      if (result.value.outcome === 'published') onPublished(result.value);
    },
    [onPublished],
  );

  const publish = useCallback(
    (draft: Draft, basedOnVersion: number | null) => {
      const draftJson = JSON.stringify(draft);
      const action: PublishAction = { kind: 'publish', draftJson };
      setState({ status: 'pending', action, confirming: false });
      const parameters = { strategy: JSON.parse(draftJson) as JsonValue, basedOnVersion };
      void callFunction(run, 'strategy_publish', { parameters }, StrategyPublishResponse).then(
        (r) => settle(action, r, { status: 'idle' }),
      );
    },
    [run, settle],
  );

  const rollback = useCallback(
    (version: number, basedOnVersion: number) => {
      const action: PublishAction = { kind: 'rollback', version };
      setState({ status: 'pending', action, confirming: false });
      const parameters = { version, basedOnVersion };
      void callFunction(run, 'strategy_rollback', { parameters }, StrategyRollbackResponse).then(
        (r) => settle(action, r, { status: 'idle' }),
      );
    },
    [run, settle],
  );

  const confirm = useCallback(
    (loaded?: PendingVersion) => {
      if (loaded === undefined && (state.status === 'idle' || state.status === 'pending')) return;
      const waiting: AwaitingApproval | null =
        loaded !== undefined
          ? { outcome: 'awaiting_approval', pending: loaded }
          : state.status === 'answered' && state.outcome.outcome === 'awaiting_approval'
            ? state.outcome
            : state.status === 'error'
              ? state.pending
              : null;
      if (waiting === null || state.status === 'pending') return;
      const action: PublishAction =
        loaded !== undefined || state.status === 'idle'
          ? { kind: 'confirm', recordId: waiting.pending.recordId }
          : state.action;
      // What a refusal falls back to: the same prepared version, to confirm again.
      const before: PublishingState = { status: 'answered', action, outcome: waiting };
      setState({ status: 'pending', action, confirming: true });
      const parameters = { pendingId: waiting.pending.recordId };
      void callFunction(
        run,
        'strategy_publish_confirm',
        { parameters },
        StrategyPublishConfirmResponse,
      ).then((r) => settle(action, r, before));
    },
    [run, settle, state],
  );

  const clear = useCallback(() => setState({ status: 'idle' }), []);

  return { state, publish, rollback, confirm, clear };
};
