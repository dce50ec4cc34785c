import type { JsonValue } from '@hubspot/ui-extensions';
import {
  DecideExceptionParams,
  ExceptionResponse,
  RequestExceptionParams,
} from '@strategy-fit/core';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { CardError } from '../view-model/card-error.ts';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import { callFunction } from '@strategy-fit/function-calls';

export type ExceptionAction = 'request' | 'approve' | 'reject';

/** The exception call under way, if any, and the error of the last one. */
export type ExceptionActionsState = {
  readonly pending: ExceptionAction | null;
  readonly error: CardError | null;
};

type Call = {
  name: 'request_exception' | 'decide_exception';
  action: ExceptionAction;
  parameters: JsonValue;
  /** The contract's verdict on `parameters` (zod safeParse). */
  check: { success: true } | { success: false; error: { issues: { message: string }[] } };
};

/**
 * Requests (`request_exception`) and decides (`decide_exception`) the exception of the deal the
 * card is on: who asks or decides, and what, is what HubSpot recorded of their edit on the deal;
 * a decision names the request the card showed (`requestSeq`) and the choice it confirms. After
 * a change, `onChanged` runs (the card refreshes the record and rescores).
 */
export const useExceptionActions = (input: {
  run: FunctionRunner;
  requestSeq: number;
  onChanged: () => void;
}): ExceptionActionsState & {
  request: () => void;
  decide: (decision: 'approve' | 'reject') => void;
} => {
  const { run, requestSeq, onChanged } = input;
  const [state, setState] = useState<ExceptionActionsState>({ pending: null, error: null });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = useCallback(
    ({ name, action, parameters, check }: Call) => {
      if (!check.success) {
        const message = check.error.issues.map((i) => i.message).join('; ');
        setState({ pending: null, error: { code: 'invalid_input', message } });
        return;
      }
      setState({ pending: action, error: null });
      // HubSpot sends the id of the deal this card is on: the function acts on it only.
      const options = { parameters, propertiesToSend: ['hs_object_id'] };
      void callFunction(run, name, options, ExceptionResponse).then((result) => {
        if (!mounted.current) return;
        setState({ pending: null, error: result.ok ? null : result.error });
        if (result.ok) onChanged();
      });
    },
    [run, onChanged],
  );

  const request = useCallback(() => {
    const parameters = {};
    submit({
      name: 'request_exception',
      action: 'request',
      parameters,
      check: RequestExceptionParams.safeParse(parameters),
    });
  }, [submit]);

  const decide = useCallback(
    (decision: 'approve' | 'reject') => {
      const parameters = { requestSeq, decision };
      submit({
        name: 'decide_exception',
        action: decision,
        parameters,
        check: DecideExceptionParams.safeParse(parameters),
      });
    },
    [submit, requestSeq],
  );

  return { ...state, request, decide };
};
