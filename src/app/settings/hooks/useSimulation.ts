import type {
  CompiledStrategy,
  EditorIssue,
  PortalHolds,
  Result,
  SimulationCursor,
  SimulationMatrix,
  SimulationMovers,
  StrategySimulateValue,
} from '@strategy-fit/core';
import {
  compileStrategy,
  emptyPortalPart,
  emptySimulationPart,
  mergePortalParts,
  mergeSimulationParts,
  parseStrategy,
  portalHoldsOf,
  simulationMatrixOf,
  simulationMoversOfPart,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import type { JsonValue } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { Draft } from '../view-model/draft.ts';
import type { EditorError } from '../view-model/editor-error.ts';
import { callFunction } from '@strategy-fit/function-calls';
import type { FunctionRunner } from '@strategy-fit/function-calls';

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
      /** HubSpot's rate limit ended the last chunk early: the next one starts after this wait. */
      readonly paused: SimulationPause | null;
    }
  | {
      readonly status: 'done';
      readonly draftJson: string;
      readonly matrix: SimulationMatrix;
      /** null: nothing is published, every company was scored for the first time. */
      readonly publishedVersion: number | null;
      readonly companiesDone: number;
      readonly chunks: number;
      /** Chunks that HubSpot's rate limit ended early (each continued where it stopped). */
      readonly pauses: number;
      /** Which accounts move (issue 13). */
      readonly movers: SimulationMovers;
      /** What the portal holds per criterion of the draft (issue 13). */
      readonly portal: PortalHolds;
    }
  /** The portal check found problems: shown at their fields, nothing simulated. */
  | {
      readonly status: 'blocked';
      readonly draftJson: string;
      readonly issues: readonly EditorIssue[];
    }
  | { readonly status: 'error'; readonly draftJson: string; readonly error: EditorError };

/** The draft the function simulates, compiled (it validated it): what the portal figures name. */
const simulatedPlan = (draftJson: string): CompiledStrategy => {
  const parsed = parseStrategy(draftJson);
  if (!parsed.ok) throw new Error('a draft strategy_validate accepted parses');
  return compileStrategy(parsed.value);
};

/** A wait between chunks that the function asked for (HubSpot's rate limit). */
export type SimulationPause = { readonly waitMs: number };

/** More chunks than this means something loops; the simulation stops with an error. */
const MAX_CHUNKS = 2_000;

/** The longest wait the page accepts between two chunks, whatever the answer says. */
const MAX_PAUSE_MS = 60_000;

/**
 * Simulates a draft: `strategy_validate` first (the portal's properties), then
 * `strategy_simulate` chunk after chunk (open deals, then companies), merging their parts (the
 * core's mergeSimulationParts) and showing the matrix and progress until the last chunk. A chunk that HubSpot's rate
 * limit (or its time budget) ended early answers what it did and where to go on: the next chunk
 * continues from its cursor, after the wait it asks for (`interrupted.retryAfterMs`). Writes
 * nothing. A new start, `discard()` or closing the page stops a run between chunks (and ends a
 * wait).
 */
export const useSimulation = (
  run: FunctionRunner,
): { state: SimulationState; start: (draft: Draft) => void; discard: () => void } => {
  const [state, setState] = useState<SimulationState>({ status: 'idle' });
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Ends the run under way: its answers are ignored and its wait, if any, never ends. */
  const cancel = useCallback(() => {
    latest.current += 1;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);
  const pause = useCallback(
    (ms: number) =>
      new Promise<void>((resolve) => {
        timer.current = setTimeout(() => {
          timer.current = null;
          resolve();
        }, ms);
      }),
    [],
  );

  const start = useCallback(
    (draft: Draft) => {
      cancel();
      const call = latest.current;
      const draftJson = JSON.stringify(draft);
      const strategy = JSON.parse(draftJson) as JsonValue;
      const current = () => call === latest.current;
      setState({ status: 'checking', draftJson });
      void (async () => {
        const checked = await callFunction(
          run,
          'strategy_validate',
          { parameters: { strategy } },
          StrategyValidateResponse,
        );
        if (!current()) return;
        if (!checked.ok) return setState({ status: 'error', draftJson, error: checked.error });
        if (!checked.value.valid) {
          return setState({ status: 'blocked', draftJson, issues: checked.value.issues });
        }
        let part = emptySimulationPart();
        const plan = simulatedPlan(draftJson);
        let portal = emptyPortalPart(plan);
        let cursor: SimulationCursor | null = null;
        let pauses = 0;
        for (let chunks = 1; chunks <= MAX_CHUNKS; chunks += 1) {
          const parameters: JsonValue = cursor === null ? { strategy } : { strategy, cursor };
          const answer: Result<StrategySimulateValue, EditorError> = await callFunction(
            run,
            'strategy_simulate',
            { parameters },
            StrategySimulateResponse,
          );
          if (!current()) return;
          if (!answer.ok) return setState({ status: 'error', draftJson, error: answer.error });
          const { progress, publishedVersion, interrupted } = answer.value;
          part = mergeSimulationParts(part, answer.value.part);
          portal = mergePortalParts(portal, answer.value.portal);
          const matrix = simulationMatrixOf(part);
          cursor = answer.value.cursor;
          const waitMs = Math.min(MAX_PAUSE_MS, interrupted?.retryAfterMs ?? 0);
          if (waitMs > 0) pauses += 1;
          if (cursor === null) {
            const companiesDone = progress.companiesDone;
            return setState({
              status: 'done',
              draftJson,
              matrix,
              publishedVersion,
              companiesDone,
              chunks,
              pauses,
              movers: simulationMoversOfPart(part),
              portal: portalHoldsOf(portal, plan, {}),
            });
          }
          setState({
            status: 'running',
            draftJson,
            matrix,
            companiesDone: progress.companiesDone,
            totalCompanies: progress.totalCompanies,
            paused: waitMs > 0 ? { waitMs } : null,
          });
          if (waitMs > 0) {
            await pause(waitMs);
            if (!current()) return;
            setState((s) => (s.status === 'running' ? { ...s, paused: null } : s));
          }
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
    [run, cancel, pause],
  );

  const discard = useCallback(() => {
    cancel();
    setState({ status: 'idle' });
  }, [cancel]);

  return { state, start, discard };
};
