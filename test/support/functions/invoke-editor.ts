// The strategy editor's functions as their entries run them, on a given runtime instead of
// this process's environment (the settings fixture producer and tests with more than one portal).
import { ok } from '@strategy-fit/core';
import type {
  StrategyEditorLoadResponse,
  StrategyFitSetupResponse,
  PendingVersion,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
  StrategyRollbackResponse,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import { APPROVAL_PROPERTY } from '@strategy-fit/hubspot';

import {
  loadStrategyEditor,
  parseStrategyEditorLoad,
} from '../../../src/app/functions/src/handlers/editor/strategy-editor-load.ts';
import {
  parseStrategyPublish,
  publishStrategyVersion,
} from '../../../src/app/functions/src/handlers/editor/strategy-publish.ts';
import {
  confirmPublish,
  parseStrategyPublishConfirm,
} from '../../../src/app/functions/src/handlers/editor/strategy-publish-confirm.ts';
import {
  parseStrategyRollback,
  rollbackStrategy,
} from '../../../src/app/functions/src/handlers/editor/strategy-rollback.ts';
import {
  parseStrategySimulate,
  SIMULATE_DEFAULTS,
  simulateStrategy,
} from '../../../src/app/functions/src/handlers/editor/strategy-simulate.ts';
import type { SimulateOptions } from '../../../src/app/functions/src/handlers/editor/strategy-simulate.ts';
import {
  parseStrategyValidate,
  validateStrategy,
} from '../../../src/app/functions/src/handlers/editor/strategy-validate.ts';
import {
  parseStrategyFitSetup,
  runSetupChunk,
  SETUP_DEFAULTS,
} from '../../../src/app/functions/src/handlers/editor/strategy-fit-setup.ts';
import type { SetupChunkOptions } from '../../../src/app/functions/src/handlers/editor/strategy-fit-setup.ts';
import { respond } from '../../../src/app/functions/src/lib/respond.ts';
import { handle } from '../../../src/app/functions/src/lib/runtime.ts';
import type { Runtime } from '../../../src/app/functions/src/lib/runtime.ts';
import type { DemoUser, TestPortal } from './test-portal.ts';

const optionsFor = (rt: Runtime, quiet: boolean) => ({
  secrets: rt.secrets,
  ...(quiet ? { log: () => {} } : {}),
});

export const invokeEditorLoad = (
  rt: Runtime,
  context: unknown,
  quiet = false,
): Promise<StrategyEditorLoadResponse> =>
  respond(
    'strategy_editor_load',
    () => handle(parseStrategyEditorLoad(context), loadStrategyEditor, () => ok(rt)),
    optionsFor(rt, quiet),
  );

/** `strategy_fit_setup`, with a smaller time budget when a test asks for one. */
export const invokeSetup = (
  rt: Runtime,
  context: unknown,
  options: Partial<SetupChunkOptions> = {},
  quiet = false,
): Promise<StrategyFitSetupResponse> =>
  respond(
    'strategy_fit_setup',
    () =>
      handle(
        parseStrategyFitSetup(context),
        (runtime, input) => runSetupChunk(runtime, input, { ...SETUP_DEFAULTS, ...options }),
        () => ok(rt),
      ),
    optionsFor(rt, quiet),
  );

export const invokeValidate = (
  rt: Runtime,
  context: unknown,
  quiet = false,
): Promise<StrategyValidateResponse> =>
  respond(
    'strategy_validate',
    () => handle(parseStrategyValidate(context), validateStrategy, () => ok(rt)),
    optionsFor(rt, quiet),
  );

/** `strategy_simulate`, with smaller chunks when a test asks for them. */
export const invokeSimulate = (
  rt: Runtime,
  context: unknown,
  options: Partial<SimulateOptions> = {},
  quiet = false,
): Promise<StrategySimulateResponse> =>
  respond(
    'strategy_simulate',
    () =>
      handle(
        parseStrategySimulate(context),
        (runtime, input) => simulateStrategy(runtime, input, { ...SIMULATE_DEFAULTS, ...options }),
        () => ok(rt),
      ),
    optionsFor(rt, quiet),
  );

export const invokePublish = (
  rt: Runtime,
  context: unknown,
  quiet = false,
): Promise<StrategyPublishResponse> =>
  respond(
    'strategy_publish',
    () => handle(parseStrategyPublish(context), publishStrategyVersion, () => ok(rt)),
    optionsFor(rt, quiet),
  );

export const invokeRollback = (
  rt: Runtime,
  context: unknown,
  quiet = false,
): Promise<StrategyRollbackResponse> =>
  respond(
    'strategy_rollback',
    () => handle(parseStrategyRollback(context), rollbackStrategy, () => ok(rt)),
    optionsFor(rt, quiet),
  );

export const invokePublishConfirm = (
  rt: Runtime,
  context: unknown,
  quiet = false,
): Promise<StrategyPublishConfirmResponse> =>
  respond(
    'strategy_publish_confirm',
    () => handle(parseStrategyPublishConfirm(context), confirmPublish, () => ok(rt)),
    optionsFor(rt, quiet),
  );

/** `user` approves a prepared version on its record in HubSpot's UI (HubSpot records who). */
export const approvePending = (
  portal: Pick<TestPortal, 'editAs'>,
  user: DemoUser,
  pending: Pick<PendingVersion, 'recordId' | 'objectTypeId'>,
  approval: 'approve' | 'approve_not_manager' = 'approve',
): void =>
  portal.editAs(user, pending.objectTypeId, pending.recordId, { [APPROVAL_PROPERTY]: approval });
