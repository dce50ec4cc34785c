import type {
  CardUser,
  EditorIssue,
  Result,
  SimulationCursor,
  SimulationMatrix,
  StrategySimulateValue,
} from '@strategy-fit/core';
import {
  emptySimulationMatrix,
  mergeSimulationMatrices,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import type { JsonValue } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { Draft } from '../view-model/draft.ts';
import type { EditorError } from '../view-model/editor-error.ts';
import { callFunction } from './call-function.ts';
import type { FunctionRunner } from './call-function.ts';

/** A simulation of one draft (its JSON says which): checking, running chunk by chunk, done. */
export type SimulationState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking'; readonly draftJson: string }
  | {
      readonly status: 'running';
      readonly draftJson: string;
      readonly matrix: SimulationMatrix;
      readonly companiesDone: number;
      readonly totalCompanies: number | null;
    }
  | {
      readonly status: 'done';
      readonly draftJson: string;
      readonly matrix: SimulationMatrix;
      readonly publishedVersion: number;
      readonly companiesDone: number;
      readonly chunks: number;
    }
  /** The portal check found problems: shown at their fields, nothing simulated. */
  | {
      readonly status: 'blocked';
      readonly draftJson: string;
      readonly issues: readonly EditorIssue[];
    }
  | { readonly status: 'error'; readonly draftJson: string; readonly error: EditorError };

/** More chunks than this means something loops; the simulation stops with an error. */
const MAX_CHUNKS = 2_000;

/**
 * Simulates a draft: `strategy_validate` first (the portal's properties), then
 * `strategy_simulate` chunk after chunk, merging their matrices (the core's
 * mergeSimulationMatrices) and showing progress until the last chunk. Writes nothing. A new start,
 * `discard()` or closing the page stops a run between chunks.
 */
export const useSimulation = (
  run: FunctionRunner,
  user: CardUser,
): { state: SimulationState; start: (draft: Draft) => void; discard: () => void } => {
  const [state, setState] = useState<SimulationState>({ status: 'idle' });
  const latest = useRef(0);
  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );

  const start = useCallback(
    (draft: Draft) => {
      latest.current += 1;
      const call = latest.current;
      const draftJson = JSON.stringify(draft);
      const strategy = JSON.parse(draftJson) as JsonValue;
      const current = () => call === latest.current;
      setState({ status: 'checking', draftJson });
      void (async () => {
        const checked = await callFunction(
          run,
          'strategy_validate',
          { strategy },
          StrategyValidateResponse,
        );
        if (!current()) return;
        if (!checked.ok) return setState({ status: 'error', draftJson, error: checked.error });
        if (!checked.value.valid) {
          return setState({ status: 'blocked', draftJson, issues: checked.value.issues });
        }
        let matrix = emptySimulationMatrix();
        let cursor: SimulationCursor | null = null;
        for (let chunks = 1; chunks <= MAX_CHUNKS; chunks += 1) {
          const parameters: JsonValue =
            cursor === null ? { user, strategy } : { user, strategy, cursor };
          const answer: Result<StrategySimulateValue, EditorError> = await callFunction(
            run,
            'strategy_simulate',
            parameters,
            StrategySimulateResponse,
          );
          if (!current()) return;
          if (!answer.ok) return setState({ status: 'error', draftJson, error: answer.error });
          const { progress, publishedVersion } = answer.value;
          matrix = mergeSimulationMatrices(matrix, answer.value.matrix);
          cursor = answer.value.cursor;
          if (cursor === null) {
            const companiesDone = progress.companiesDone;
            return setState({
              status: 'done',
              draftJson,
              matrix,
              publishedVersion,
              companiesDone,
              chunks,
            });
          }
          setState({
            status: 'running',
            draftJson,
            matrix,
            companiesDone: progress.companiesDone,
            totalCompanies: progress.totalCompanies,
          });
        }
        setState({
          status: 'error',
          draftJson,
          error: {
            code: 'function_failed',
            message: `The simulation did not end after ${MAX_CHUNKS} chunks.`,
          },
        });
      })();
    },
    [run, user],
  );

  const discard = useCallback(() => {
    latest.current += 1;
    setState({ status: 'idle' });
  }, []);

  return { state, start, discard };
};
