// A tier's word on the review page: the core's, with "Not scored" for a record never scored.
export { tierWord } from '@strategy-fit/core';
