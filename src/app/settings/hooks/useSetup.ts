import type { Result, SetupStepReport, StrategyFitSetupValue } from '@strategy-fit/core';
import { SetupStep, StrategyFitSetupResponse } from '@strategy-fit/core';
import type { JsonValue } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { EditorError } from '../view-model/editor-error.ts';
import { callFunction } from '@strategy-fit/function-calls';
import type { FunctionRunner } from '@strategy-fit/function-calls';

/** Setup from the page: not started, chunk after chunk, done, or stopped by an error. */
export type SetupState =
  | { readonly status: 'idle' }
  | {
      readonly status: 'running';
      /** The step the chunk under way works on. */
      readonly step: SetupStep;
      readonly stepsDone: number;
      readonly stepsTotal: number;
      readonly reports: readonly SetupStepReport[];
    }
  | {
      readonly status: 'done';
      readonly reports: readonly SetupStepReport[];
      readonly chunks: number;
    }
  | {
      readonly status: 'error';
      readonly error: EditorError;
      readonly reports: readonly SetupStepReport[];
      /** Where Retry continues. */
      readonly from: SetupStep | null;
    };

/** More chunks than this means something loops; setup stops with an error. */
const MAX_CHUNKS = 200;

/**
 * Runs setup (`strategy_fit_setup`) chunk after chunk until the function answers `next: null`,
 * showing each step's progress. Each chunk fits HubSpot's function time limit; every step reads
 * what exists first, so Retry (or a chunk that ended early) just continues. Leaving the page ends
 * the run between chunks.
 */
export const useSetup = (
  run: FunctionRunner,
): { state: SetupState; start: (from?: SetupStep | null) => void } => {
  const [state, setState] = useState<SetupState>({ status: 'idle' });
  const latest = useRef(0);
  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );

  const start = useCallback(
    (from: SetupStep | null = null) => {
      latest.current += 1;
      const call = latest.current;
      const current = () => call === latest.current;
      void (async () => {
        const reports: SetupStepReport[] = [];
        // null: from the start (the function's first step); else where the last chunk stopped.
        let next: SetupStep | null = from;
        const total = SetupStep.options.length;
        const first: SetupStep = from ?? 'company_properties';
        setState({ status: 'running', step: first, stepsDone: 0, stepsTotal: total, reports });
        for (let chunks = 1; chunks <= MAX_CHUNKS; chunks += 1) {
          const parameters: JsonValue = next === null ? {} : { from: next };
          const answer: Result<StrategyFitSetupValue, EditorError> = await callFunction(
            run,
            'strategy_fit_setup',
            { parameters },
            StrategyFitSetupResponse,
          );
          if (!current()) return;
          if (!answer.ok) {
            return setState({ status: 'error', error: answer.error, reports, from: next });
          }
          reports.push(...answer.value.done);
          next = answer.value.next;
          if (next === null) return setState({ status: 'done', reports, chunks });
          setState({
            status: 'running',
            step: next,
            stepsDone: answer.value.progress.stepsDone,
            stepsTotal: answer.value.progress.stepsTotal,
            reports: [...reports],
          });
        }
        setState({
          status: 'error',
          error: {
            code: 'function_failed',
            message: `Setup did not end after ${MAX_CHUNKS} calls.`,
          },
          reports,
          from: next,
        });
      })();
    },
    [run],
  );

  return { state, start };
};
