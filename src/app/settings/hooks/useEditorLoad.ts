import type { StrategyEditorLoadValue } from '@strategy-fit/core';
import { StrategyEditorLoadResponse } from '@strategy-fit/core';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { EditorError } from '../view-model/editor-error.ts';
import { callFunction } from '@strategy-fit/function-calls';
import type { FunctionRunner } from '@strategy-fit/function-calls';

export type LoadState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly value: StrategyEditorLoadValue;
      /** Changes on every load, so the editor starts again from what was loaded. */
      readonly loadId: number;
    }
  | { readonly status: 'error'; readonly error: EditorError };

/**
 * Loads the editor (`strategy_editor_load`) when the page opens and on `reload()`. Only the
 * latest call's answer is shown; an answer after the page closed is ignored.
 */
export const useEditorLoad = (run: FunctionRunner): { state: LoadState; reload: () => void } => {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const latest = useRef(0);

  // Sets state only when the answer arrives (never synchronously inside the effect).
  const load = useCallback(() => {
    latest.current += 1;
    const call = latest.current;
    void callFunction(
      run,
      'strategy_editor_load',
      { parameters: {} },
      StrategyEditorLoadResponse,
    ).then((result) => {
      if (call !== latest.current) return;
      setState(
        result.ok
          ? { status: 'ready', value: result.value, loadId: call }
          : { status: 'error', error: result.error },
      );
    });
  }, [run]);

  useEffect(() => {
    load();
    return () => {
      latest.current += 1;
    };
  }, [load]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    load();
  }, [load]);

  return { state, reload };
};
