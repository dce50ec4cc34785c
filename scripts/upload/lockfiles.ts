// npm run lockfiles [-- --check] — the lockfiles HubSpot's upload uses (docs/decisions/0003):
//   src/app/package-lock.json            the upload-time workspace root (cards, pages, settings,
//                                        packages/*): `npm audit` on upload, `npm ci` of each UI
//                                        extension (npm resolves a member to its workspace root)
//   src/app/functions/package-lock.json  the functions' own npm root: the lockfile HubSpot's parser
//                                        names as the serverless package's `packageLockfile`
// npm writes them (`npm install --package-lock-only`), offline, in a temporary copy of the
// package.json files seeded with the repository lockfile's entries: the versions are exactly those
// the tests run with, and the result never depends on what the registry holds today.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The npm roots of the upload, relative to the repository (each gets a package-lock.json). */
export const UPLOAD_NPM_ROOTS = ['src/app', 'src/app/functions'] as const;

const PackageJson = z.looseObject({
  name: z.string().optional(),
  workspaces: z.array(z.string()).optional(),
});

const LockEntry = z.looseObject({ resolved: z.string().optional(), link: z.boolean().optional() });
const Lockfile = z.looseObject({ packages: z.record(z.string(), LockEntry) });
type LockEntry = z.output<typeof LockEntry>;

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** A root's workspace members, as listed (explicit paths only: nothing here needs globs). */
function membersOf(rootDir: string): string[] {
  const members = PackageJson.parse(readJson(join(rootDir, 'package.json'))).workspaces ?? [];
  const glob = members.find((m) => /[*?[{]/.test(m));
  if (glob !== undefined)
    throw new Error(`${rootDir}: workspace globs are not supported (${glob})`);
  return members;
}

/**
 * The repository lockfile's entries as seen from an upload root: its members' entries and links
 * re-keyed relative to it, every registry package kept (npm prunes what the root does not need).
 */
function seedPackages(root: string, members: readonly string[]): Record<string, LockEntry> {
  const repoLock = Lockfile.parse(readJson(join(REPO_ROOT, 'package-lock.json')));
  const inRoot = (repoPath: string): string | undefined => {
    const rel = relative(root, repoPath).split('\\').join('/');
    return members.some((m) => rel === m || rel.startsWith(`${m}/`)) ? rel : undefined;
  };
  const seeded: Record<string, LockEntry> = {};
  for (const [key, entry] of Object.entries(repoLock.packages)) {
    if (key === '') continue;
    if (!key.startsWith('node_modules/')) {
      const rel = inRoot(key);
      if (rel !== undefined) seeded[rel] = entry;
    } else if (entry.link === true) {
      const target = entry.resolved === undefined ? undefined : inRoot(entry.resolved);
      if (target !== undefined) seeded[key] = { ...entry, resolved: target };
    } else {
      seeded[key] = entry;
    }
  }
  return seeded;
}

/** npm's environment without the caller's npm_config_* (a `-w` or a cache of `npm run`). */
const npmEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_')),
  );

/** The npm of the devDependencies (pinned: another npm may write another lockfile). */
const NPM_CLI = join(REPO_ROOT, 'node_modules', 'npm', 'bin', 'npm-cli.js');

/** Runs the pinned npm in `cwd`; throws with npm's output when it fails. */
export function runNpm(cwd: string, args: readonly string[]): string {
  const run = spawnSync(process.execPath, [NPM_CLI, ...args], {
    cwd,
    env: npmEnv(),
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${run.stderr}${run.stdout}`);
  }
  return run.stdout;
}

/**
 * Lays out `root` (repository-relative) in a temporary directory: its package.json, its members'
 * package.json files and the seeded lockfile. The caller removes `dir` when done.
 */
export function layOut(root: string): { dir: string; members: string[] } {
  const rootDir = join(REPO_ROOT, root);
  const members = membersOf(rootDir);
  const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-lock-'));
  for (const path of ['', ...members]) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(
      join(dir, path, 'package.json'),
      readFileSync(join(rootDir, path, 'package.json')),
    );
  }
  const self = PackageJson.parse(readJson(join(rootDir, 'package.json')));
  const top = { ...(self.name === undefined ? {} : { name: self.name }), lockfileVersion: 3 };
  const seed = { ...top, requires: true, packages: seedPackages(root, members) };
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(seed, null, 2)}\n`);
  return { dir, members };
}

/** The lockfile npm writes for an upload root (its text, exactly as npm writes it). */
export function generateLockfile(root: string): string {
  const { dir } = layOut(root);
  try {
    runNpm(dir, [
      'install',
      '--package-lock-only',
      '--offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--lockfile-version=3',
      '--install-strategy=hoisted',
      `--cache=${join(dir, '.npm-cache')}`,
    ]);
    return readFileSync(join(dir, 'package-lock.json'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lockfilePath = (root: string): string => join(REPO_ROOT, root, 'package-lock.json');

/** The committed upload lockfiles that differ from what npm makes now (repository-relative). */
export function staleLockfiles(roots: readonly string[] = UPLOAD_NPM_ROOTS): string[] {
  return roots.flatMap((root) => {
    let committed: string | null;
    try {
      committed = readFileSync(lockfilePath(root), 'utf8');
    } catch {
      committed = null;
    }
    return committed === generateLockfile(root) ? [] : [`${root}/package-lock.json`];
  });
}

if (import.meta.main) {
  if (process.argv.includes('--check')) {
    const stale = staleLockfiles();
    if (stale.length > 0) {
      console.error(
        `Stale upload lockfiles (HubSpot would install other versions than the tests use): ${stale.join(', ')}. Run \`npm run lockfiles\` and commit them.`,
      );
      process.exit(1);
    }
    console.log(
      `upload lockfiles current: ${UPLOAD_NPM_ROOTS.map((r) => `${r}/package-lock.json`).join(', ')}`,
    );
  } else {
    for (const root of UPLOAD_NPM_ROOTS) {
      writeFileSync(lockfilePath(root), generateLockfile(root));
      console.log(`wrote ${root}/package-lock.json`);
    }
  }
}
