// The demo's in-app path (issue 11): what an admin and a manager do inside HubSpot, played on the
// demo portal with the app's own functions, called as HubSpot calls them (`main(context)`, the
// function environment pointed at the portal): setup from the settings page in chunks, the first
// version from the example template (validate, simulate with the focus guard, prepare), approved
// by the seeded manager in HubSpot's own UI (the sandbox's "edit as a user"), confirmed, and a
// card scoring its record. No CLI command runs here.
import {
  emptySimulationPart,
  formatNumber,
  mergeSimulationParts,
  plural,
  ScoreRecordResponse,
  simulationFocusGuard,
  simulationMatrixOf,
  StrategyEditorLoadResponse,
  StrategyFitSetupResponse,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
  StrategySchema,
  StrategySimulateResponse,
  StrategyValidateResponse,
  tierWord,
} from '@strategy-fit/core';
import type { StrategyInput } from '@strategy-fit/core';
import { APPROVAL_PROPERTY, listOwners, listRecords } from '@strategy-fit/hubspot';
import type { HubSpot } from '@strategy-fit/hubspot';
import type { RunningSandbox } from '@strategy-fit/sandbox';

import { main as scoreRecord } from '../../../../src/app/functions/src/entries/score-record.ts';
import { main as load } from '../../../../src/app/functions/src/entries/strategy-editor-load.ts';
import { main as setup } from '../../../../src/app/functions/src/entries/strategy-fit-setup.ts';
import { main as confirm } from '../../../../src/app/functions/src/entries/strategy-publish-confirm.ts';
import { main as publish } from '../../../../src/app/functions/src/entries/strategy-publish.ts';
import { main as simulate } from '../../../../src/app/functions/src/entries/strategy-simulate.ts';
import { main as validate } from '../../../../src/app/functions/src/entries/strategy-validate.ts';
import type { CommandIo } from '../bulk/command-io.ts';
import { EXIT } from '../bulk/command-io.ts';

/** The example the demo starts version 1 from (examples/strategies/, bundled as a template). */
export const DEMO_TEMPLATE = '02-b2b-saas';

