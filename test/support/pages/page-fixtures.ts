// The page's tests answer their injected runner with what the real app functions produced against
// the sandbox (../functions/produce-page-fixtures.ts), never with hand-written
// reviews. Test-only: the page's bundle never imports this.
export {
  producePageFixtures as loadPageFixtures,
  RESCORE_FIXTURE_NAMES,
  REVIEW_FIXTURE_NAMES,
} from '../functions/produce-page-fixtures.ts';
export type { PageFixtures } from '../functions/produce-page-fixtures.ts';
