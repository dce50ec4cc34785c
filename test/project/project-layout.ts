// The HubSpot project as the checks in test/project see it: every *-hsmeta.json under src/app
// (found, not listed by hand), parsed by HubSpot's own parser. The checks:
//   project-components.test.ts  translate() → the expected components, uids, entrypoints, scopes
//   function-bundles.test.ts    the function build: deterministic, self-contained, runs in Node 24
//   card-builds.test.ts         each card bundles with the UI-extension build (the cards' check)
//   workspaces.test.ts          the two workspace roots agree
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { translate } from '@hubspot/project-parsing-lib/translate';
import type { TranslateResult } from '@hubspot/project-parsing-lib/translate';
import { z } from 'zod';

export const ROOT = join(import.meta.dirname, '..', '..');
export const PROJECT = z
  .object({ name: z.string(), srcDir: z.string(), platformVersion: z.string() })
  .parse(JSON.parse(readFileSync(join(ROOT, 'hsproject.json'), 'utf8')));
export const SRC = join(ROOT, PROJECT.srcDir);

/** A metafile's top level (HUBSPOT.md §1.1): uid, type, config. */
export const HsMeta = z.looseObject({
  uid: z.string(),
  type: z.string(),
  config: z.looseObject({ entrypoint: z.string().optional() }),
});
export type HsMeta = z.output<typeof HsMeta>;

const SKIPPED_DIRS = new Set(['node_modules', 'dist']);

/** Every *-hsmeta.json under srcDir, at any depth (HubSpot skips the misplaced ones), as srcDir-relative posix paths. */
export function hsMetaFiles(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : hsMetaFiles(path);
      return entry.name.endsWith('-hsmeta.json') ? [relative(SRC, path).split(sep).join('/')] : [];
    })
    .sort();
}

export const readHsMeta = (file: string): HsMeta =>
  HsMeta.parse(JSON.parse(readFileSync(join(SRC, file), 'utf8')));

/** HubSpot's offline parse of the project (no account, no schema download). */
export const translateProject = (): Promise<TranslateResult> =>
  translate(
    { projectSourceDir: SRC, platformVersion: PROJECT.platformVersion },
    { skipValidation: true },
  );
