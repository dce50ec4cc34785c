// The custom code workflow action, as built (one CommonJS file) and as HubSpot calls it:
// `main(event)` against the sandbox, with the token in the secret's environment variable. The
// bundle carries its own copy of score_record's handler; these tests hold it to the source's.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import { FIT_PROPERTIES } from '@strategy-fit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { scoreRecord } from '../../src/app/functions/src/handlers/score-record.ts';
import {
  COMPANIES,
  createCompany,
  readBack,
  startTestPortal,
  value,
} from '../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../test/support/functions/test-portal.ts';
import { buildWorkflowSnippet } from './build.ts';
import type { BuiltSnippet } from './build.ts';
import type { SnippetOutput } from './src/rescore-company.ts';

type Main = (event: unknown, callback?: (o: SnippetOutput) => void) => Promise<SnippetOutput>;

const out = mkdtempSync(join(tmpdir(), 'strategy-fit-snippet-'));
let built: BuiltSnippet;
let portal: TestPortal;
let main: Main;
const saved = { ...process.env };

const useSecret = (p: TestPortal): void => {
  process.env['STRATEGY_FIT_TOKEN'] = p.sandbox.token;
  process.env['HUBSPOT_API_BASE_URL'] = p.sandbox.baseUrl;
};

beforeAll(async () => {
  built = await buildWorkflowSnippet(out);
  main = (createRequire(import.meta.url)(built.file) as { main: Main }).main;
  portal = await startTestPortal();
  useSecret(portal);
});
afterAll(async () => {
  process.env = saved;
  await portal.close();
  rmSync(out, { recursive: true, force: true });
});

/** The fit properties scoring writes to a company (SCORING §8), but `scored_at`. */
const FIT = FIT_PROPERTIES.filter(
  (p) => p.writtenByScoring && p.objects.includes('companies') && !p.name.endsWith('_scored_at'),
).map((p) => p.name);

const fitOf = async (id: string): Promise<Record<string, string | null>> => {
  const read = await readBack(portal.hs, 'companies', id, FIT);
  return Object.fromEntries(FIT.map((name) => [name, read[name] ?? null]));
};

const enrol = (id: string) => ({ object: { objectId: Number(id), objectType: 'COMPANY' } });

/** Every request sent while `run` runs: its status and User-Agent (the api-client's sends its own). */
async function observe<T>(run: () => Promise<T>) {
  const original = globalThis.fetch;
  const sent: { path: string; status: number | null; userAgent: string | null }[] = [];
  globalThis.fetch = async (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const entry = {
      path: url.pathname,
      status: null as number | null,
      userAgent: new Headers(init?.headers).get('user-agent'),
    };
    sent.push(entry);
    const response = await original(input, init);
    entry.status = response.status;
    return response;
  };
  try {
    return { result: await run(), sent };
  } finally {
    globalThis.fetch = original;
  }
}

