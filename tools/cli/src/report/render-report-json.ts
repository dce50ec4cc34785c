// The strategy review as stable JSON: the schema's key order, two-space indent, final newline.
import { StrategyReview } from '@strategy-fit/core';
import type { StrategyReview as Review } from '@strategy-fit/core';

/**
 * The StrategyReview as JSON; the same review always gives the same bytes.
 *
 * @example
 * await writeFile('review.json', renderReportJson(review));
 */
export const renderReportJson = (review: Review): string =>
  `${JSON.stringify(StrategyReview.parse(review), null, 2)}\n`;
