// The demo's look at the focus guard (SCORING §13): `simulate` of the demo strategy without its
// exclusions, so `npm start` shows what the guard says about a strategy that names no customers it
// refuses, and what would move between tiers. Writes nothing to the portal.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubSpot } from '@strategy-fit/hubspot';

import type { CommandIo } from '../bulk/command-io.ts';
import { simulateCommand } from './simulate.ts';

/** Writes the strategy of `file` without exclusions into `dir`, simulates it, returns the exit code. */
export const simulateWithoutExclusions = async (
  hs: HubSpot,
  file: string,
  dir: string,
  io: CommandIo,
): Promise<number> => {
  const strategy = JSON.parse(readFileSync(file, 'utf8')) as {
    name: string;
    exclusions: unknown[];
  };
  const loose = join(dir, 'without-exclusions.json');
  writeFileSync(
    loose,
    JSON.stringify(
      { ...strategy, name: `${strategy.name}, without exclusions`, exclusions: [] },
      null,
      2,
    ),
  );
  return simulateCommand(hs, { file: loose, json: false, progress: false }, io);
};
