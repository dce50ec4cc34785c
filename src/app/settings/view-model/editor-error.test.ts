import { describe, expect, it } from 'vitest';

import { errorView } from './editor-error.ts';

describe('errors as the settings page shows them, by code', () => {
  it('not_allowed is a permission denied, with the function’s reason, and no Retry', () => {
    expect(errorView({ code: 'not_allowed', message: 'Only the strategy managers…' })).toEqual({
      code: 'not_allowed',
      title: 'Permission denied',
      advice: 'Only a strategy manager of the published version may approve it in HubSpot.',
      detail: 'Only the strategy managers…',
      retry: false,
      denied: true,
    });
  });

  it('passing trouble offers Retry; a code of another surface falls back to a generic wording', () => {
    expect(errorView({ code: 'hubspot_unavailable', message: '' })).toMatchObject({
      title: 'HubSpot did not answer',
      detail: '',
      retry: true,
      denied: false,
    });
    expect(errorView({ code: 'checkpoint_invalid', message: 'x' })).toMatchObject({
      title: 'Something went wrong',
      retry: true,
    });
  });
});
