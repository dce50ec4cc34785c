// An app function's bundle run as HubSpot's runtime does (HUBSPOT.md §2.3: the local executor's
// `require(entry).main(context)`), in a new Node process with nothing but the given environment:
// it reports the Node version, the entry's exports, every module it loaded, and main's answer.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { z } from 'zod';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Node binaries from the npm registry: the repository's Node 24 and tools/runtimes/node{20,22}. */
export const NODES = {
  '20': join(ROOT, 'tools/runtimes/node20/node_modules/node/bin/node'),
  '22': join(ROOT, 'tools/runtimes/node22/node_modules/node/bin/node'),
  '24': join(ROOT, 'node_modules/node/bin/node'),
} as const;

/** The child: require the entry, call main, report the answer and what loaded. */
const RUNNER = `
const entry = process.argv[1];
const mod = require(entry);
Promise.resolve(mod.main(JSON.parse(process.argv[2]))).then((answer) => {
  process.stdout.write(JSON.stringify({
    node: process.version,
    exports: Object.keys(mod),
    loaded: Object.keys(require.cache),
    answer,
  }));
});
`;

const ChildReport = z.object({
  node: z.string(),
  exports: z.array(z.string()),
  loaded: z.array(z.string()),
  answer: z.unknown(),
});

export type FreshRun = z.output<typeof ChildReport> & { stderr: string };

/**
 * Runs `require(entry).main(context)` in a new process of `node`, in `cwd`, with `env` (plus a
 * minimal PATH) as its whole environment. Asynchronous: a sandbox may run in this process.
 */
export function runFresh(
  node: string,
  entry: string,
  context: unknown,
  options: { cwd: string; env?: Record<string, string> },
): Promise<FreshRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['-e', RUNNER, entry, JSON.stringify(context)], {
      cwd: options.cwd,
      env: { ...options.env, PATH: '/usr/bin:/bin' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${entry} on ${node} exited with ${code}: ${stderr}`));
      else resolve({ ...ChildReport.parse(JSON.parse(stdout)), stderr });
    });
  });
}
