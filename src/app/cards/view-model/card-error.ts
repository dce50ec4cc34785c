import { errorViewFrom } from '@strategy-fit/function-calls';
import type { CallError, CallErrorCode, Wording } from '@strategy-fit/function-calls';

/** What went wrong when a call to an app function failed (`@strategy-fit/function-calls`). */
export type CardErrorCode = CallErrorCode;

export type CardError = CallError;

const ASK_MANAGER = 'Ask a sales manager to check the published strategy.';
const ASK_ADMIN = 'Ask a HubSpot admin to reinstall or reconnect the Strategy Fit app.';

/** One table of wording, keyed by error code (STYLE §14); docs/errors.md explains each code. */
const WORDING: Readonly<Record<CardErrorCode, Wording>> = {
  strategy_invalid: {
    title: 'The published strategy is invalid',
    advice: ASK_MANAGER,
    retry: false,
  },
  strategy_too_large: {
    title: 'The published strategy is too large',
    advice: ASK_MANAGER,
    retry: false,
  },
  strategy_not_published: {
    title: 'No strategy published yet',
    advice: 'A sales manager must publish a strategy before records can be scored.',
    retry: true,
  },
  strategy_unchanged: {
    title: 'The strategy did not change',
    advice: 'Nothing was published: it is the same as the active version.',
    retry: false,
  },
  strategy_property_unknown: {
    title: 'The strategy names a property this portal does not have',
    advice: ASK_MANAGER,
    retry: false,
  },
  strategy_property_unreadable: {
    title: 'The strategy cannot read one of its properties',
    advice: ASK_MANAGER,
    retry: false,
  },
  record_not_found: {
    title: 'This record could not be found',
    advice: 'Refresh the page; the record may have been deleted or merged.',
    retry: true,
  },
  invalid_input: {
    title: 'The request was not valid',
    advice: 'Correct the highlighted field and try again.',
    retry: false,
  },
  not_allowed: {
    title: 'You are not allowed to do this',
    advice: 'Ask a strategy manager, or a HubSpot admin if you think you should be allowed.',
    retry: false,
  },
  not_verified: {
    title: 'HubSpot has no record of your edit yet',
    advice:
      'Set the field named in the message on this deal (HubSpot records who sets it), then try again.',
    retry: true,
  },
  conflict: {
    title: 'Something changed while you were deciding',
    advice: 'Read what changed, then decide again.',
    retry: true,
  },
  exception_not_allowed: {
    title: 'This exception cannot be changed now',
    advice: 'Rescore to see the current state of the deal.',
    retry: true,
  },
  hubspot_unauthorized: {
    title: 'HubSpot refused the app’s access',
    advice: ASK_ADMIN,
    retry: false,
  },
  hubspot_forbidden: {
    title: 'The app may not read or write this record',
    advice: ASK_ADMIN,
    retry: false,
  },
  hubspot_rate_limited: {
    title: 'HubSpot is busy',
    advice: 'Too many requests at once. Wait a few seconds and retry.',
    retry: true,
  },
  hubspot_unavailable: {
    title: 'HubSpot did not answer',
    advice: 'Try again in a moment.',
    retry: true,
  },
  hubspot_bad_request: {
    title: 'HubSpot rejected a request',
    advice: 'Retry; if it happens again, report the message below.',
    retry: true,
  },
  hubspot_error: {
    title: 'Something went wrong in HubSpot',
    advice: 'Retry; if it happens again, report the message below.',
    retry: true,
  },
  sandbox_unavailable: {
    title: 'The development sandbox is not running',
    advice: 'Start it (npm start) and retry.',
    retry: true,
  },
  checkpoint_invalid: {
    title: 'Unexpected error',
    advice: 'Retry; if it happens again, report the message below.',
    retry: true,
  },
  already_running: {
    title: 'Unexpected error',
    advice: 'Retry; if it happens again, report the message below.',
    retry: true,
  },
  file_not_found: {
    title: 'Unexpected error',
    advice: 'Retry; if it happens again, report the message below.',
    retry: true,
  },
  file_invalid: {
    title: 'Unexpected error',
    advice: 'Retry; if it happens again, report the message below.',
    retry: true,
  },
  function_failed: {
    title: 'Strategy Fit could not be reached',
    advice: 'The scoring function did not run or took too long. Try again in a moment.',
    retry: true,
  },
  invalid_response: {
    title: 'Strategy Fit sent an answer this card does not understand',
    advice: 'Reload the page; if it happens again, the app and its cards are out of step.',
    retry: true,
  },
};

/** The way a card shows an error, by its code. */
export const errorView = errorViewFrom(WORDING);
