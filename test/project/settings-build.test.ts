// The settings page bundles with the UI-extension build HubSpot's remote build runs (HUBSPOT.md
// §2.2, §7): `buildSingleExtension` from @hubspot/ui-extensions-dev-server with the arguments of
// its `remoteBuild` (root = the settings folder, minified), offline. As in the upload, the folder
// stands alone: copied to a temporary tree without the repository's root files (no root
// tsconfig.json), where node_modules links to ours (what `npm ci` installs there).
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { buildSingleExtension } from '@hubspot/ui-extensions-dev-server/build';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { observeRequests } from '../support/functions/hubspot-env.ts';
import {
  approvePending,
  invokeEditorLoad,
  invokePublish,
  invokePublishConfirm,
  invokeRollback,
  invokeSetup,
  invokeSimulate,
  invokeValidate,
} from '../support/functions/invoke-editor.ts';
import {
  COMPANIES,
  createCompany,
  createDeal,
  hubspotContext,
  loadExampleStrategy,
  MANAGER,
  plainDeal,
  startTestPortal,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { readHsMeta, translateProject } from './project-layout.ts';

const root = join(import.meta.dirname, '..', '..');
const settingsDir = join(root, 'src', 'app', 'settings');

const SettingsMeta = z.strictObject({
  uid: z.string(),
  type: z.literal('settings'),
  config: z.strictObject({ entrypoint: z.string() }),
});
const meta = SettingsMeta.parse(
  JSON.parse(readFileSync(join(settingsDir, 'settings-hsmeta.json'), 'utf8')),
);

const tmp = mkdtempSync(join(tmpdir(), 'strategy-fit-settings-build-'));
const uploaded = join(tmp, 'src', 'app', 'settings');
cpSync(settingsDir, uploaded, {
  recursive: true,
  filter: (from) => !from.includes(join('settings', 'node_modules')),
});
symlinkSync(join(root, 'node_modules'), join(tmp, 'node_modules'), 'dir');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the settings page bundle (the UI-extension build of HubSpot’s remote build)', () => {
  it('is the one settings component, entry SettingsPage.tsx', () => {
    expect(meta).toEqual({
      uid: 'strategy_fit_settings',
      type: 'settings',
      config: { entrypoint: '/app/settings/SettingsPage.tsx' },
    });
  });

  it('bundles into one IIFE with react external, the core inside, and no test code', async () => {
    const entry = join(tmp, 'src', meta.config.entrypoint);
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
    const manifest = z
      .object({
        modules: z.object({
          internal: z.array(z.object({ module: z.string() })),
          external: z.array(z.object({ module: z.string() })),
        }),
      })
      .parse(JSON.parse(readFileSync(join(out, `${name}-manifest.json`), 'utf8')));
    const bundled = [...manifest.modules.internal, ...manifest.modules.external].map(
      (m) => m.module,
    );
    // Booleans, so a failure does not print the bundle.
    expect(bundle.startsWith(`this.${name}=this.${name}||{};(function(`), 'IIFE').toBe(true);
    expect(/\}\)\(this\.\w+\.js=this\.\w+\.js\|\|\{\},React,RemoteUI\);\s*$/.test(bundle)).toBe(
      true,
    );
    expect(bundled.filter((m) => /node_modules\/react\/(index\.js|cjs\/react\.)/.test(m))).toEqual(
      [],
    );
    expect(bundle.includes('Invalid hook call'), 'React source in the bundle').toBe(false);
    // The core: the contract, the parser (inline validation) and the simulation merge.
    for (const file of [
      'packages/core/src/app-contract/strategy-editor.ts',
      'packages/core/src/strategy/parse-strategy.ts',
      'packages/core/src/review/create-simulation-accumulator.ts',
    ]) {
      expect(
        bundled.some((m) => m.endsWith(file)),
        file,
      ).toBe(true);
    }
    // The pages of a new portal and the seed's new parts (issues 11, 12).
    for (const file of [
      'components/SetupPanel.tsx',
      'components/FirstStrategyStart.tsx',
      'components/SegmentSellingEditor.tsx',
      'components/CompetitorsEditor.tsx',
      'components/ExistingCustomersEditor.tsx',
      'components/FocusGuardView.tsx',
      'packages/core/src/review/focus-guard.ts',
    ]) {
      expect(
        bundled.some((m) => m.endsWith(file)),
        file,
      ).toBe(true);
    }
    expect(/@strategy-fit\/core/.test(bundle), 'left as an import').toBe(false);
    expect(bundle.includes('must not be empty'), 'the core’s messages').toBe(true);
    // Nothing of the tests, the sandbox or the adapter.
    expect(
      bundled.filter((m) => /testing\/|\.test\.|tools\/sandbox|packages\/hubspot/.test(m)),
    ).toEqual([]);
    expect(bundle.includes('React.createElement('), 'classic JSX').toBe(false);
    // Measured for docs/strategy-editor.md.
    expect(bundle.length).toBeLessThan(2 * 1024 * 1024);
  });
});

