import { describe, expect, it } from 'vitest';

import { err, ok } from './result.ts';

describe('Result', () => {
  it('wraps values and errors as plain objects that survive JSON', () => {
    expect(JSON.parse(JSON.stringify(ok(1)))).toEqual({ ok: true, value: 1 });
    expect(JSON.parse(JSON.stringify(err({ code: 'x' })))).toEqual({
      ok: false,
      error: { code: 'x' },
    });
  });
});
