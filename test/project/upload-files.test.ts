// The files `hs project upload` would zip, made by the CLI's own archive step
// (scripts/upload/upload-zip.ts) and read back from the zip: every entrypoint a *-hsmeta.json
// names is in it (after `npm run build`), nothing test-only is, and .hsignore gives the same
// zip whichever directory `hs` runs in.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import {
  entrypointsOf,
  NEVER_UPLOADED,
  TEST_ONLY_IMPORT,
  TEST_ONLY_PATH,
  uploadProblems,
} from '../../scripts/upload/upload-problems.ts';
import { buildUploadZip, PROJECT_DIR } from '../../scripts/upload/upload-zip.ts';
import type { UploadZip } from '../../scripts/upload/upload-zip.ts';
import { HsMeta } from './project-layout.ts';

let zip: UploadZip;
const names = (): string[] => zip.entries.map((e) => e.name);

beforeAll(async () => {
  zip = await buildUploadZip();
  const bytes = zip.entries.reduce((sum, e) => sum + e.bytes, 0);
  console.log(
    `upload zip: ${zip.entries.length} files, ${bytes} bytes (${(bytes / 1024).toFixed(0)} KiB) uncompressed, zip ${zip.zipBytes} bytes (${(zip.zipBytes / 1024).toFixed(0)} KiB)`,
  );
}, 60_000);

describe('the files `hs project upload` would zip', () => {
  it('has no problem `npm run upload` would refuse it for', () => {
    expect(uploadProblems(zip.entries)).toEqual([]);
  });

  it('holds every entrypoint a *-hsmeta.json in the zip names (the functions’ after `npm run build`)', () => {
    const metas = zip.entries
      .filter((e) => e.name.endsWith('-hsmeta.json'))
      .map((e) => HsMeta.parse(JSON.parse(e.read().toString('utf8'))));
    expect(metas.length).toBeGreaterThan(10);
    const entrypoints = entrypointsOf(zip.entries);
    expect(entrypoints.filter((e) => e.startsWith('app/functions/dist/')).length).toBe(
      metas.filter((meta) => meta.type === 'app-function').length,
    );
    expect(entrypoints.filter((e) => !names().includes(e))).toEqual([]);
  });

  it('holds nothing test-only: no tests, test support, fixtures or snapshots, by name or by import', () => {
    expect(names().filter((n) => TEST_ONLY_PATH.test(n))).toEqual([]);
    const sources = zip.entries.filter((e) => /\.[cm]?[jt]sx?$/.test(e.name));
    expect(sources.length).toBeGreaterThan(100);
    expect(
      sources
        .filter((e) => !e.name.includes('/dist/'))
        .filter((e) => TEST_ONLY_IMPORT.test(e.read().toString('utf8')))
        .map((e) => e.name),
    ).toEqual([]);
  });

  it('the rules catch what they are meant to: a missing entrypoint, test files, test imports', () => {
    const file = (name: string, text: string) => ({
      name,
      bytes: text.length,
      compressedBytes: text.length,
      read: () => Buffer.from(text),
    });
    const meta = JSON.stringify({
      uid: 'x',
      type: 'app-function',
      config: { entrypoint: '/app/functions/dist/x.js' },
    });
    expect(
      uploadProblems([
        file('app/functions/x-hsmeta.json', meta),
        file('app/cards/CompanyFitCard.test.tsx', ''),
        file('app/cards/testing/helpers.ts', ''),
        file('app/packages/core/src/_fixtures/build.ts', ''),
        file('app/packages/core/src/review/test-fixtures.ts', ''),
        file('app/packages/hubspot/src/sandbox.test-support.ts', ''),
        file('app/pages/__snapshots__/page.test.tsx.snap', ''),
        file('app/cards/view-model/helpers.ts', "import { vi } from 'vitest';"),
        file(
          'app/cards/view-model/card.ts',
          "import { x } from '../../../test/support/cards/x.ts';",
        ),
        file('app/cards/view-model/company-card.ts', "import { z } from 'zod';"),
        file('app/cards/.env', 'TOKEN=1'),
      ]),
    ).toEqual([
      'entrypoint missing (run `npm run build`): app/functions/dist/x.js',
      'test-only file: app/cards/CompanyFitCard.test.tsx',
      'test-only file: app/cards/testing/helpers.ts',
      'test-only file: app/packages/core/src/_fixtures/build.ts',
      'test-only file: app/packages/core/src/review/test-fixtures.ts',
      'test-only file: app/packages/hubspot/src/sandbox.test-support.ts',
      'test-only file: app/pages/__snapshots__/page.test.tsx.snap',
      'imports test code: app/cards/view-model/helpers.ts',
      'imports test code: app/cards/view-model/card.ts',
      'never uploaded: app/cards/.env',
    ]);
  });

  it('holds neither the functions’ TypeScript nor anything HubSpot never takes (node_modules, dotfiles)', () => {
    expect(names().filter((n) => n.startsWith('app/functions/src/'))).toEqual([]);
    expect(names().filter((n) => NEVER_UPLOADED.test(n))).toEqual([]);
  });

  it('holds each npm root’s package.json and lockfile, and the UI extensions’ sources', () => {
    expect(names()).toEqual(
      expect.arrayContaining([
        'app/package.json',
        'app/package-lock.json',
        'app/functions/package.json',
        'app/functions/package-lock.json',
        'app/cards/CompanyFitCard.tsx',
        'app/packages/core/src/index.ts',
      ]),
    );
  });

  it('is the same zip when `hs` runs in src/ as in the project root (.hsignore patterns are unanchored)', () => {
    const fromSrc = spawnSync(
      process.execPath,
      [join(PROJECT_DIR, 'scripts', 'upload', 'upload-zip.ts')],
      { cwd: join(PROJECT_DIR, 'src'), encoding: 'utf8' },
    );
    expect(fromSrc.stderr).toBe('');
    const listed = z
      .object({ files: z.array(z.tuple([z.string(), z.number()])) })
      .parse(JSON.parse(fromSrc.stdout));
    expect(listed.files.map(([name]) => name)).toEqual(names());
  });
});