/** The strategy editor's functions, as HubSpot's parser must see them. */
const EDITOR_FUNCTIONS = [
  'strategy_editor_load',
  'strategy_fit_setup',
  'strategy_publish',
  'strategy_publish_confirm',
  'strategy_rollback',
  'strategy_simulate',
  'strategy_validate',
];

describe('the settings page and its functions as translate() parses the project', () => {
  it('one SETTINGS component, and the editor’s functions (setup included) tied to the app', async () => {
    const result = await translateProject();
    expect(result.skippedHsMetaFiles).toEqual([]);
    const nodes = Object.values(result.intermediateRepresentation.intermediateNodesIndexedByUid);
    const settings = nodes.filter((n) => n.componentType === 'SETTINGS');
    expect(settings.map((n) => [n.uid, n.metaFilePath, n.config])).toEqual([
      [
        'strategy_fit_settings',
        'app/settings/settings-hsmeta.json',
        { entrypoint: '/app/settings/SettingsPage.tsx' },
      ],
    ]);
    const functions = nodes.filter(
      (n) => n.componentType === 'APP_FUNCTION' && EDITOR_FUNCTIONS.includes(n.uid),
    );
    expect(functions.map((n) => [n.uid, n.componentDeps]).sort()).toEqual(
      EDITOR_FUNCTIONS.map((uid) => [
        uid,
        {
          app: 'strategy_fit_app',
          allAppObjects: [],
          serverlessPackage: 'hubspot-serverless-package-uid',
        },
      ]),
    );
  });
});

/** The scope each HubSpot call of the editor's functions needs (HubSpot's API reference). */
const SCOPES: readonly [RegExp, (m: RegExpMatchArray) => string[]][] = [
  [/^GET \/crm-object-schemas\/2026-09\/schemas$/, () => ['crm.schemas.custom.read']],
  [/^POST \/crm-object-schemas\/2026-09\/schemas$/, () => ['crm.schemas.custom.write']],
  [
    /^GET \/crm\/properties\/2026-09\/(companies|deals)(?:\/groups)?$/,
    (m) => [`crm.schemas.${m[1]}.read`],
  ],
  [
    /^(?:POST|PATCH) \/crm\/properties\/2026-09\/(companies|deals)(?:\/groups|\/\w+)?$/,
    (m) => [`crm.schemas.${m[1]}.write`],
  ],
  [/^GET \/crm\/properties\/2026-09\/2-\d+$/, () => ['crm.schemas.custom.read']],
  [/^POST \/crm\/properties\/2026-09\/2-\d+$/, () => ['crm.schemas.custom.write']],
  // HubSpot's products API names either scope; the app declares the narrower one.
  [/^GET \/crm\/objects\/2026-09\/products$/, () => ['crm.objects.products.read']],
  [
    /^(?:GET|POST) \/crm\/objects\/2026-09\/(companies|deals)(?:\/batch\/read|\/search)?$/,
    (m) => [`crm.objects.${m[1]}.read`],
  ],
  [
    /^(?:GET \/crm\/objects\/2026-09\/2-\d+(?:\/\d+)?|POST \/crm\/objects\/2026-09\/2-\d+\/batch\/read)$/,
    () => ['crm.objects.custom.read'],
  ],
  [
    /^(?:POST \/crm\/objects\/2026-09\/2-\d+|PATCH \/crm\/objects\/2026-09\/2-\d+\/\d+)$/,
    () => ['crm.objects.custom.write'],
  ],
  [
    /^POST \/crm\/associations\/2026-09\/(companies|deals)\/(companies|deals)\/batch\/read$/,
    (m) => [`crm.objects.${m[1]}.read`, `crm.objects.${m[2]}.read`],
  ],
  [/^GET \/crm\/owners\/2026-09(?:\/\d+)?$/, () => ['crm.objects.owners.read']],
];

