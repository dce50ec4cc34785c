import { ErrorCode } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import type { CardErrorCode } from './card-error.ts';
import { errorView } from './card-error.ts';

const codes: CardErrorCode[] = [...ErrorCode.options, 'function_failed', 'invalid_response'];

describe('errorView', () => {
  it('words every product error code and both card-side codes', () => {
    for (const code of codes) {
      const view = errorView({ code, message: '' });
      expect(view.title, code).not.toBe('');
      expect(view.advice, code).not.toBe('');
    }
  });

  it('offers Retry where trying again may help, not where someone must act first', () => {
    const retry = (code: CardErrorCode) => errorView({ code, message: 'x' }).retry;
    expect(retry('hubspot_unavailable')).toBe(true);
    expect(retry('hubspot_rate_limited')).toBe(true);
    expect(retry('function_failed')).toBe(true);
    expect(retry('strategy_invalid')).toBe(false);
    expect(retry('hubspot_forbidden')).toBe(false);
    expect(retry('not_allowed')).toBe(false);
  });

  it('shows the function’s own message as the detail', () => {
    expect(
      errorView({ code: 'hubspot_unavailable', message: 'HubSpot answered 503 after 3 attempts' }),
    ).toMatchInlineSnapshot(`
      {
        "advice": "Try again in a moment.",
        "code": "hubspot_unavailable",
        "detail": "HubSpot answered 503 after 3 attempts",
        "retry": true,
        "title": "HubSpot did not answer",
      }
    `);
  });

  it('does not repeat the title as the detail', () => {
    expect(
      errorView({ code: 'hubspot_unavailable', message: 'HubSpot did not answer' }).detail,
    ).toBe('');
  });
});
