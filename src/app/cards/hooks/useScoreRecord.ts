import type { ScoreRecordValue } from '@strategy-fit/core';
import { ScoreRecordParams, ScoreRecordResponse } from '@strategy-fit/core';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { CardError } from '../view-model/card-error.ts';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import { callFunction } from '@strategy-fit/function-calls';

/** What a card knows about its record's score. */
export type ScoreState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly value: ScoreRecordValue;
      /** A rescore is under way; the value shown is the previous one. */
      readonly refreshing: boolean;
    }
  | { readonly status: 'error'; readonly error: CardError };

const INVALID_CONTEXT: CardError = {
  code: 'invalid_input',
  message: 'This card could not read the record or user id from HubSpot.',
};

/**
 * Scores the card's record with the `score_record` app function when the card opens and on
 * `rescore()`. Only the answer to the latest call is shown: an earlier call that answers late
 * (or any call answering after the card closed) is ignored.
 */
export const useScoreRecord = (
  run: FunctionRunner,
  objectType: 'company' | 'deal',
  /** Runs when scoring wrote to the record (the card refreshes HubSpot's property panels). */
  onWritten?: () => void,
): { state: ScoreState; rescore: () => void } => {
  const [state, setState] = useState<ScoreState>({ status: 'loading' });
  const latest = useRef(0);

  const load = useCallback(() => {
    latest.current += 1;
    const call = latest.current;
    // The record is the one HubSpot says the card is on (propertiesToSend), never a parameter.
    const parameters = { objectType };
    const answer = ScoreRecordParams.safeParse(parameters).success
      ? callFunction(
          run,
          'score_record',
          { parameters, propertiesToSend: ['hs_object_id'] },
          ScoreRecordResponse,
        )
      : Promise.resolve({ ok: false as const, error: INVALID_CONTEXT });
    void answer.then((result) => {
      if (call !== latest.current) return;
      if (result.ok && result.value.written) onWritten?.();
      setState(
        result.ok
          ? { status: 'ready', value: result.value, refreshing: false }
          : { status: 'error', error: result.error },
      );
    });
  }, [run, objectType, onWritten]);

  useEffect(() => {
    load();
    return () => {
      latest.current += 1;
    };
  }, [load]);

  const rescore = useCallback(() => {
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
    load();
  }, [load]);

  return { state, rescore };
};