describe("the app's scopes cover the editor's functions", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal({ setup: false });
    const companyId = await createCompany(portal.hs, COMPANIES.off_strategy);
    await createDeal(portal.hs, plainDeal('Scope check'), { companyId });
  });
  afterAll(() => portal.close());

  it('every call of setup, load, validate, simulate, publish, rollback and their confirmation has a scope the app declares', async () => {
    const rt = portal.runtime;
    const strategy = { ...loadExampleStrategy(), name: 'Scope check' };
    /** Prepares, has MANAGER approve in HubSpot's UI, confirms: the version's number. */
    const approved = async (prepared: unknown): Promise<void> => {
      const outcome = Reflect.get(Object(prepared), 'value');
      if (outcome?.outcome !== 'awaiting_approval') throw new Error(JSON.stringify(prepared));
      approvePending(portal, MANAGER, outcome.pending);
      const confirmed = await invokePublishConfirm(
        rt,
        hubspotContext({ pendingId: outcome.pending.recordId }),
      );
      expect(confirmed.ok && confirmed.value.outcome).toBe('published');
    };
    const { sent } = await observeRequests(async () => {
      // A fresh portal: setup from the page (every step in one chunk on the sandbox), version 1.
      await invokeEditorLoad(rt, hubspotContext({}));
      const setUp = await invokeSetup(rt, hubspotContext({}));
      expect(setUp.ok && setUp.value.next).toBeNull();
      await portal.publish();
      await invokeEditorLoad(rt, hubspotContext({}));
      await invokeValidate(rt, hubspotContext({ strategy }));
      await invokeSimulate(rt, hubspotContext({ strategy }));
      await approved(await invokePublish(rt, hubspotContext({ strategy, basedOnVersion: 1 })));
      await approved(await invokeRollback(rt, hubspotContext({ version: 1, basedOnVersion: 2 })));
    });
    const calls = [...new Set(sent.map((r) => `${r.method} ${r.path.split('?')[0] ?? ''}`))];
    expect(
      calls.some((c) => /^POST \/crm\/objects\/2026-09\/2-\d+$/.test(c)),
      'published',
    ).toBe(true);
    const unmapped = calls.filter((c) => !SCOPES.some(([re]) => re.test(c)));
    expect(
      unmapped,
      `calls without a known scope: add them to SCOPES: ${unmapped.join(', ')}`,
    ).toEqual([]);
    const needed = [
      ...new Set(
        calls.flatMap((c) =>
          SCOPES.flatMap(([re, scopes]) => {
            const m = c.match(re);
            return m === null ? [] : scopes(m);
          }),
        ),
      ),
    ].sort();
    expect(needed).toMatchInlineSnapshot(`
      [
        "crm.objects.companies.read",
        "crm.objects.custom.read",
        "crm.objects.custom.write",
        "crm.objects.deals.read",
        "crm.objects.owners.read",
        "crm.objects.products.read",
        "crm.schemas.companies.read",
        "crm.schemas.companies.write",
        "crm.schemas.custom.read",
        "crm.schemas.custom.write",
        "crm.schemas.deals.read",
        "crm.schemas.deals.write",
      ]
    `);
    const app = z
      .object({ config: z.object({ auth: z.object({ requiredScopes: z.array(z.string()) }) }) })
      .parse(readHsMeta('app/app-hsmeta.json'));
    expect(needed.filter((scope) => !app.config.auth.requiredScopes.includes(scope))).toEqual([]);
  });
});
