// The custom code workflow action, as built (one CommonJS file) and as HubSpot calls it:
// `main(event)` against the sandbox, with the token in the secret's environment variable.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  COMPANIES,
  createCompany,
  readBack,
  startTestPortal,
} from '../../src/app/functions/src/testing/test-portal.ts';
import type { TestPortal } from '../../src/app/functions/src/testing/test-portal.ts';
import { buildWorkflowSnippet } from './build.ts';
import type { SnippetEvent, SnippetOutput } from './src/rescore-company.ts';

type Main = (event: SnippetEvent, callback?: (o: SnippetOutput) => void) => Promise<SnippetOutput>;

const out = mkdtempSync(join(tmpdir(), 'strategy-fit-snippet-'));
let portal: TestPortal;
let main: Main;
const saved = { ...process.env };

beforeAll(async () => {
  const built = await buildWorkflowSnippet(out);
  main = (createRequire(import.meta.url)(built.file) as { main: Main }).main;
  portal = await startTestPortal();
  process.env['STRATEGY_FIT_TOKEN'] = portal.sandbox.token;
  process.env['HUBSPOT_API_BASE_URL'] = portal.sandbox.baseUrl;
});
afterAll(async () => {
  process.env = saved;
  await portal.close();
  rmSync(out, { recursive: true, force: true });
});

const FIT = ['strategy_fit_tier', 'strategy_fit_score', 'strategy_fit_version'];

describe('the workflow snippet (dist/rescore-company.js)', () => {
  it('scores the enrolled company as the cards do, writes the fit, and a second run writes nothing', async () => {
    const id = await createCompany(portal.hs, COMPANIES.dream);
    const outputs: SnippetOutput[] = [];
    const first = await main({ object: { objectId: Number(id), objectType: 'COMPANY' } }, (o) =>
      outputs.push(o),
    );
    expect(first).toEqual({
      outputFields: { strategy_fit_tier: 'dream', strategy_fit_score: 100, changed: true },
    });
    expect(outputs).toEqual([first]);
    const written = await readBack(portal.hs, 'companies', id, FIT);
    expect([written['strategy_fit_tier'], written['strategy_fit_version']]).toEqual(['dream', '1']);
    const second = await main({ object: { objectId: id } });
    expect(second.outputFields.changed).toBe(false);
    expect((await readBack(portal.hs, 'companies', id, FIT))['hs_lastmodifieddate']).toBe(
      written['hs_lastmodifieddate'],
    );
  });

  it('without the secret it fails with a message the workflow history shows', async () => {
    const token = process.env['STRATEGY_FIT_TOKEN'];
    delete process.env['STRATEGY_FIT_TOKEN'];
    await expect(main({ object: { objectId: '1' } })).rejects.toThrow(
      'Add the secret STRATEGY_FIT_TOKEN.',
    );
    process.env['STRATEGY_FIT_TOKEN'] = token;
  });
});
