// How the settings page shows a failed call, by error code (STYLE §14: one table of wording).
import { errorViewFrom } from '@strategy-fit/function-calls';
import type {
  CallError,
  CallErrorCode,
  Wording as BaseWording,
} from '@strategy-fit/function-calls';

/** The settings page also tells a refusal (shown as "permission denied") from a failure. */
type Wording = BaseWording & { readonly denied: boolean };

/** What went wrong when a call to an app function failed (`@strategy-fit/function-calls`). */
export type EditorErrorCode = CallErrorCode;

export type EditorError = CallError;

const ASK_ADMIN = 'Ask a HubSpot admin to reinstall or reconnect the Strategy Fit app.';
const RETRY = 'Retry; if it happens again, report the message below.';

/**
 * Wording for the codes this page meets. Codes of other surfaces (the CLI's files, bulk runs…)
 * fall back to a generic wording, so a code added elsewhere never breaks the page.
 */
const WORDING: Readonly<Partial<Record<EditorErrorCode, Wording>>> = {
  not_allowed: {
    title: 'Permission denied',
    advice: 'Only a strategy manager of the published version may approve it in HubSpot.',
    retry: false,
    denied: true,
  },
  not_verified: {
    title: 'HubSpot has no record of that approval',
    advice: 'Open the prepared version in HubSpot, set “Approval”, then publish it here.',
    retry: true,
    denied: false,
  },
  conflict: {
    title: 'Something changed meanwhile',
    advice: 'Reload the page to see what changed.',
    retry: false,
    denied: false,
  },
  strategy_invalid: {
    title: 'The strategy is not valid',
    advice: 'Fix the problems marked in the strategy and try again.',
    retry: false,
    denied: false,
  },
  strategy_too_large: {
    title: 'The strategy is too large',
    advice: 'Remove segments or criteria, or shorten descriptions.',
    retry: false,
    denied: false,
  },
  strategy_unchanged: {
    title: 'Nothing to publish',
    advice:
      'The strategy is the same as the active version: nothing was prepared, no version was made.',
    retry: false,
    denied: false,
  },
  strategy_property_unknown: {
    title: 'The strategy names a property this portal does not have',
    advice: 'Pick the property again from the list.',
    retry: false,
    denied: false,
  },
  strategy_property_unreadable: {
    title: 'The strategy cannot read one of its properties',
    advice: 'Use an operator that fits the property, or another property.',
    retry: false,
    denied: false,
  },
  strategy_not_published: {
    title: 'No strategy published yet',
    advice: 'Prepare the first version on this page; whoever approves it in HubSpot publishes it.',
    retry: true,
    denied: false,
  },
  record_not_found: {
    title: 'Not found',
    advice: 'Reload the page: the version or the strategy store may not exist (yet).',
    retry: true,
    denied: false,
  },
  invalid_input: {
    title: 'The request was not valid',
    advice: 'Reload the page and try again.',
    retry: true,
    denied: false,
  },
  hubspot_unauthorized: {
    title: 'HubSpot refused the app’s access',
    advice: ASK_ADMIN,
    retry: false,
    denied: false,
  },
  hubspot_forbidden: {
    title: 'The app may not read or write this',
    advice: ASK_ADMIN,
    retry: false,
    denied: false,
  },
  hubspot_rate_limited: {
    title: 'HubSpot is busy',
    advice: 'Too many requests at once. Wait a few seconds and retry.',
    retry: true,
    denied: false,
  },
  hubspot_unavailable: {
    title: 'HubSpot did not answer',
    advice: 'Try again in a moment.',
    retry: true,
    denied: false,
  },
  hubspot_bad_request: {
    title: 'HubSpot rejected a request',
    advice: RETRY,
    retry: true,
    denied: false,
  },
  hubspot_error: { title: 'Something went wrong', advice: RETRY, retry: true, denied: false },
  function_failed: {
    title: 'Strategy Fit could not be reached',
    advice: 'The function did not run or took too long. Try again in a moment.',
    retry: true,
    denied: false,
  },
  invalid_response: {
    title: 'Strategy Fit sent an answer this page does not understand',
    advice: 'Reload the page; if it happens again, the app and its page are out of step.',
    retry: true,
    denied: false,
  },
};

const FALLBACK: Wording = {
  title: 'Something went wrong',
  advice: RETRY,
  retry: true,
  denied: false,
};

/** The way the page shows an error, by its code. */
export const errorView = errorViewFrom(WORDING, FALLBACK);
