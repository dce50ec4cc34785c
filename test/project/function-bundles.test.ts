// The artefact HubSpot runs: src/app/functions/dist/<name>.js. The build is deterministic (a
// fresh build is byte-identical to dist/, so dist/ is also current), and each bundle, `require`d
// in a fresh Node 24 process with nothing but the function environment, answers main(context)
// against the sandbox without loading a single file besides itself.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  ExceptionResponse,
  ScoreRecordResponse,
  StrategyEditorLoadResponse,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
} from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  buildFunctions,
  DIST_DIR,
  functionEntries,
  FUNCTIONS_DIR,
} from '../../scripts/build-functions.ts';
import {
  COMPANIES,
  createCompany,
  createDeal,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  plainDeal,
  REP,
  setDecision,
  startTestPortal,
  writeReason,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { NODES, runFresh } from '../support/functions/run-fresh.ts';
import type { FreshRun } from '../support/functions/run-fresh.ts';

type Env = { PRIVATE_APP_ACCESS_TOKEN: string; HUBSPOT_API_BASE_URL: string };

/** Runs `main(context)` of one dist bundle in a new Node 24 process (the sandbox is in this one). */
const runBundle = (name: string, context: unknown, env: Env): Promise<FreshRun> =>
  runFresh(NODES['24'], join(DIST_DIR, `${name}.js`), context, { cwd: tmpdir(), env });

describe('the function build', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'strategy-fit-functions-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('bundles one CommonJS file per entry, byte-identical to dist/ (deterministic, and dist/ is current)', async () => {
    const built = await buildFunctions(fresh);
    // One bundle per function metafile (test/project/project-components.test.ts ties them to entries).
    expect(built.map((b) => b.name)).toEqual(
      readdirSync(FUNCTIONS_DIR)
        .filter((f) => f.endsWith('-hsmeta.json'))
        .map((f) => f.replace(/-hsmeta\.json$/, ''))
        .sort(),
    );
    expect(functionEntries()).toEqual(built.map((b) => b.name));
    const names = readdirSync(fresh).sort();
    expect(
      readdirSync(DIST_DIR).sort(),
      'dist/ differs from a fresh build: run `npm run build`',
    ).toEqual(names);
    for (const file of names) {
      expect(
        readFileSync(join(fresh, file)).equals(readFileSync(join(DIST_DIR, file))),
        `dist/${file} is not what the build makes: run \`npm run build\` (never edit dist/ by hand)`,
      ).toBe(true);
    }
    for (const b of built) expect(b.bytes).toBeLessThan(3 * 1024 * 1024);
  });
});

