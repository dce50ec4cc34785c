// The card tests answer their injected runner with what the real app functions produced against
// the sandbox (../functions/produce-card-fixtures.ts), never with hand-written
// scores. Test-only: the cards' bundles never import this.
export {
  produceCardFixtures as loadCardFixtures,
  SCORE_FIXTURE_NAMES,
} from '../functions/produce-card-fixtures.ts';
export type {
  CardFixtures,
  ExceptionFixtureName,
  ScoreFixtureName,
} from '../functions/produce-card-fixtures.ts';
