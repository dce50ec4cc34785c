// npm run build:functions — bundles each app function entry (src/app/functions/src/entries/*.ts)
// into a self-contained CommonJS file src/app/functions/dist/<name>.js exporting `main`, which
// HubSpot's function runtime `require`s (HubSpot compiles nothing: ../shared/HUBSPOT.md §2.3).
// Core, adapter, zod and @hubspot/api-client are bundled in, so HubSpot installs nothing.
// Deterministic: the same sources give the same bytes (test/project/function-bundles.test.ts).
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FUNCTIONS_DIR = join(root, 'src', 'app', 'functions');
export const ENTRIES_DIR = join(FUNCTIONS_DIR, 'src', 'entries');
export const DIST_DIR = join(FUNCTIONS_DIR, 'dist');

/**
 * HubSpot's runtime is not documented for 2026.03; it runs on AWS Lambda, 2025.1 was retired
 * with Node 20, and @hubspot/api-client 14 needs Node >= 22 (HUBSPOT.md §2.3). Node 22 syntax
 * therefore runs everywhere HubSpot can run these functions (and on our Node 24).
 */
export const TARGET = 'node22';

/**
 * The api-client's API groups the adapter uses: none. It sends every request through the client's
 * generic `apiRequest` on HubSpot's dated paths (docs/decisions/0002-dated-apis.md), so every API
 * group, loaded lazily by the client (`require` inside a getter), is replaced by the plugin below
 * with a stub that throws: ~9 MB of generated code stays out of every bundle.
 */
const USED_DISCOVERIES: readonly string[] = [];

const DISCOVERY = `${['@hubspot', 'api-client', 'lib', 'src', 'discovery'].join(sep)}${sep}`;

const STUB = `"use strict";
class NotBundled { constructor() { throw new Error("This @hubspot/api-client API group is not bundled into Strategy Fit's app functions (scripts/build-functions.ts)."); } }
exports.default = NotBundled;
`;

/** Replaces the api-client's unused, lazily required API groups with a stub that throws. */
export const unusedApiGroups: Plugin = {
  name: 'strategy-fit-unused-api-groups',
  setup(b) {
    b.onResolve({ filter: /Discovery$/ }, async (args) => {
      if (!args.importer.includes(DISCOVERY) || args.pluginData === 'resolving') return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      const at = resolved.path.indexOf(DISCOVERY);
      if (at === -1) return resolved;
      const group = resolved.path
        .slice(at + DISCOVERY.length)
        .split(sep)
        .join('/');
      return USED_DISCOVERIES.some((used) => group.startsWith(used))
        ? resolved
        : { path: group, namespace: 'unused-api-group' };
    });
    b.onLoad({ filter: /.*/, namespace: 'unused-api-group' }, () => ({
      contents: STUB,
      loader: 'js',
    }));
  },
};

/** The function entries: src/entries/<name>.ts → dist/<name>.js. */
export const functionEntries = (): string[] =>
  readdirSync(ENTRIES_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();

export type BuiltFunction = { name: string; file: string; bytes: number };

/**
 * Builds every function into `outdir` (default src/app/functions/dist), which is emptied first.
 * The bundles are CommonJS because the uploaded src/app/functions/package.json has no `"type"`
 * (only src/package.json makes the TypeScript sources ES modules): nothing in dist/ but bundles.
 */
export async function buildFunctions(outdir: string = DIST_DIR): Promise<BuiltFunction[]> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const names = functionEntries();
  await build({
    entryPoints: Object.fromEntries(names.map((n) => [n, join(ENTRIES_DIR, `${n}.ts`)])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'eof',
    sourcemap: false,
    logLevel: 'warning',
    absWorkingDir: root,
    plugins: [unusedApiGroups],
  });
  return names.map((name) => {
    const file = join(outdir, `${name}.js`);
    return { name, file, bytes: statSync(file).size };
  });
}

if (import.meta.main) {
  const built = await buildFunctions();
  for (const f of built) {
    console.log(`${relative(root, f.file)}  ${(f.bytes / 1024).toFixed(0)} KiB`);
  }
}
