import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const workspaces = (path: string): string[] => {
  const list = readJson(path)['workspaces'];
  if (!Array.isArray(list)) throw new Error(`${path} has no workspaces list`);
  return list.map(String);
};

describe('the two workspace roots (docs/decisions/0001, 0002)', () => {
  it('src/app/package.json lists exactly the uploaded members of the repository root but the functions', () => {
    const uploaded = workspaces('package.json')
      .filter((w) => w.startsWith('src/app/'))
      .map((w) => w.slice('src/app/'.length))
      .filter((w) => w !== 'functions')
      .sort();
    expect(workspaces('src/app/package.json').sort()).toEqual(uploaded);
  });

  it('the functions are their own npm root at upload (bundled, no dependencies: docs/decisions/0003)', () => {
    expect(workspaces('package.json')).toContain('src/app/functions');
    expect(workspaces('src/app/package.json')).not.toContain('functions');
    expect(readJson('src/app/functions/package.json')).not.toHaveProperty('dependencies');
  });

  it('every member pins its dependencies to exact versions', () => {
    for (const member of workspaces('package.json')) {
      const deps = (readJson(`${member}/package.json`)['dependencies'] ?? {}) as Record<
        string,
        string
      >;
      for (const [name, version] of Object.entries(deps)) {
        expect(version, `${member}: ${name}`).toMatch(/^\d+\.\d+\.\d+$/);
      }
    }
  });

  it('UI members pin react to the exact peer of @hubspot/ui-extensions', () => {
    const peer = (
      readJson('node_modules/@hubspot/ui-extensions/package.json')['peerDependencies'] as Record<
        string,
        string
      >
    )['react'];
    for (const member of ['src/app/cards', 'src/app/pages', 'src/app/settings']) {
      const deps = readJson(`${member}/package.json`)['dependencies'] as Record<string, string>;
      expect(deps['react'], member).toBe(peer);
    }
  });
});
