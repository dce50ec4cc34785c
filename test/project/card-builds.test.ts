// Each card bundles with the UI-extension build HubSpot's remote build runs (HUBSPOT.md §2.2, §7):
// `buildSingleExtension` from @hubspot/ui-extensions-dev-server with the arguments of its
// `remoteBuild` (root = the card folder, minified), offline. As in the upload, the card folder
// stands alone: it is copied to a temporary tree without the repository's root files (no root
// tsconfig.json), where node_modules links to ours (what `npm ci` installs there).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { buildSingleExtension } from '@hubspot/ui-extensions-dev-server/build';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cardsDir = join(root, 'src', 'app', 'cards');

type CardMeta = { uid: string; type: string; config: { entrypoint: string; location: string } };

const cards = readdirSync(cardsDir)
  .filter((f) => f.endsWith('-hsmeta.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(cardsDir, f), 'utf8')) as CardMeta);

const tmp = mkdtempSync(join(tmpdir(), 'strategy-fit-card-build-'));
const uploadedCards = join(tmp, 'src', 'app', 'cards');
cpSync(cardsDir, uploadedCards, {
  recursive: true,
  filter: (from) => !from.includes(`${join('cards', 'node_modules')}`),
});
symlinkSync(join(root, 'node_modules'), join(tmp, 'node_modules'), 'dir');
const outDir = join(tmp, 'out');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('card bundles (the UI-extension build of HubSpot’s remote build)', () => {
  it('finds the three cards', () => {
    expect(cards.map((c) => [c.uid, c.config.location])).toEqual([
      ['company_fit_card', 'crm.record.tab'],
      ['company_fit_sidebar', 'crm.record.sidebar'],
      ['deal_fit_card', 'crm.record.tab'],
    ]);
  });

  it.each(cards.map((c) => [c.uid, c] as const))(
    '%s bundles into one IIFE with react external and the core inside',
    async (_uid, card) => {
      // hsmeta entrypoints are relative to srcDir: /app/cards/X.tsx → src/app/cards/X.tsx.
      const entry = join(tmp, 'src', card.config.entrypoint);
      expect(dirname(entry)).toBe(uploadedCards);
      const out = join(outDir, card.uid);
      await buildSingleExtension({
        file: entry,
        outputDir: out,
        root: uploadedCards,
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
      // Booleans, so a failure does not print a 100 kB bundle.
      expect(bundle.length).toBeGreaterThan(1000);
      // One IIFE on a global named after the entry, handed the page's React and RemoteUI globals.
      expect(bundle.startsWith(`this.${name}=this.${name}||{};(function(`), 'IIFE').toBe(true);
      expect(/\}\)\(this\.\w+\.js=this\.\w+\.js\|\|\{\},React,RemoteUI\);\s*$/.test(bundle)).toBe(
        true,
      );
      // react stays external: React itself is not among the bundled modules (its small
      // jsx-runtime shim is, and it reads the React global too).
      expect(
        bundled.filter((m) => /node_modules\/react\/(index\.js|cjs\/react\.)/.test(m)),
      ).toEqual([]);
      expect(bundle.includes('Invalid hook call'), 'React source in the bundle').toBe(false);
      // The core is bundled in (through the workspace link, as TypeScript source), not imported.
      expect(bundled.some((m) => m.endsWith('packages/core/src/app-contract/schema.ts'))).toBe(
        true,
      );
      expect(bundled.some((m) => m.endsWith('packages/core/src/scoring/reason.ts'))).toBe(true);
      expect(/@strategy-fit\/core/.test(bundle), 'left as an import').toBe(false);
      // A card draws the function's answer: it never needs the strategy schema (about 15 kB
      // minified; one constant imported from it once pulled it all into the deal card).
      expect(
        bundled.some((m) => m.endsWith('packages/core/src/strategy/strategy-schema.ts')),
        'the strategy schema in a card',
      ).toBe(false);
      expect(bundle.includes('Needs data'), 'TIER_WORDS').toBe(true);
      // The automatic JSX runtime comes from cards/tsconfig.json, which is uploaded with the card
      // (the repository's root tsconfig is not).
      expect(bundle.includes('React.createElement('), 'classic JSX').toBe(false);
    },
  );
});
