// Writes schema/strategy.schema.json from the zod strategy schema (npm run schema).
// With --check, writes nothing and exits 1 when the committed file is stale (npm run schema:check).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { strategyJsonSchema } from '@strategy-fit/core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'schema', 'strategy.schema.json');
const shown = relative(root, file);
const expected = `${JSON.stringify(strategyJsonSchema(), null, 2)}\n`;

const readCommitted = (): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

if (process.argv.includes('--check')) {
  const committed = readCommitted();
  if (committed !== expected) {
    const why = committed === null ? 'is missing' : 'is out of date with the zod strategy schema';
    console.error(`${shown} ${why}. Run \`npm run schema\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${shown} is up to date.`);
} else {
  writeFileSync(file, expected);
  console.log(`wrote ${shown}`);
}
