import { strategyFitError } from '@strategy-fit/core';
import type { StrategyFitError } from '@strategy-fit/core';

/** The refusal when a custom object that setup creates is missing: what to do, in one place. */
export const notSetUp = (objectName: string): StrategyFitError =>
  strategyFitError(
    'record_not_found',
    `Strategy Fit is not set up on this portal yet (the custom object ${objectName} is missing). Open the app's settings page and choose “Set up Strategy Fit”, or run \`strategy-fit setup\`.`,
  );
