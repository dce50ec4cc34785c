import type {
  ExtensionPointApiActions,
  ExtensionPointApiContext,
  JsonValue,
} from '@hubspot/ui-extensions';
import {
  Alert,
  Button,
  Flex,
  hubspot,
  List,
  LoadingButton,
  ProgressBar,
  Text,
} from '@hubspot/ui-extensions';
import { ScoreRecordResponse } from '@strategy-fit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { SelectionRun } from './rescore-selection.ts';
import { CALL_SPACING_MS, IDLE, MAX_SELECTED, OBJECT_TYPES } from './rescore-selection.ts';

type Runner = (
  name: string,
  options: { parameters: JsonValue; propertiesToSend?: string[] },
) => Promise<unknown>;

type Props = {
  context: ExtensionPointApiContext<'crm.bulkActions'>;
  actions: ExtensionPointApiActions<'crm.bulkActions'>;
  run?: Runner;
  /** Milliseconds between calls (tests pass 0). */
  spacingMs?: number;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** "Rescore selected" (uid rescore_selected, 2026.09): rescore the selected companies or deals. */
export const RescoreSelected = ({
  context,
  actions,
  run = hubspot.serverless,
  spacingMs = CALL_SPACING_MS,
}: Props) => {
  const objectType = OBJECT_TYPES[context.crm.objectTypeId];
  const { objectIds } = context.crm;
  const ids = useMemo(() => objectIds.map(String), [objectIds]);
  const [state, setState] = useState<SelectionRun>(IDLE);
  const stop = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const contextUser = context.user;
  const user = useMemo(
    () => ({
      id: String(contextUser.id),
      email: contextUser.email === '' ? null : contextUser.email,
      teamIds: contextUser.teams.map((t) => String(t.id)),
    }),
    [contextUser],
  );

  const start = useCallback(async () => {
    if (objectType === undefined) return;
    stop.current = false;
    setState({ ...IDLE, status: 'running' });
    for (const [i, id] of ids.entries()) {
      if (stop.current || !mounted.current) break;
      if (i > 0) await sleep(spacingMs);
      let outcome: { written: boolean } | { code: string; message: string };
      try {
        const answer = ScoreRecordResponse.safeParse(
          await run('score_record', { parameters: { objectType, objectId: id, user } }),
        );
        outcome = !answer.success
          ? { code: 'invalid_response', message: 'score_record answered outside the contract.' }
          : answer.data.ok
            ? { written: answer.data.value.written }
            : answer.data.error;
      } catch (e) {
        outcome = { code: 'function_failed', message: e instanceof Error ? e.message : String(e) };
      }
      if (!mounted.current) return;
      setState((s) => ({
        ...s,
        done: s.done + 1,
        written: s.written + ('written' in outcome && outcome.written ? 1 : 0),
        failed: 'code' in outcome ? [...s.failed, { id, ...outcome }] : s.failed,
      }));
    }
    if (!mounted.current) return;
    setState((s) => ({ ...s, status: stop.current ? 'stopped' : 'done' }));
    actions.addAlert({
      type: 'success',
      message: 'Strategy Fit rescored the selected records; refresh the view to see the new tiers.',
    });
  }, [objectType, ids, run, user, spacingMs, actions]);

  if (objectType === undefined) {
    return (
      <Alert title="Not available here" variant="warning">
        Rescore works on companies and deals.
      </Alert>
    );
  }
  const running = state.status === 'running' || state.status === 'stopping';
  return (
    <Flex direction="column" gap="md" testId="rescore-selected">
      <Text>{`${ids.length} selected ${objectType === 'company' ? 'companies' : 'deals'}: each is scored with the published strategy, as its card would, and only what changed is written.`}</Text>
      {ids.length > MAX_SELECTED && (
        <Alert title="A large selection" variant="info" testId="selection-large">
          {`About two records a second: rescoring ${ids.length} takes a while. The app page’s Rescore rescores every stale record faster.`}
        </Alert>
      )}
      {!running && (
        <Button variant="primary" onClick={() => void start()} testId="selection-start">
          {state.status === 'idle' ? 'Rescore selected' : 'Rescore again'}
        </Button>
      )}
      {running && (
        <LoadingButton
          loading={state.status === 'stopping'}
          onClick={() => {
            stop.current = true;
            setState((s) => ({ ...s, status: 'stopping' }));
          }}
          testId="selection-stop"
        >
          Stop
        </LoadingButton>
      )}
      {state.status !== 'idle' && (
        <ProgressBar
          value={state.done}
          maxValue={Math.max(1, ids.length)}
          valueDescription={`${state.done} of ${ids.length} · ${state.written} changed`}
          showPercentage
          variant={state.failed.length > 0 ? 'warning' : 'success'}
          testId="selection-progress"
        />
      )}
      {state.failed.length > 0 && (
        <Alert
          title={`${state.failed.length} could not be rescored`}
          variant="warning"
          testId="selection-failed"
        >
          <List variant="unordered">
            {state.failed.slice(0, 20).map((f) => (
              <Text key={f.id}>{`${f.id}: ${f.code}: ${f.message}`}</Text>
            ))}
          </List>
        </Alert>
      )}
    </Flex>
  );
};

hubspot.extend<'crm.bulkActions'>(({ context, actions }) => (
  <RescoreSelected context={context} actions={actions} />
));