describe('each dist bundle in a fresh Node 24 process, against the sandbox', () => {
  let portal: TestPortal;
  let offDeal: string;
  let companyId: string;

  beforeAll(async () => {
    portal = await startTestPortal();
    companyId = await createCompany(portal.hs, COMPANIES.off_strategy);
    offDeal = await createDeal(portal.hs, plainDeal('Bundle check'), { companyId });
  });
  afterAll(() => portal.close());

  it('score_record: loads as CommonJS on its own, exports main, scores the deal', async () => {
    const run = await runBundle(
      'score-record',
      hubspotContext({ objectType: 'deal' }, { hs_object_id: offDeal }),
      portal.env,
    );
    expect(run.node).toMatch(/^v24\./);
    expect(run.exports).toEqual(['main']);
    expect(run.loaded).toEqual([join(DIST_DIR, 'score-record.js')]);
    const answer = ScoreRecordResponse.parse(run.answer);
    expect(
      answer.ok && [answer.value.deal?.tier, answer.value.company?.companyId, answer.value.written],
    ).toEqual(['off_strategy', companyId, true]);
    expect(JSON.stringify(run) + run.stderr).not.toContain(portal.sandbox.token);
  });

  it('request_exception and decide_exception: a rep asks, the manager approves, in HubSpot', async () => {
    writeReason(portal, REP, offDeal, 'Strategic pilot for the region');
    const requested = await runBundle(
      'request-exception',
      hubspotContext({}, { hs_object_id: offDeal }),
      portal.env,
    );
    expect(requested.loaded).toEqual([join(DIST_DIR, 'request-exception.js')]);
    const asked = ExceptionResponse.parse(requested.answer);
    expect(asked.ok && asked.value.exception.status).toBe('requested');
    setDecision(portal, MANAGER, offDeal, 'approve');
    const decided = await runBundle(
      'decide-exception',
      hubspotContext({ requestSeq: 1, decision: 'approve' }, { hs_object_id: offDeal }),
      portal.env,
    );
    const approved = ExceptionResponse.parse(decided.answer);
    expect(approved.ok && approved.value.exception).toMatchObject({
      status: 'approved',
      active: true,
    });
  });

  it('decide_exception: a decision HubSpot says a rep set is refused', async () => {
    const deal = await createDeal(portal.hs, plainDeal('Bundle refusal'), { companyId });
    writeReason(portal, REP, deal, 'Strategic pilot for the region');
    const asked = await runBundle(
      'request-exception',
      hubspotContext({}, { hs_object_id: deal }),
      portal.env,
    );
    expect(ExceptionResponse.parse(asked.answer).ok).toBe(true);
    setDecision(portal, REP, deal, 'approve');
    const run = await runBundle(
      'decide-exception',
      hubspotContext({ requestSeq: 1, decision: 'approve' }, { hs_object_id: deal }),
      portal.env,
    );
    const answer = ExceptionResponse.parse(run.answer);
    expect(answer.ok ? null : answer.error.code).toBe('not_allowed');
    expect(run.stderr).toMatch(/^\[decide_exception\] not_allowed: /);
  });

  it('strategy_editor_load and strategy_publish_confirm (settings page): load on their own; an unapproved version is not published', async () => {
    const loaded = await runBundle('strategy-editor-load', hubspotContext({}), portal.env);
    expect(loaded.loaded).toEqual([join(DIST_DIR, 'strategy-editor-load.js')]);
    const answer = StrategyEditorLoadResponse.parse(loaded.answer);
    expect(
      answer.ok && [answer.value.current?.summary.version, answer.value.people.managers],
    ).toEqual([1, [{ ref: 'manager:0', name: MANAGER.name }]]);
    const prepared = await runBundle(
      'strategy-publish',
      // A strategy other than version 1's: the same one would be nothing to publish.
      hubspotContext({
        strategy: { ...loadExampleStrategy(), name: 'Bundle check' },
        basedOnVersion: 1,
      }),
      portal.env,
    );
    const pending = StrategyPublishResponse.parse(prepared.answer);
    if (!pending.ok || pending.value.outcome !== 'awaiting_approval')
      throw new Error('not prepared');
    const confirmed = await runBundle(
      'strategy-publish-confirm',
      hubspotContext({ pendingId: pending.value.pending.recordId }),
      portal.env,
    );
    const refused = StrategyPublishConfirmResponse.parse(confirmed.answer);
    expect(refused.ok ? null : refused.error.code).toBe('not_verified');
    expect(JSON.stringify([loaded, prepared, confirmed])).not.toContain(portal.sandbox.token);
  });

  it('bad input answers invalid_input without calling HubSpot; a wrong token is hubspot_unauthorized', async () => {
    const bad = await runBundle('score-record', hubspotContext({ objectType: 'deal' }), portal.env);
    expect(ScoreRecordResponse.parse(bad.answer)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const denied = await runBundle(
      'score-record',
      hubspotContext({ objectType: 'deal' }, { hs_object_id: offDeal }),
      { ...portal.env, PRIVATE_APP_ACCESS_TOKEN: 'pat-na1-not-the-token' },
    );
    const answer = ScoreRecordResponse.parse(denied.answer);
    expect(answer.ok ? null : answer.error.code).toBe('hubspot_unauthorized');
    expect(JSON.stringify(denied) + denied.stderr).not.toContain('pat-na1-not-the-token');
  });
});
