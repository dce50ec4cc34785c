// The settings page's tests answer their injected runner with what the real strategy editor
// functions produced against the sandbox
// (../functions/produce-settings-fixtures.ts), never with hand-written answers.
export {
  produceSettingsFixtures as loadSettingsFixtures,
  SETTINGS_FIXTURE_NAMES,
} from '../functions/produce-settings-fixtures.ts';
export type {
  SettingsFixtureName,
  SettingsFixtures,
} from '../functions/produce-settings-fixtures.ts';
export {
  allText,
  deferred,
  runnerAnswering,
  serverlessFailure,
  typeInto,
} from '../cards/helpers.ts';
