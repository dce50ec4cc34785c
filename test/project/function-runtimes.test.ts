// Each app function as HubSpot would run it, on every Node its runtime may be: the functions'
// files taken out of the upload zip (scripts/upload/upload-zip.ts) into an empty directory, the
// entrypoint its *-hsmeta.json names `require`d in a fresh Node 20, 22 and 24 process and
// `main(context)` called (HUBSPOT.md §2.3: the local executor's `require(entry).main(context)`).
// No access token, so each answers `hubspot_unauthorized`, in its contract's shape, without
// calling anyone. Nothing else loads: no package.json makes the bundles CommonJS but the uploaded
// functions package (no "type", like HubSpot's own template).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import {
  ExceptionResponse,
  RescoreStaleResponse,
  ScoreRecordResponse,
  StrategyEditorLoadResponse,
  StrategyPublishResponse,
  StrategyReviewResponse,
  StrategyRollbackResponse,
  StrategySimulateResponse,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { buildUploadZip, PROJECT_DIR } from '../../scripts/upload/upload-zip.ts';
import { validCalls } from '../reliability/support/function-table.ts';
import { hubspotContext } from '../support/functions/test-portal.ts';
import { HsMeta } from './project-layout.ts';

/** Node binaries from the npm registry: the repository's Node 24 and tools/runtimes/node{20,22}. */
const NODES = [
  ['20', join(PROJECT_DIR, 'tools/runtimes/node20/node_modules/node/bin/node')],
  ['22', join(PROJECT_DIR, 'tools/runtimes/node22/node_modules/node/bin/node')],
  ['24', join(PROJECT_DIR, 'node_modules/node/bin/node')],
] as const;

/** Each function's answer schema (the UI ↔ function contract). */
const RESPONSES: Record<string, z.ZodType> = {
  score_record: ScoreRecordResponse,
  request_exception: ExceptionResponse,
  decide_exception: ExceptionResponse,
  strategy_review: StrategyReviewResponse,
  rescore_stale: RescoreStaleResponse,
  strategy_editor_load: StrategyEditorLoadResponse,
  strategy_validate: StrategyValidateResponse,
  strategy_simulate: StrategySimulateResponse,
  strategy_publish: StrategyPublishResponse,
  strategy_rollback: StrategyRollbackResponse,
};

/** What the child reports: its Node, the entry's exports, every module it loaded, main's answer. */
const RUNNER = `
const entry = process.argv[1];
const mod = require(entry);
Promise.resolve(mod.main(JSON.parse(process.argv[2]))).then((answer) => {
  process.stdout.write(JSON.stringify({
    node: process.version,
    exports: Object.keys(mod),
    loaded: Object.keys(require.cache),
    answer,
  }));
});
`;

const Report = z.object({
  node: z.string(),
  exports: z.array(z.string()),
  loaded: z.array(z.string()),
  answer: z.unknown(),
});

/** Runs `require(entry).main(context)` in a new process of `node`, with no token in its env. */
function runFresh(node: string, entry: string, context: unknown, cwd: string) {
  return new Promise<z.output<typeof Report> & { stderr: string }>((resolve, reject) => {
    const child = spawn(node, ['-e', RUNNER, entry, JSON.stringify(context)], {
      cwd,
      env: { PATH: '/usr/bin:/bin' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${entry} on ${node} exited with ${code}: ${stderr}`));
      else resolve({ ...Report.parse(JSON.parse(stdout)), stderr });
    });
  });
}

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
  },
  1,
);

describe.each(NODES)('the uploaded functions in a fresh Node %s process', (major, node) => {
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
        uploaded,
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
});