/** A context as HubSpot builds it for an app function's `main`. */
const contextOf = (parameters: unknown, propertiesToSend: Record<string, string> = {}) => ({
  parameters,
  propertiesToSend,
  secrets: {},
});

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Sets the function environment for `run` (what HubSpot gives a function), then restores it. */
const withFunctionEnv = async <T>(sandbox: RunningSandbox, run: () => Promise<T>): Promise<T> => {
  const keys = ['PRIVATE_APP_ACCESS_TOKEN', 'HUBSPOT_API_BASE_URL'] as const;
  const before = keys.map((k) => [k, process.env[k]] as const);
  process.env['PRIVATE_APP_ACCESS_TOKEN'] = sandbox.token;
  process.env['HUBSPOT_API_BASE_URL'] = sandbox.baseUrl;
  try {
    return await run();
  } finally {
    for (const [k, v] of before) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
};

class StepFailed extends Error {}

/**
 * Steps 1 and 2 of the demo, inside HubSpot: returns the exit code (0: version 1 is published
 * and a card scored its record). `step` prints a step's heading.
 */
export const runInAppPath = (
  hs: HubSpot,
  sandbox: RunningSandbox,
  io: CommandIo,
  step: (n: number, text: string) => void,
): Promise<number> =>
  withFunctionEnv(sandbox, async () => {
    const line = (text: string) => io.stdout.write(`  ${text}\n`);
    /** Calls a function's `main`, parses its answer, and says how long it took. */
    const call = async <T>(
      name: string,
      run: () => Promise<unknown>,
      schema: { parse: (v: unknown) => Answer<T> },
    ): Promise<{ value: T; ms: number }> => {
      const started = performance.now();
      const answer = schema.parse(await run());
      const ms = Math.round(performance.now() - started);
      if (!answer.ok) {
        io.stderr.write(`${name}: ${answer.error.code}: ${answer.error.message}\n`);
        throw new StepFailed(name);
      }
      return { value: answer.value, ms };
    };
    try {
      step(
        1,
        'In HubSpot, the settings page: “Set up Strategy Fit” (app function strategy_fit_setup)',
      );
      const fresh = await call(
        'strategy_editor_load',
        () => load(contextOf({})),
        StrategyEditorLoadResponse,
      );
      const missing = fresh.value.setup.steps.reduce((n, s) => n + s.missing.length, 0);
      line(
        `strategy_editor_load: nothing published; setup has ${plural(missing, 'thing')} to create.`,
      );
      let from: string | undefined;
      let created = 0;
      let found = 0;
      for (let chunk = 1; ; chunk += 1) {
        const { value, ms } = await call(
          'strategy_fit_setup',
          () => setup(contextOf(from === undefined ? {} : { from })),
          StrategyFitSetupResponse,
        );
        const changes = value.done.flatMap((d) => d.changes);
        created += changes.filter((c) => c.status !== 'unchanged').length;
        found += changes.filter((c) => c.status === 'unchanged').length;
        line(
          `strategy_fit_setup call ${chunk}: steps ${value.progress.stepsDone} of ${value.progress.stepsTotal} done, ${changes.length} checked (${ms} ms)`,
        );
        if (value.next === null) break;
        from = value.next;
      }
      line(`Set up: ${created} created or completed, ${found} there already.`);

      const setUp = await call(
        'strategy_editor_load',
        () => load(contextOf({})),
        StrategyEditorLoadResponse,
      );
      const template = setUp.value.templates.find((t) => t.id === DEMO_TEMPLATE);
      if (template === undefined) {
        io.stderr.write(`strategy_editor_load: the template ${DEMO_TEMPLATE} is missing\n`);
        return EXIT.unusable;
      }
      // The seeded manager: the example's manager, as HubSpot's users list knows them.
      const owners = await listOwners(hs);
      const managerId = template.strategy.managers?.userIds[0] ?? '9100001';
      const manager = (owners.ok ? owners.value : []).find((o) => String(o.userId) === managerId);
      const managerName = [manager?.firstName, manager?.lastName].filter(Boolean).join(' ');
      if (manager?.email === undefined || manager.email === null) {
        io.stderr.write(`The demo portal has no user ${managerId} to approve version 1\n`);
        return EXIT.unusable;
      }

      step(
        2,
        `In HubSpot, the settings page: version 1 from the example “${template.name}”, approved by ${managerName}; then a card`,
      );
      line(
        `strategy_editor_load: ${plural(setUp.value.templates.length, 'template')} to start from; the admin picks “${template.name}” and names ${manager.email} as a manager.`,
      );
      const strategy: StrategyInput = {
        ...template.strategy,
        managers: { userIds: [manager.email], teamIds: [] },
      };
      const checked = await call(
        'strategy_validate',
        () => validate(contextOf({ strategy })),
        StrategyValidateResponse,
      );
      line(
        `strategy_validate: ${checked.value.valid ? 'valid on this portal' : `${plural(checked.value.issues.length, 'issue')}`}.`,
      );
      let part = emptySimulationPart();
      let cursor: unknown;
      let chunks = 0;
      let simulateMs = 0;
      do {
        chunks += 1;
        const at = cursor;
        const { value, ms } = await call(
          'strategy_simulate',
          () => simulate(contextOf({ strategy, ...(at === undefined ? {} : { cursor: at }) })),
          StrategySimulateResponse,
        );
        simulateMs += ms;
        part = mergeSimulationParts(part, value.part);
        cursor = value.cursor ?? undefined;
      } while (cursor !== undefined);
      const matrix = simulationMatrixOf(part);
      const tiers = matrix.columns
        .filter((c) => c.total.companies > 0)
        .map((c) => `${tierWord(c.newTier)} ${formatNumber(c.total.companies)}`)
        .join(', ');
      line(`strategy_simulate: ${plural(chunks, 'call')}, ${simulateMs} ms: ${tiers}.`);
      const focus = simulationFocusGuard(StrategySchema.parse(strategy), matrix);
      line(
        focus.warnings.length === 0
          ? 'The focus guard has nothing to say.'
          : `The focus guard warns (the manager acknowledges before preparing): ${focus.warnings.map((w) => w.message).join(' ')}`,
      );
      const prepared = await call(
        'strategy_publish',
        () => publish(contextOf({ strategy, basedOnVersion: null })),
        StrategyPublishResponse,
      );
      if (prepared.value.outcome !== 'awaiting_approval') {
        io.stderr.write(`strategy_publish: ${prepared.value.outcome}\n`);
        return EXIT.unusable;
      }
      const pending = prepared.value.pending;
      line(
        `strategy_publish: version 1 prepared (record ${pending.recordId}); nothing reaches reps until a manager approves it.`,
      );
      // What the manager does on HubSpot's own record page; HubSpot records it as theirs (CRM_UI).
      sandbox.control.editAsUser({
        objectType: pending.objectTypeId,
        id: pending.recordId,
        userId: managerId,
        properties: { [APPROVAL_PROPERTY]: 'approve' },
      });
      line(
        `${managerName} opens the record in HubSpot and sets “Approval” to “Approve: publish it” (HubSpot records the edit as theirs).`,
      );
      const published = await call(
        'strategy_publish_confirm',
        () => confirm(contextOf({ pendingId: pending.recordId })),
        StrategyPublishConfirmResponse,
      );
      if (published.value.outcome !== 'published') {
        io.stderr.write(`strategy_publish_confirm: ${published.value.outcome}\n`);
        return EXIT.unusable;
      }
      line(
        `strategy_publish_confirm: Published version ${published.value.version.version} of “${published.value.version.strategyName}”, approved by ${published.value.version.publishedByLabel}.`,
      );

      // A rep opens a company: its card calls score_record on the record HubSpot says it is on.
      const page = await listRecords(hs, {
        objectType: 'companies',
        properties: ['name'],
        limit: 20,
      });
      for (const company of page.ok ? page.value.records : []) {
        const card = await call(
          'score_record',
          () => scoreRecord(contextOf({ objectType: 'company' }, { hs_object_id: company.id })),
          ScoreRecordResponse,
        );
        const score = card.value.company;
        if (score === null || (score.tier !== 'dream' && score.tier !== 'fit')) continue;
        line(
          `score_record (the company card of ${company.properties['name'] ?? company.id}): ${tierWord(score.tier)}, ${score.fitScore} %, written to HubSpot (${card.ms} ms).`,
        );
        if (score.positioning !== null) {
          line(`  The card tells the rep: ${score.positioning.valueProposition}`);
        }
        break;
      }
      return EXIT.ok;
    } catch (e) {
      if (e instanceof StepFailed) return EXIT.unusable;
      throw e;
    }
  });
