import type { CardUser } from '@strategy-fit/core';
import { DecideExceptionParams, ExceptionResponse } from '@strategy-fit/core';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { PageError } from '../view-model/page-error.ts';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import { callFunction } from '@strategy-fit/function-calls';

export type Decision = 'approve' | 'reject';

export type DecisionsState = {
  /** The deal whose decision is under way, and which. */
  readonly pending: { readonly dealId: string; readonly decision: Decision } | null;
  /** The last decision's refusal, by deal. */
  readonly errors: Readonly<Record<string, PageError>>;
  /** What the last successful decision did, in words. */
  readonly done: string | null;
};

/**
 * Approves (until a day) or rejects a queued exception with `decide_exception`, the function the
 * deal card uses; it checks that the user is a strategy manager. After a decision, `onDecided`
 * runs (the page reloads the review).
 */
export const useDecisions = (
  run: FunctionRunner,
  user: CardUser,
  onDecided: () => void,
): DecisionsState & {
  decide: (dealId: string, decision: Decision, expiresOn?: string) => void;
} => {
  const [state, setState] = useState<DecisionsState>({ pending: null, errors: {}, done: null });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const decide = useCallback(
    (dealId: string, decision: Decision, expiresOn?: string) => {
      const base = { dealId, decision, user };
      const parameters =
        decision === 'approve' && expiresOn !== undefined ? { ...base, expiresOn } : base;
      const check = DecideExceptionParams.safeParse(parameters);
      if (!check.success) {
        const message = check.error.issues.map((i) => i.message).join('; ');
        setState((s) => ({
          ...s,
          errors: { ...s.errors, [dealId]: { code: 'invalid_input', message } },
        }));
        return;
      }
      setState((s) => ({ ...s, pending: { dealId, decision }, done: null }));
      void callFunction(run, 'decide_exception', { parameters }, ExceptionResponse).then(
        (result) => {
          if (!mounted.current) return;
          setState((s) => {
            const errors = Object.fromEntries(
              Object.entries(s.errors).filter(([id]) => id !== dealId),
            );
            if (!result.ok)
              return { pending: null, errors: { ...errors, [dealId]: result.error }, done: null };
            const e = result.value.exception;
            const done =
              e.status === 'approved'
                ? `Approved the exception for deal ${dealId} until ${e.expiresOn ?? '—'}.`
                : `Rejected the exception for deal ${dealId}.`;
            return { pending: null, errors, done };
          });
          if (result.ok) onDecided();
        },
      );
    },
    [run, user, onDecided],
  );

  return { ...state, decide };
};
