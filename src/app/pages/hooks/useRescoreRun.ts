import type { JsonValue } from '@hubspot/ui-extensions';
import { RescoreStaleResponse } from '@strategy-fit/core';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { RescoreRun } from '../view-model/rescore.ts';
import { IDLE_RUN } from '../view-model/rescore.ts';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import { callFunction } from '@strategy-fit/function-calls';

/**
 * A rescore driven from the page: `rescore_stale` chunk after chunk, each continuing on the last
 * answer's cursor, until nothing stale is left, the manager stops it, or a chunk fails. `start`
 * takes a cursor to resume from (one kept in the page's URL after a stop survives a reload);
 * `onFinished` runs when the run reaches the end (the page reloads the review).
 */
export const useRescoreRun = (
  run: FunctionRunner,
  onFinished: () => void,
): { run: RescoreRun; start: (cursor: string | null) => void; stop: () => void } => {
  const [state, setState] = useState<RescoreRun>(IDLE_RUN);
  const stopRequested = useRef(false);
  const active = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const loop = useCallback(
    async (from: string | null) => {
      let cursor = from;
      for (;;) {
        const parameters: { [key: string]: JsonValue } = {};
        if (cursor !== null) parameters['cursor'] = cursor;
        const answer = await callFunction(
          run,
          'rescore_stale',
          { parameters },
          RescoreStaleResponse,
        );
        if (!mounted.current) return;
        if (!answer.ok) {
          setState((s) => ({ ...s, status: 'failed', error: answer.error }));
          break;
        }
        const chunk = answer.value;
        cursor = chunk.cursor ?? cursor;
        const stopping = stopRequested.current;
        setState((s) => ({
          status:
            chunk.interrupted !== null
              ? 'interrupted'
              : chunk.cursor === null
                ? 'done'
                : stopping
                  ? 'stopped'
                  : 'running',
          cursor: chunk.cursor === null ? null : chunk.cursor,
          version: chunk.version,
          chunks: s.chunks + 1,
          // A restart (a newer strategy) counts from zero again.
          processed: (chunk.restarted ? 0 : s.processed) + chunk.processed,
          changed: (chunk.restarted ? 0 : s.changed) + chunk.changed,
          failed: [...(chunk.restarted ? [] : s.failed), ...chunk.failed],
          remainingEstimate: chunk.remainingEstimate,
          restarted: s.restarted || chunk.restarted,
          error: chunk.interrupted,
        }));
        if (chunk.interrupted !== null || chunk.cursor === null || stopping) {
          if (chunk.cursor === null && chunk.interrupted === null) onFinished();
          break;
        }
      }
      active.current = false;
    },
    [run, onFinished],
  );

  const start = useCallback(
    (cursor: string | null) => {
      if (active.current) return;
      active.current = true;
      stopRequested.current = false;
      setState((s) =>
        cursor === null
          ? { ...IDLE_RUN, status: 'running' }
          : { ...s, status: 'running', cursor, error: null },
      );
      void loop(cursor);
    },
    [loop],
  );

  const stop = useCallback(() => {
    if (!active.current) return;
    stopRequested.current = true;
    setState((s) => (s.status === 'running' ? { ...s, status: 'stopping' } : s));
  }, []);

  return { run: state, start, stop };
};
