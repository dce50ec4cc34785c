import type { RunningSandbox } from '@strategy-fit/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { apiPaths } from './api-paths.ts';
import type { HubSpot } from './create-client.ts';
import { ensureFitProperties } from './ensure-fit-properties.ts';
import { readRecords } from './read-records.ts';
import { hubspotRequest } from './request.ts';
import {
  connect,
  recordRequests,
  startTestSandbox,
  value,
} from '../../../../../test/support/hubspot/sandbox.ts';
import { z } from 'zod';
import { writeRecords } from './write-records.ts';

let sandbox: RunningSandbox;
let hs: HubSpot;

beforeAll(async () => {
  sandbox = await startTestSandbox({
    seed: { seed: 7, companies: 250, deals: 20, asOf: '2026-11-01' },
  });
  hs = connect(sandbox).hs;
  value(await ensureFitProperties(hs));
});
afterEach(() => sandbox.control.setFaults(undefined));
afterAll(() => sandbox.close());

const ids = (from: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => String(from + i));

type Sent = { inputs: { id: string; objectWriteTraceId?: string }[] };
const inputIds = (body: unknown): string[] => (body as Sent).inputs.map((i) => i.id);

describe('writeRecords', () => {
  it('writes in batches of 100 and the values read back', async () => {
    const updates = ids(1001, 230).map((id, i) => ({
      id,
      properties: { strategy_fit_score: String(i % 101), strategy_fit_tier: 'fit' },
    }));
    const { result, sent } = await recordRequests(() => writeRecords(hs, 'companies', updates));
    expect(value(result)).toEqual({ written: ids(1001, 230), failed: [] });
    expect(sent.map((s) => inputIds(s.body).length)).toEqual([100, 100, 30]);
    // Multi-status mode: every input carries its record id as the write trace id.
    expect((sent[0]?.body as Sent).inputs[0]).toMatchObject({
      id: '1001',
      objectWriteTraceId: '1001',
    });
    const back = value(
      await readRecords(
        hs,
        'companies',
        ['1001', '1230'],
        ['strategy_fit_score', 'strategy_fit_tier'],
      ),
    );
    expect(back.records.map((r) => r.properties)).toEqual([
      expect.objectContaining({ strategy_fit_score: '0', strategy_fit_tier: 'fit' }),
      expect.objectContaining({ strategy_fit_score: '27', strategy_fit_tier: 'fit' }), // 229 % 101
    ]);
  });

  it('on a 207, sends again only the inputs that failed, and then they are written', async () => {
    sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'partialBatch' }],
      partialBatchShare: 0.25,
    });
    const updates = ids(1001, 40).map((id) => ({
      id,
      properties: { strategy_fit_reason: 'retried' },
    }));
    const { result, sent } = await recordRequests(() => writeRecords(hs, 'companies', updates));
    const outcome = value(result);
    expect(outcome.failed).toEqual([]);
    expect(outcome.written.sort()).toEqual(ids(1001, 40));
    expect(sent).toHaveLength(2);
    const first = inputIds(sent[0]?.body);
    const second = inputIds(sent[1]?.body);
    expect(first).toHaveLength(40);
    expect(second).toHaveLength(10); // 25 % of 40
    const back = value(await readRecords(hs, 'companies', second, ['strategy_fit_reason']));
    expect(back.records.every((r) => r.properties['strategy_fit_reason'] === 'retried')).toBe(true);
  });

  it('reports a record HubSpot refuses, with its id and property, writes the others, and does not retry it', async () => {
    const { result, sent } = await recordRequests(() =>
      writeRecords(hs, 'companies', [
        { id: '1001', properties: { strategy_fit_score: '10' } },
        { id: '1002', properties: { strategy_fit_tier: 'superb' } },
        { id: '999999', properties: { strategy_fit_score: '1' } },
      ]),
    );
    expect(value(result)).toEqual({
      written: ['1001'],
      failed: [
        {
          id: '1002',
          error: {
            code: 'hubspot_bad_request',
            message:
              'HubSpot refused the update of companies 1002: strategy_fit_tier: superb was not one of the allowed options: [Dream, Fit, Stretch, Needs data, Off strategy, Refused]',
            property: 'strategy_fit_tier',
            objectType: 'companies',
            recordId: '1002',
          },
        },
        {
          id: '999999',
          error: {
            code: 'record_not_found',
            message:
              'HubSpot could not do the update of companies 999999: the record does not exist (deleted or merged?).',
            objectType: 'companies',
            recordId: '999999',
          },
        },
      ],
    });
    expect(sent).toHaveLength(1);
  });

  it('gives up on inputs that keep failing and reports them; merges updates of one record', async () => {
    sandbox.control.setFaults({
      schedule: [{ request: 1, fault: 'partialBatch', count: 10 }],
      partialBatchShare: 1,
    });
    const outcome = value(
      await writeRecords(hs, 'deals', [
        { id: '1300', properties: { strategy_fit_score: '1' } },
        { id: '1300', properties: { strategy_fit_tier: 'fit' } },
      ]),
    );
    expect(outcome.written).toEqual([]);
    expect(outcome.failed.map((f) => [f.id, f.error.code])).toEqual([
      ['1300', 'hubspot_unavailable'],
    ]);
  });

  it('fails the whole write only for auth problems', async () => {
    const stranger = connect(sandbox, { accessToken: 'pat-na1-wrong' }).hs;
    const result = await writeRecords(stranger, 'companies', [
      { id: '1001', properties: { strategy_fit_score: '1' } },
    ]);
    expect(result.ok ? null : result.error.code).toBe('hubspot_unauthorized');
    expect(value(await writeRecords(hs, 'companies', []))).toEqual({ written: [], failed: [] });
  });
});

describe('writeRecords and the portal’s property validation rules (2026-09)', () => {
  it('reports a record a rule refuses with the rule’s message, and writes the rest', async () => {
    // A portal admin sets a rule through HubSpot's property validations API.
    value(
      await hubspotRequest(hs, {
        method: 'PUT',
        path: apiPaths.propertyValidations('0-2', 'strategy_fit_reason', 'rule-type', 'REGEX'),
        body: { ruleArguments: ['[^!]*', 'Reasons may not shout.'] },
        answer: z.undefined(),
        operation: 'setting a validation rule',
      }),
    );
    const updates = ids(1101, 5).map((id, i) => ({
      id,
      properties: { strategy_fit_reason: i % 2 === 0 ? 'Dream segment' : 'Exclusion!' },
    }));
    const outcome = value(await writeRecords(hs, 'companies', updates));
    expect(outcome.written).toEqual(['1101', '1103', '1105']);
    expect(outcome.failed).toEqual([
      {
        id: '1102',
        error: {
          code: 'hubspot_bad_request',
          message:
            'HubSpot refused the update of companies 1102: strategy_fit_reason: Reasons may not shout.',
          property: 'strategy_fit_reason',
          objectType: 'companies',
          recordId: '1102',
        },
      },
      expect.objectContaining({ id: '1104', error: expect.objectContaining({ recordId: '1104' }) }),
    ]);
    const back = value(
      await readRecords(hs, 'companies', ['1101', '1102'], ['strategy_fit_reason']),
    );
    expect(back.records.map((r) => r.properties['strategy_fit_reason'])).toEqual([
      'Dream segment',
      null,
    ]);
  });
});
