// No production code calls HubSpot's legacy APIs: HubSpot stops supporting v4 on 2027-03-30 and
// v1–v3 in September 2027 (docs/decisions/0002-dated-apis.md). Every non-test source file of the
// app (src/), the CLI, the workflow snippet and the 2026.09 platform files is read, and none may name
// a /crm/v3 or /crm/v4 path, nor use the api-client's model APIs (`crm.objects.basicApi` and the
// like build v3/v4 paths) or its generated code: only the client's generic `apiRequest`, through the
// adapter's `hubspotRequest` and `apiPaths`. The sandbox is exempt: it serves v3/v4 to other clients.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../e2e/support/cli.ts';

const ROOTS = ['src', 'tools/cli', 'tools/workflow-snippet', 'platform-2026.09'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.data', 'coverage']);
const SOURCE = /\.(?:ts|tsx|js|mjs|cjs|jsx)$/;
const TEST_FILE = /\.test\.(?:ts|tsx|js)$|\.test-support\.ts$/;

/** What production code may not contain, and why. */
const FORBIDDEN: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\/crm\/v[34]\b/, why: 'a legacy /crm/v3 or /crm/v4 path' },
  { pattern: /crm-object-schemas\/v3\b/, why: 'the legacy schemas path' },
  {
    pattern:
      /\b(?:basicApi|batchApi|searchApi|coreApi|groupsApi|pipelinesApi|pipelineStagesApi|ownersApi|definitionsApi|publicObjectApi|gdprApi)\b/,
    why: 'an api-client model API (it builds v3/v4 paths); use hubspotRequest',
  },
  {
    pattern:
      /\.crm\.(?:objects|companies|deals|lineItems|contacts|properties|associations|owners|pipelines|schemas)\b/,
    why: 'an api-client API group (v3/v4 paths); use hubspotRequest',
  },
  {
    pattern: /@hubspot\/api-client\/lib\/codegen/,
    why: "the api-client's generated v3/v4 code",
  },
];

/** The forbidden uses in one file's text: `line: why`. */
function legacyUses(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { pattern, why } of FORBIDDEN) {
      if (pattern.test(line)) found.push(`${i + 1}: ${why}: ${line.trim()}`);
    }
  });
  return found;
}

function productionFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIPPED_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...productionFiles(path));
    else if (SOURCE.test(name) && !TEST_FILE.test(name)) files.push(path);
  }
  return files;
}

describe('no production code calls HubSpot\u2019s legacy APIs', () => {
  it('recognises each forbidden use (the scan can fail)', () => {
    expect(legacyUses('await fetch(`${base}/crm/v3/objects/companies`)')).toHaveLength(1);
    expect(legacyUses("path: '/crm/v4/associations/deals/companies/batch/read'")).toHaveLength(1);
    expect(legacyUses("api.get('/crm-object-schemas/v3/schemas')")).toHaveLength(1);
    expect(legacyUses('client.crm.objects.basicApi.getPage(type, 100)')).toHaveLength(2);
    expect(legacyUses('const apis = client.crm.owners;')).toHaveLength(1);
    expect(
      legacyUses(
        "import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';",
      ),
    ).toHaveLength(1);
    expect(legacyUses("apiPaths.objects('companies', 'batch', 'read')")).toEqual([]);
    expect(legacyUses('context.crm.objectId, context.crm.objectTypeId')).toEqual([]);
  });

  it('none in src/, tools/cli, tools/workflow-snippet or platform-2026.09', () => {
    const files = ROOTS.flatMap((root) => productionFiles(join(REPO_ROOT, root)));
    // The adapter is among them: the scan reads what ships.
    expect(files.some((f) => f.endsWith('packages/hubspot/src/request.ts'))).toBe(true);
    const uses = files.flatMap((file) =>
      legacyUses(readFileSync(file, 'utf8')).map((use) => `${relative(REPO_ROOT, file)}:${use}`),
    );
    expect(uses).toEqual([]);
  });
});
