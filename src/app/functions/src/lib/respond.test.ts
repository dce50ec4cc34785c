import { err, ok, strategyFitError } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { respond } from './respond.ts';

const TOKEN = 'pat-na1-0000-secret-token';

const collect = () => {
  const lines: string[] = [];
  return { lines, options: { secrets: [TOKEN], log: (line: string) => lines.push(line) } };
};

describe('respond: the one way an app function answers', () => {
  it('passes a value through as { ok: true, value }', async () => {
    const { options } = collect();
    expect(await respond('f', async () => ok({ n: 1 }), options)).toEqual({
      ok: true,
      value: { n: 1 },
    });
  });

  it('answers an expected failure with its code, redacting the token and dropping objectType', async () => {
    const { lines, options } = collect();
    const failure = strategyFitError('hubspot_bad_request', `HubSpot said: bad token ${TOKEN}`, {
      objectType: 'companies',
      recordId: '42',
      property: TOKEN,
    });
    const answer = await respond('f', async () => err(failure), options);
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'hubspot_bad_request',
        message: 'HubSpot said: bad token [redacted]',
        recordId: '42',
        property: '[redacted]',
      },
    });
    expect(lines).toEqual(['[f] hubspot_bad_request: HubSpot said: bad token [redacted]']);
  });

  it('answers a throw (a bug) with hubspot_error and a reference, never the stack or the token', async () => {
    const { lines, options } = collect();
    const answer = await respond(
      'f',
      async () => {
        throw new TypeError(`cannot read ${TOKEN}`);
      },
      options,
    );
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'hubspot_error',
        message: expect.stringMatching(
          /^Strategy Fit hit an unexpected problem\. Try again; if it keeps happening, report reference [0-9a-f]{8}\.$/,
        ),
      },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[f\] unexpected error, reference [0-9a-f]{8}: TypeError: cannot read \[redacted\]\n/,
    );
    expect(lines[0]).not.toContain(TOKEN);
  });

  it('withholds a value that would carry the token', async () => {
    const { options } = collect();
    const answer = await respond('f', async () => ok({ echoed: TOKEN }), options);
    expect(answer.ok ? null : answer.error.code).toBe('hubspot_error');
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
  });

  it('logs HubSpot trouble and refusals, not the rep’s own input mistakes', async () => {
    const { lines, options } = collect();
    await respond('f', async () => err(strategyFitError('invalid_input', 'x')), options);
    await respond('f', async () => err(strategyFitError('not_allowed', 'no')), options);
    expect(lines).toEqual(['[f] not_allowed: no']);
  });
});
