// The project as HubSpot's own parser reads it (translate() with skipValidation: offline, no
// account): exactly the components we expect, valid uids, entrypoints that exist, and an app
// whose scopes cover every HubSpot call the app functions make.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { TranslateResult } from '@hubspot/project-parsing-lib/translate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { functionEntries } from '../../scripts/build-functions.ts';
import { observeRequests } from '../support/functions/hubspot-env.ts';
import {
  invokeDecideException,
  invokeRequestException,
  invokeScoreRecord,
} from '../support/functions/invoke.ts';
import {
  COMPANIES,
  createCompany,
  createDeal,
  hubspotContext,
  MANAGER,
  plainDeal,
  REP,
  setDecision,
  startTestPortal,
  writeReason,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';
import { hsMetaFiles, readHsMeta, SRC, translateProject } from './project-layout.ts';

/** HubSpot's internal component type of each metafile type we use (ppl constants). */
const INTERNAL_TYPE: Record<string, string> = {
  app: 'APPLICATION',
  card: 'CARD',
  'app-function': 'APP_FUNCTION',
  settings: 'SETTINGS',
  page: 'PAGE',
};
const SERVERLESS_PACKAGE_UID = 'hubspot-serverless-package-uid';

/**
 * The app functions: one per entry `src/app/functions/src/entries/<name>.ts` (what the build
 * bundles), each with `<name>-hsmeta.json`, uid `<name>` in snake_case, entrypoint its bundle.
 */
const FUNCTIONS = functionEntries().map((name) => [
  name.replaceAll('-', '_'),
  `/app/functions/dist/${name}.js`,
  `app/functions/${name}-hsmeta.json`,
]);

let result: TranslateResult;
const files = hsMetaFiles();
const metas = files.map((file) => ({ file, meta: readHsMeta(file) }));

beforeAll(async () => {
  result = await translateProject();
});

const nodes = () => Object.values(result.intermediateRepresentation.intermediateNodesIndexedByUid);

describe('the project as translate() parses it', () => {
  it('finds the app, a metafile per function entry, the cards and the settings page, and skips no metafile', () => {
    expect(result.skippedHsMetaFiles).toEqual([]);
    expect(files).toContain('app/app-hsmeta.json');
    expect(files.filter((f) => f.startsWith('app/functions/'))).toEqual(
      FUNCTIONS.map(([, , file]) => file).sort(),
    );
    expect(FUNCTIONS.map(([uid]) => uid)).toEqual(
      expect.arrayContaining(['decide_exception', 'request_exception', 'score_record']),
    );
    expect(files.filter((f) => f.startsWith('app/cards/')).length).toBeGreaterThan(0);
    expect(files).toContain('app/settings/settings-hsmeta.json');
  });

  it('has exactly one component per metafile, of its type, plus the functions package', () => {
    const parsed = nodes()
      .map((n) => [n.uid, n.componentType, n.metaFilePath])
      .sort();
    const expected = [
      ...metas.map(({ file, meta }) => [meta.uid, INTERNAL_TYPE[meta.type] ?? meta.type, file]),
      [SERVERLESS_PACKAGE_UID, 'SERVERLESS_PACKAGE', 'app/functions/package.json'],
    ].sort();
    expect(parsed).toEqual(expected);
    expect(metas.filter(({ meta }) => meta.type === 'app').map(({ meta }) => meta.uid)).toEqual([
      'strategy_fit_app',
    ]);
  });

  it('the app functions, each tied to the app and the one functions package', () => {
    const functions = nodes()
      .filter((n) => n.componentType === 'APP_FUNCTION')
      .map((n) => [
        n.uid,
        z.object({ entrypoint: z.string() }).parse(n.config).entrypoint,
        n.componentDeps,
      ])
      .sort();
    expect(functions).toEqual(
      [...FUNCTIONS]
        .sort()
        .map(([uid, entrypoint]) => [
          uid,
          entrypoint,
          { app: 'strategy_fit_app', allAppObjects: [], serverlessPackage: SERVERLESS_PACKAGE_UID },
        ]),
    );
  });

  it('uids are unique, at most 64 characters of [A-Za-z0-9_.-]', () => {
    const uids = metas.map(({ meta }) => meta.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
  });

  it('every entrypoint exists (the functions’ after `npm run build`)', () => {
    const missing = metas
      .map(({ meta }) => meta.config.entrypoint)
      .filter((e): e is string => e !== undefined)
      .filter((e) => !existsSync(join(SRC, e)));
    expect(missing, 'missing entrypoints: run `npm run build` first').toEqual([]);
  });

  it('the functions package needs no install, is CommonJS like HubSpot’s template, and has its lockfile', () => {
    const pkg = JSON.parse(readFileSync(join(SRC, 'app/functions/package.json'), 'utf8')) as object;
    expect(pkg).not.toHaveProperty('dependencies');
    expect(pkg).not.toHaveProperty('devDependencies');
    expect(pkg, 'no "type": the bundles must load as CommonJS on their own').not.toHaveProperty(
      'type',
    );
    expect(existsSync(join(SRC, 'app/functions/dist/package.json'))).toBe(false);
    const serverless = nodes().find((n) => n.uid === SERVERLESS_PACKAGE_UID);
    expect(serverless?.config).toEqual({
      packageFile: 'app/functions/package.json',
      packageLockfile: 'app/functions/package-lock.json',
    });
  });
});

/** The scope each HubSpot call of the functions needs (HubSpot's API reference, per endpoint). */
const SCOPES: readonly [RegExp, (m: RegExpMatchArray) => string[]][] = [
  [/^GET \/crm-object-schemas\/2026-09\/schemas$/, () => ['crm.schemas.custom.read']],
  [/^GET \/crm\/properties\/2026-09\/(companies|deals)$/, (m) => [`crm.schemas.${m[1]}.read`]],
  [
    /^(?:GET|POST) \/crm\/objects\/2026-09\/(companies|deals|line_items)(?:\/batch\/read|\/\d+)?$/,
    (m) => [`crm.objects.${m[1]}.read`],
  ],
  [
    /^POST \/crm\/objects\/2026-09\/(companies|deals)\/batch\/update$/,
    (m) => [`crm.objects.${m[1]}.write`],
  ],
  [
    /^(?:GET \/crm\/objects\/2026-09\/2-\d+|POST \/crm\/objects\/2026-09\/2-\d+\/batch\/read)$/,
    () => ['crm.objects.custom.read'],
  ],
  [/^POST \/crm\/objects\/2026-09\/2-\d+$/, () => ['crm.objects.custom.write']],
  [
    /^POST \/crm\/associations\/2026-09\/(deals)\/(companies|line_items)\/batch\/read$/,
    (m) => [`crm.objects.${m[1]}.read`, `crm.objects.${m[2]}.read`],
  ],
  [/^GET \/crm\/owners\/2026-09(?:\/\d+)?$/, () => ['crm.objects.owners.read']],
];

describe("the app's scopes", () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal();
  });
  afterAll(() => portal.close());

  it('cover every call the three functions make', async () => {
    const rt = portal.runtime;
    const companyId = await createCompany(portal.hs, COMPANIES.off_strategy);
    const dealId = await createDeal(portal.hs, plainDeal('Scope check'), {
      companyId,
      lineItems: [{ name: 'Seats', price: '10', quantity: '1' }],
    });
    const { sent } = await observeRequests(async () => {
      await invokeScoreRecord(
        rt,
        hubspotContext({ objectType: 'company' }, { hs_object_id: companyId }),
      );
      await invokeScoreRecord(rt, hubspotContext({ objectType: 'deal' }, { hs_object_id: dealId }));
      writeReason(portal, REP, dealId, 'Scope check for the project test');
      const requested = await invokeRequestException(
        rt,
        hubspotContext({}, { hs_object_id: dealId }),
      );
      expect(requested.ok, JSON.stringify(requested)).toBe(true);
      setDecision(portal, MANAGER, dealId, 'approve');
      const decided = await invokeDecideException(
        rt,
        hubspotContext({ requestSeq: 1, decision: 'approve' }, { hs_object_id: dealId }),
      );
      expect(decided.ok, JSON.stringify(decided)).toBe(true);
    });
    const calls = [...new Set(sent.map((r) => `${r.method} ${r.path.split('?')[0] ?? ''}`))];
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
        "crm.objects.companies.write",
        "crm.objects.custom.read",
        "crm.objects.custom.write",
        "crm.objects.deals.read",
        "crm.objects.deals.write",
        "crm.objects.line_items.read",
        "crm.objects.owners.read",
        "crm.schemas.companies.read",
        "crm.schemas.custom.read",
        "crm.schemas.deals.read",
      ]
    `);
    const app = z
      .object({ config: z.object({ auth: z.object({ requiredScopes: z.array(z.string()) }) }) })
      .parse(readHsMeta('app/app-hsmeta.json'));
    expect(needed.filter((s) => !app.config.auth.requiredScopes.includes(s))).toEqual([]);
  });
});
