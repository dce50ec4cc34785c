import { describe, expect, it } from 'vitest';

import { errorViewFrom } from './error-view.ts';

const unknown = { title: 'Something went wrong', advice: 'Retry.', retry: true };
const view = errorViewFrom(
  { not_allowed: { title: 'Not allowed', advice: 'Ask a manager.', retry: false } },
  unknown,
);

describe('errorViewFrom', () => {
  it('keeps the function’s message as detail unless it repeats the title or the advice', () => {
    expect(view({ code: 'not_allowed', message: ' Only managers decide. ' })).toEqual({
      code: 'not_allowed',
      title: 'Not allowed',
      advice: 'Ask a manager.',
      retry: false,
      detail: 'Only managers decide.',
    });
    expect(view({ code: 'not_allowed', message: 'Ask a manager.' }).detail).toBe('');
    expect(view({ code: 'not_allowed', message: 'Not allowed' }).detail).toBe('');
  });

  it('a code the table does not have reads as the fallback, keeping its code', () => {
    expect(view({ code: 'hubspot_error', message: 'ref 42' })).toEqual({
      ...unknown,
      code: 'hubspot_error',
      detail: 'ref 42',
    });
  });
});
