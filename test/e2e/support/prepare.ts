// Sets a test portal up through the CLI, as a user does: `setup`, then `strategy publish FILE`.
import { expect } from 'vitest';

import { runCli } from './cli.ts';
import type { Portal } from './portal.ts';

export const setUpAndPublish = async (portal: Portal, file: string): Promise<void> => {
  const setup = await runCli(['setup'], portal);
  expect(setup.code, setup.stderr).toBe(0);
  const publish = await runCli(['strategy', 'publish', file], portal);
  expect(publish.code, publish.stderr).toBe(0);
};
