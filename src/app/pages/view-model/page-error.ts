import { errorViewFrom } from '@strategy-fit/function-calls';
import type { CallError, CallErrorCode, Wording } from '@strategy-fit/function-calls';

/** What went wrong when a call to an app function failed (`@strategy-fit/function-calls`). */
export type PageErrorCode = CallErrorCode;

export type PageError = CallError;

const STRATEGY = 'Check the published strategy in the Strategy Fit settings.';
const ADMIN = 'Ask a HubSpot admin to reinstall or reconnect the Strategy Fit app.';
const AGAIN = 'Retry; if it happens again, report the message below.';

/** One table of wording, keyed by error code (STYLE §14); docs/errors.md explains each code. */
const WORDING: Readonly<Record<PageErrorCode, Wording>> = {
  strategy_invalid: { title: 'The published strategy is invalid', advice: STRATEGY, retry: false },
  strategy_too_large: {
    title: 'The published strategy is too large',
    advice: STRATEGY,
    retry: false,
  },
  strategy_not_published: {
    title: 'No strategy published yet',
    advice:
      'Publish a strategy in the Strategy Fit settings; then the review has something to show.',
    retry: true,
  },
  strategy_unchanged: {
    title: 'The strategy did not change',
    advice: 'Nothing was published: it is the same as the active version.',
    retry: false,
  },
  strategy_property_unknown: {
    title: 'The strategy names a property this portal does not have',
    advice: STRATEGY,
    retry: false,
  },
  strategy_property_unreadable: {
    title: 'The strategy cannot read one of its properties',
    advice: STRATEGY,
    retry: false,
  },
  record_not_found: {
    title: 'A record could not be found',
    advice: 'It may have been deleted or merged. Refresh the review.',
    retry: true,
  },
  invalid_input: { title: 'The request was not valid', advice: AGAIN, retry: false },
  not_allowed: {
    title: 'You are not allowed to do this',
    advice: 'Only the strategy managers named in the published strategy can. Ask one of them.',
    retry: false,
  },
  not_verified: {
    title: 'HubSpot has no record of that edit yet',
    advice: 'Make the edit the message names in HubSpot, then try again.',
    retry: true,
  },
  conflict: {
    title: 'Something changed meanwhile',
    advice: 'Read what changed, then try again.',
    retry: true,
  },
  exception_not_allowed: {
    title: 'This exception cannot be decided now',
    advice: 'Someone may have decided it already. Refresh the review.',
    retry: true,
  },
  hubspot_unauthorized: { title: 'HubSpot refused the app’s access', advice: ADMIN, retry: false },
  hubspot_forbidden: { title: 'The app may not read these records', advice: ADMIN, retry: false },
  hubspot_rate_limited: {
    title: 'HubSpot is busy',
    advice: 'The app reached HubSpot’s request limit. Wait ten seconds and retry.',
    retry: true,
  },
  hubspot_unavailable: {
    title: 'HubSpot did not answer',
    advice: 'Try again in a moment.',
    retry: true,
  },
  hubspot_bad_request: { title: 'HubSpot rejected a request', advice: AGAIN, retry: true },
  hubspot_error: { title: 'Something went wrong in HubSpot', advice: AGAIN, retry: true },
  sandbox_unavailable: {
    title: 'The development sandbox is not running',
    advice: 'Start it (npm start) and retry.',
    retry: true,
  },
  checkpoint_invalid: { title: 'Unexpected error', advice: AGAIN, retry: true },
  already_running: { title: 'Unexpected error', advice: AGAIN, retry: true },
  file_not_found: { title: 'Unexpected error', advice: AGAIN, retry: true },
  file_invalid: { title: 'Unexpected error', advice: AGAIN, retry: true },
  function_failed: {
    title: 'Strategy Fit could not be reached',
    advice: 'The app function did not run or took too long. Try again in a moment.',
    retry: true,
  },
  invalid_response: {
    title: 'Strategy Fit sent an answer this page does not understand',
    advice: 'Reload the page; if it happens again, the app and its page are out of step.',
    retry: true,
  },
};

/** The way the page shows an error, by its code. */
export const errorView = errorViewFrom(WORDING);
