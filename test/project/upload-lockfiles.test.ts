// The lockfiles of the upload's npm roots (scripts/upload/lockfiles.ts, docs/decisions/0003): what
// npm makes from the package.json files now (so `npm run check` fails on a stale one), accepted
// by the `npm ci` HubSpot's build runs in each UI extension folder, and pinning exactly the
// versions the repository's tests run with.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import {
  layOut,
  REPO_ROOT,
  runNpm,
  staleLockfiles,
  UPLOAD_NPM_ROOTS,
} from '../../scripts/upload/lockfiles.ts';

const Lock = z.object({
  packages: z.record(
    z.string(),
    z.looseObject({
      version: z.string().optional(),
      integrity: z.string().optional(),
      link: z.boolean().optional(),
    }),
  ),
});
const readLock = (path: string) => Lock.parse(JSON.parse(readFileSync(path, 'utf8'))).packages;

/** `npm ci` as HubSpot's remote UI-extension build runs it (uds bin/cli.js), without installing. */
const NPM_CI = ['ci', '--dry-run', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'];

describe('the upload lockfiles', () => {
  it('are what npm makes from the package.json files now (`npm run lockfiles` writes them)', () => {
    expect(staleLockfiles(), 'run `npm run lockfiles` and commit the result').toEqual([]);
  }, 60_000);

  it.each(UPLOAD_NPM_ROOTS)(
    '%s: `npm ci` accepts it from each member folder, and refuses it once a package.json changes',
    (root) => {
      const { dir, members } = layOut(root);
      try {
        writeFileSync(
          join(dir, 'package-lock.json'),
          readFileSync(join(REPO_ROOT, root, 'package-lock.json')),
        );
        const cache = `--cache=${join(dir, '.npm-cache')}`;
        for (const folder of ['', ...members]) {
          expect(() => runNpm(join(dir, folder), [...NPM_CI, cache]), folder || root).not.toThrow();
        }
        // A dependency the lockfile does not know (a local folder: nothing to fetch offline).
        mkdirSync(join(dir, 'added'));
        writeFileSync(join(dir, 'added', 'package.json'), '{"name":"added","version":"1.0.0"}');
        const pkgFile = join(dir, 'package.json');
        const pkg = z.looseObject({}).parse(JSON.parse(readFileSync(pkgFile, 'utf8')));
        writeFileSync(pkgFile, JSON.stringify({ ...pkg, dependencies: { added: 'file:added' } }));
        expect(() => runNpm(dir, [...NPM_CI, cache])).toThrow(/in sync/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('pins exactly the versions the repository installs and tests (same path, version, integrity)', () => {
    const repo = readLock(join(REPO_ROOT, 'package-lock.json'));
    const app = readLock(join(REPO_ROOT, 'src/app/package-lock.json'));
    const registryPackages = Object.entries(app).filter(
      ([key, entry]) => key.startsWith('node_modules/') && entry.link !== true,
    );
    expect(registryPackages.map(([key]) => key)).toEqual(
      expect.arrayContaining([
        'node_modules/react',
        'node_modules/@hubspot/ui-extensions',
        'node_modules/zod',
      ]),
    );
    for (const [key, entry] of registryPackages) {
      expect([entry.version, entry.integrity], key).toEqual([
        repo[key]?.version,
        repo[key]?.integrity,
      ]);
    }
    expect(app['node_modules/react']?.version).toBe('18.3.1');
  });
});
