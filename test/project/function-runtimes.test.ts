// Each app function as HubSpot would run it, on every Node its runtime may be: the functions'
// files taken out of the upload zip (scripts/upload/upload-zip.ts) into an empty directory, the
// entrypoint its *-hsmeta.json names `require`d in a fresh Node 20, 22 and 24 process and
// `main(context)` called (HUBSPOT.md §2.3: the local executor's `require(entry).main(context)`).
// No access token, so each answers `hubspot_unauthorized`, in its contract's shape, without
// calling anyone. Nothing else loads: no package.json makes the bundles CommonJS but the uploaded
// functions package (no "type", like HubSpot's own template).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import {
  ExceptionResponse,
  RescoreStaleResponse,
  ScoreRecordResponse,
  StrategyEditorLoadResponse,
  StrategyFitSetupResponse,
  StrategyPublishConfirmResponse,
  StrategyPublishResponse,
  StrategyReviewResponse,
  StrategyRollbackResponse,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { buildUploadZip } from '../../scripts/upload/upload-zip.ts';
import { validCalls } from '../reliability/support/function-table.ts';
import { NODES, runFresh } from '../support/functions/run-fresh.ts';
import { hubspotContext } from '../support/functions/test-portal.ts';
import { HsMeta } from './project-layout.ts';

/** Each function's answer schema (the UI ↔ function contract). */
const RESPONSES: Record<string, z.ZodType> = {
  score_record: ScoreRecordResponse,
  request_exception: ExceptionResponse,
  decide_exception: ExceptionResponse,
  strategy_review: StrategyReviewResponse,
  rescore_stale: RescoreStaleResponse,
  strategy_editor_load: StrategyEditorLoadResponse,
  strategy_fit_setup: StrategyFitSetupResponse,
  strategy_validate: StrategyValidateResponse,
  strategy_simulate: StrategySimulateResponse,
  strategy_publish: StrategyPublishResponse,
  strategy_publish_confirm: StrategyPublishConfirmResponse,
  strategy_rollback: StrategyRollbackResponse,
};

const uploaded = mkdtempSync(join(tmpdir(), 'strategy-fit-uploaded-'));
/** The app functions in the zip: uid and the entrypoint file in `uploaded`. */
let functions: { uid: string; entry: string }[] = [];

beforeAll(async () => {
  const zip = await buildUploadZip();
  for (const e of zip.entries.filter((x) => x.name.startsWith('app/functions/'))) {
    mkdirSync(dirname(join(uploaded, e.name)), { recursive: true });
    writeFileSync(join(uploaded, e.name), e.read());
  }
  functions = zip.entries
    .filter((e) => e.name.startsWith('app/functions/') && e.name.endsWith('-hsmeta.json'))
    .map((e) => HsMeta.parse(JSON.parse(e.read().toString('utf8'))))
    .filter((meta) => meta.type === 'app-function')
    .map((meta) => ({ uid: meta.uid, entry: join(uploaded, meta.config.entrypoint ?? '') }));
}, 60_000);
afterAll(() => rmSync(uploaded, { recursive: true, force: true }));

const CALLS = validCalls(
  {
    company: '1001',
    offStrategyCompany: '1002',
    deal: '2001',
    offStrategyDeal: '2002',
    requestedDeal: '2003',
    lineItem: '3001',
    pendingId: '4001',
  },
  1,
);

describe.each(Object.entries(NODES))(
  'the uploaded functions in a fresh Node %s process',
  (major, node) => {
    it(`every function loads as CommonJS on its own and answers hubspot_unauthorized without a token`, async () => {
      expect(functions.map((f) => f.uid).sort()).toEqual(Object.keys(RESPONSES).sort());
      for (const { uid, entry } of functions) {
        const call = CALLS[uid];
        const schema = RESPONSES[uid];
        if (call === undefined || schema === undefined) throw new Error(`no call for ${uid}`);
        const run = await runFresh(
          node,
          entry,
          hubspotContext(call.parameters, call.propertiesToSend),
          { cwd: uploaded },
        );
        expect(run.node.split('.')[0], uid).toBe(`v${major}`);
        expect(run.exports, uid).toEqual(['main']);
        expect(run.loaded, `${uid} loads nothing but its bundle`).toEqual([entry]);
        const answer = z
          .object({ ok: z.literal(false), error: z.object({ code: z.string() }) })
          .parse(schema.parse(run.answer));
        expect(answer.error.code, uid).toBe('hubspot_unauthorized');
      }
    }, 120_000);
  },
);
