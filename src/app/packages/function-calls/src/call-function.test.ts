import { ScoreRecordResponse } from '@strategy-fit/core';
import { describe, expect, it, vi } from 'vitest';

import { callFunction } from './call-function.ts';
import type { FunctionRunner } from './call-function.ts';

const parameters = { objectType: 'company', objectId: '1' };

describe('callFunction', () => {
  it('passes the uid and options to the runner and answers a refusal with its own code', async () => {
    const run = vi.fn<FunctionRunner>(async () => ({
      ok: false,
      error: { code: 'not_allowed', message: 'Only managers.' },
    }));
    const r = await callFunction(run, 'score_record', { parameters }, ScoreRecordResponse);
    expect(run).toHaveBeenCalledWith('score_record', { parameters });
    expect(r).toEqual({ ok: false, error: { code: 'not_allowed', message: 'Only managers.' } });
  });

  it('a rejected call is function_failed with HubSpot’s message', async () => {
    const run: FunctionRunner = async () => {
      throw new Error('Task timed out after 15.00 seconds.');
    };
    expect(await callFunction(run, 'score_record', { parameters }, ScoreRecordResponse)).toEqual({
      ok: false,
      error: { code: 'function_failed', message: 'Task timed out after 15.00 seconds.' },
    });
  });

  it('an answer outside the contract is invalid_response, never passed on', async () => {
    const run: FunctionRunner = async () => ({ ok: true, value: { tier: 'dream' } });
    expect(await callFunction(run, 'score_record', { parameters }, ScoreRecordResponse)).toEqual({
      ok: false,
      error: { code: 'invalid_response', message: 'score_record answered outside the contract.' },
    });
  });
});