describe('the workflow snippet (dist/rescore-company.js)', () => {
  it('scores the enrolled company as the cards do, writes the fit, and a second run writes nothing', async () => {
    const id = await createCompany(portal.hs, COMPANIES.dream);
    const outputs: SnippetOutput[] = [];
    const first = await main(enrol(id), (o) => outputs.push(o));
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

  it.each(Object.keys(COMPANIES) as (keyof typeof COMPANIES)[])(
    'a %s company: the snippet writes what score_record writes, and score_record then finds nothing to write',
    async (tier) => {
      const [byWorkflow, byCard] = await Promise.all([
        createCompany(portal.hs, COMPANIES[tier]),
        createCompany(portal.hs, COMPANIES[tier]),
      ]);
      const snippet = await main(enrol(byWorkflow));
      const card = value(
        await scoreRecord(portal.runtime, { objectType: 'company', objectId: byCard }),
      );
      expect(snippet.outputFields).toEqual({
        strategy_fit_tier: card.company?.tier,
        strategy_fit_score: card.company?.fitScore,
        changed: true,
      });
      expect(snippet.outputFields.strategy_fit_tier).toBe(tier);
      expect(await fitOf(byWorkflow)).toEqual(await fitOf(byCard));
      const after = value(
        await scoreRecord(portal.runtime, { objectType: 'company', objectId: byWorkflow }),
      );
      expect(after.written).toBe(false);
      expect({ ...after.company, companyId: byCard }).toEqual(card.company);
    },
  );

  it('sends every request through @hubspot/api-client (its User-Agent), none of its own', async () => {
    const id = await createCompany(portal.hs, COMPANIES.fit);
    const { sent } = await observe(() => main(enrol(id)));
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map((s) => s.userAgent))).toEqual(
      new Set(['hubspot-api-client-nodejs; 14.0.1']),
    );
    const source = readFileSync(new URL('./src/rescore-company.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\bfetch\s*\(/);
  });

  it('retries a rate-limited answer (429 with Retry-After) and then scores and writes', async () => {
    const id = await createCompany(portal.hs, COMPANIES.stretch);
    portal.sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'rateLimit', count: 1 }],
      paths: ['/crm/objects/2026-09/companies/batch/'],
    });
    try {
      const { result, sent } = await observe(() => main(enrol(id)));
      expect(result.outputFields).toEqual({
        strategy_fit_tier: 'stretch',
        strategy_fit_score: expect.any(Number),
        changed: true,
      });
      const batch = sent.filter((s) => s.path.startsWith('/crm/objects/2026-09/companies/batch/'));
      expect(batch.map((s) => `${s.path} ${String(s.status)}`)).toEqual([
        '/crm/objects/2026-09/companies/batch/read 429',
        '/crm/objects/2026-09/companies/batch/read 200',
        '/crm/objects/2026-09/companies/batch/update 200',
      ]);
    } finally {
      portal.sandbox.control.setFaults(undefined);
    }
    expect((await fitOf(id))['strategy_fit_tier']).toBe('stretch');
  });

  it('with no strategy published it fails with a message the workflow history shows', async () => {
    const empty = await startTestPortal({ publish: false });
    try {
      useSecret(empty);
      const id = await createCompany(empty.hs, COMPANIES.dream);
      await expect(main(enrol(id))).rejects.toThrow(
        'No strategy is published yet, so there is nothing to score with. A sales manager publishes one first. [strategy_not_published]',
      );
      expect((await readBack(empty.hs, 'companies', id, FIT))['strategy_fit_tier']).toBeNull();
    } finally {
      useSecret(portal);
      await empty.close();
    }
  });

  it('fails with a message when the company is gone, or the workflow is not on companies', async () => {
    await expect(main(enrol('987654321'))).rejects.toThrow(
      'HubSpot has no company 987654321 (deleted or merged?). [record_not_found]',
    );
    await expect(main({ object: { objectId: 7, objectType: 'CONTACT' } })).rejects.toThrow(
      'This action rescores companies; the workflow enrols CONTACT. [invalid_input]',
    );
  });

  it('without the secret it fails with a message the workflow history shows', async () => {
    const token = process.env['STRATEGY_FIT_TOKEN'];
    delete process.env['STRATEGY_FIT_TOKEN'];
    try {
      await expect(main({ object: { objectId: '1' } })).rejects.toThrow(
        'Add the secret STRATEGY_FIT_TOKEN.',
      );
    } finally {
      process.env['STRATEGY_FIT_TOKEN'] = token;
    }
  });

  /** A Node 20 on PATH (HubSpot's older custom code runtime), when this machine has one. */
  const node20 = (process.env['PATH'] ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'node'))
    .find((bin) => {
      try {
        return (
          existsSync(bin) &&
          execFileSync(bin, ['--version'], { encoding: 'utf8' }).startsWith('v20.')
        );
      } catch {
        return false;
      }
    });

  it.skipIf(node20 === undefined)(
    'runs on Node 20 as well (the bundle is Node 20 syntax)',
    async () => {
      const id = await createCompany(portal.hs, COMPANIES.fit);
      const script = `require(${JSON.stringify(built.file)}).main({ object: { objectId: ${id} } }, (o) => console.log(JSON.stringify({ version: process.version, o })))`;
      const child = spawn(node20 ?? 'node', ['-e', script], {
        env: {
          PATH: '',
          STRATEGY_FIT_TOKEN: portal.sandbox.token,
          HUBSPOT_API_BASE_URL: portal.sandbox.baseUrl,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const answer = JSON.parse(stdout) as { version: string; o: SnippetOutput };
      expect(answer.version).toMatch(/^v20\./);
      expect(answer.o).toEqual({
        outputFields: { strategy_fit_tier: 'fit', strategy_fit_score: 100, changed: true },
      });
    },
  );
});
