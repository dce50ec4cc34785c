// What must hold for the upload zip (docs/decisions/0003-upload-packaging.md): HubSpot checks
// neither that entrypoints exist nor what the zip carries, so `npm run upload` and
// test/project/upload-files.test.ts check it here, before anything is sent.
import { z } from 'zod';

import type { ZipEntry } from './read-zip.ts';

/** Paths only tests use: test files, test support, fixtures, mocks, snapshots. */
export const TEST_ONLY_PATH =
  /(\.(test|spec)\.[cm]?[jt]sx?$|\.snap$|(^|\/)(testing|__snapshots__|__mocks__|_?fixtures?|test-support|support)\/|test-support\.|fixtures?\.[cm]?[jt]sx?$)/;

/** Imports only a test makes, whatever the file is called. */
export const TEST_ONLY_IMPORT =
  /from\s+['"](vitest|fast-check|@hubspot\/ui-extensions\/testing|@strategy-fit\/sandbox)['"]|from\s+['"][^'"]*\/test\/support\//;

/** What HubSpot's own ignore list keeps out (local-dev-lib lib/ignoreRules.js). */
export const NEVER_UPLOADED = /(^|\/)(node_modules|\.[^/]+)(\/|$)|\.log$/;

const Meta = z.looseObject({
  type: z.string(),
  config: z.looseObject({ entrypoint: z.string().optional() }),
});

const isSource = (name: string): boolean =>
  /\.[cm]?[jt]sx?$/.test(name) && !name.startsWith('app/functions/dist/');

/** The entrypoints the zip's *-hsmeta.json files name, as zip paths (`app/cards/X.tsx`). */
export const entrypointsOf = (entries: readonly ZipEntry[]): string[] =>
  entries
    .filter((e) => e.name.endsWith('-hsmeta.json'))
    .flatMap((e) => {
      const entrypoint = Meta.parse(JSON.parse(e.read().toString('utf8'))).config.entrypoint;
      return entrypoint === undefined ? [] : [entrypoint.replace(/^\//, '')];
    });

/** Everything wrong with an upload zip, one line each (none: it may go). */
export function uploadProblems(entries: readonly ZipEntry[]): string[] {
  const names = new Set(entries.map((e) => e.name));
  return [
    ...entrypointsOf(entries)
      .filter((entry) => !names.has(entry))
      .map((entry) => `entrypoint missing (run \`npm run build\`): ${entry}`),
    ...[...names].filter((n) => TEST_ONLY_PATH.test(n)).map((n) => `test-only file: ${n}`),
    ...entries
      .filter((e) => isSource(e.name) && TEST_ONLY_IMPORT.test(e.read().toString('utf8')))
      .map((e) => `imports test code: ${e.name}`),
    ...[...names].filter((n) => NEVER_UPLOADED.test(n)).map((n) => `never uploaded: ${n}`),
  ];
}
