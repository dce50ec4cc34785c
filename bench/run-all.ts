// Runs every bench/*.bench.ts in its own Node process (clean heap and RSS figures per benchmark).
// Usage: npm run bench [-- name-filter ...]: a filter that is a benchmark's name (`core` for
// core.bench.ts) runs that one only; any other filter runs every benchmark whose file name contains it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts'));
const names = new Set(all.map((f) => f.slice(0, -'.bench.ts'.length)));
const selects = (f: string, x: string): boolean =>
  names.has(x) ? f === `${x}.bench.ts` : f.includes(x);
const files = all.filter((f) => filters.length === 0 || filters.some((x) => selects(f, x))).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
if (files.length === 0) console.log('no benchmark matched', filters.join(' '));
process.exit(failed === 0 ? 0 : 1);
