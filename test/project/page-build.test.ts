// The app page bundles with the UI-extension build HubSpot's remote build runs (HUBSPOT.md §2.2,
// §7): `buildSingleExtension` with its `remoteBuild` arguments (root = the page folder, minified),
// offline, from a copy of the folder without the repository's root files, as in the upload. And
// the 2026.09 bulk action kept outside src/ leaves the 2026.03 project as translate() reads it.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { translate } from '@hubspot/project-parsing-lib/translate';
import { buildSingleExtension } from '@hubspot/ui-extensions-dev-server/build';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { ROOT, SRC, translateProject } from './project-layout.ts';

const pagesDir = join(SRC, 'app', 'pages');
const PageMeta = z.strictObject({
  uid: z.string(),
  type: z.literal('page'),
  config: z.strictObject({ entrypoint: z.string() }),
});
const metas = readdirSync(pagesDir).filter((f) => f.endsWith('-hsmeta.json'));
const tmp = mkdtempSync(join(tmpdir(), 'strategy-fit-page-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the app page bundle (the UI-extension build of HubSpot’s remote build)', () => {
  it('one page component: a singular `page` with its entry file', () => {
    expect(metas).toEqual(['pages-hsmeta.json']);
    const meta = PageMeta.parse(
      JSON.parse(readFileSync(join(pagesDir, 'pages-hsmeta.json'), 'utf8')),
    );
    expect(meta).toEqual({
      uid: 'strategy_review_page',
      type: 'page',
      config: { entrypoint: '/app/pages/StrategyReviewPages.tsx' },
    });
  });

  it('bundles into one IIFE with react external and the core inside', async () => {
    const uploaded = join(tmp, 'src', 'app', 'pages');
    cpSync(pagesDir, uploaded, {
      recursive: true,
      filter: (from) =>
        !from.includes(join('pages', 'node_modules')) && !/\.test\.tsx?$/.test(from),
    });
    symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'), 'dir');
    const entry = join(tmp, 'src', 'app', 'pages', 'StrategyReviewPages.tsx');
    expect(dirname(entry)).toBe(uploaded);
    const out = join(tmp, 'out');
    await buildSingleExtension({
      file: entry,
      outputDir: out,
      root: uploaded,
      minify: true,
      logLevel: 'silent',
      codeCheckingPluginEnabled: false,
      securityAuditPluginEnabled: false,
    });
    const name = basename(entry).replace(/\.tsx$/, '');
    const bundle = readFileSync(join(out, `${name}.js`), 'utf8');
    const manifest = JSON.parse(readFileSync(join(out, `${name}-manifest.json`), 'utf8')) as {
      modules: { internal: { module: string }[]; external: { module: string }[] };
    };
    const bundled = [...manifest.modules.internal, ...manifest.modules.external].map(
      (m) => m.module,
    );
    // Booleans, so a failure does not print a large bundle.
    expect(bundle.startsWith(`this.${name}=this.${name}||{};(function(`), 'IIFE').toBe(true);
    expect(/\}\)\(this\.\w+\.js=this\.\w+\.js\|\|\{\},React,RemoteUI\);\s*$/.test(bundle)).toBe(
      true,
    );
    expect(bundled.filter((m) => /node_modules\/react\/(index\.js|cjs\/react\.)/.test(m))).toEqual(
      [],
    );
    expect(bundle.includes('Invalid hook call'), 'React source in the bundle').toBe(false);
    expect(bundled.some((m) => m.endsWith('packages/core/src/app-contract/review.ts'))).toBe(true);
    expect(/@strategy-fit\/core/.test(bundle), 'left as an import').toBe(false);
    // The router of @hubspot/ui-extensions/pages is bundled; the test helpers are not.
    expect(bundled.some((m) => m.includes('ui-extensions/dist/pages/create-page-router'))).toBe(
      true,
    );
    expect(bundled.some((m) => m.includes('produce-page-fixtures'))).toBe(false);
    expect(bundle.includes('React.createElement('), 'classic JSX').toBe(false);
  });
});

describe('the 2026.09 bulk action stays out of the 2026.03 project', () => {
  it('translate() of src/ finds the page and the manager functions, and no bulk action', async () => {
    const result = await translateProject();
    expect(result.skippedHsMetaFiles).toEqual([]);
    const nodes = Object.values(result.intermediateRepresentation.intermediateNodesIndexedByUid);
    const byUid = new Map(nodes.map((n) => [n.uid, n.componentType]));
    expect(byUid.get('strategy_review_page')).toBe('PAGE');
    expect(byUid.get('strategy_review')).toBe('APP_FUNCTION');
    expect(byUid.get('rescore_stale')).toBe('APP_FUNCTION');
    expect(nodes.filter((n) => /BULK|ACTION/.test(n.componentType))).toEqual([]);
  });

  it('copied into a 2026.09 project, the bulk action is a crm-bulk-action component', async () => {
    const project = join(tmp, 'project-2026.09');
    cpSync(SRC, join(project, 'src'), {
      recursive: true,
      filter: (from) => !from.includes('node_modules'),
    });
    cpSync(join(ROOT, 'platform-2026.09', 'src'), join(project, 'src'), { recursive: true });
    writeFileSync(
      join(project, 'hsproject.json'),
      JSON.stringify({ name: 'strategy-fit', srcDir: 'src', platformVersion: '2026.09' }),
    );
    const result = await translate(
      { projectSourceDir: join(project, 'src'), platformVersion: '2026.09' },
      { skipValidation: true },
    );
    expect(result.skippedHsMetaFiles).toEqual([]);
    const action = Object.values(
      result.intermediateRepresentation.intermediateNodesIndexedByUid,
    ).find((n) => n.uid === 'rescore_selected');
    expect(action?.componentType).toMatch(/BULK_ACTION|CRM_BULK_ACTION|ACTION/);
  });
});
