// A seeded sandbox in the test process for the end-to-end suites, and the expected scores
// computed straight with the core from records read back over plain HTTP.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  compileStrategy,
  companyFitProperties,
  dealFitProperties,
  scoreCompany,
  FIT_PROPERTIES,
  parseStrategy,
  pickDealCompanyId,
  scoreDeal,
  strategyProperties,
} from '@strategy-fit/core';
import type { PropertyDefinitions, Strategy } from '@strategy-fit/core';
import { startSandbox } from '@strategy-fit/sandbox';
import type { RunningSandbox, SandboxOptions } from '@strategy-fit/sandbox';
import { z } from 'zod';

import { REPO_ROOT } from './repo-root.ts';
import { associations, listAll, readByIds } from './portal.ts';
import type { Bag, Portal } from './portal.ts';

export const AS_OF = '2026-11-01';
/** `--now` of every scoring run in the suites, so runs on two sandboxes agree to the byte. */
export const NOW = '2026-11-02T09:00:00Z';
export const NOW_MS = Date.parse(NOW);

export const EXAMPLE_STRATEGY = resolve(REPO_ROOT, 'examples/strategies/02-b2b-saas.json');
export const MINIMAL_STRATEGY = resolve(REPO_ROOT, 'examples/strategies/01-minimal.json');

export const loadStrategy = (file: string): Strategy => {
  const parsed = parseStrategy(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is not a valid strategy`);
  return parsed.value;
};

export type TestPortal = Portal & { sandbox: RunningSandbox };

export const startPortal = async (
  seed: { seed: number; companies: number; deals: number; spellingVariantsPercent?: number },
  options: Omit<SandboxOptions, 'seed'> = {},
): Promise<TestPortal> => {
  const sandbox = await startSandbox({
    rateLimit: false,
    ...options,
    seed: { ...seed, asOf: AS_OF },
  });
  return { sandbox, baseUrl: sandbox.baseUrl, token: sandbox.token };
};

/** SCORING §8 properties scoring writes, per object (from the core's list, so additions are compared too). */
export const FIT_NAMES = {
  companies: FIT_PROPERTIES.filter(
    (p) => p.writtenByScoring && p.objects.includes('companies'),
  ).map((p) => p.name),
  deals: FIT_PROPERTIES.filter((p) => p.writtenByScoring && p.objects.includes('deals')).map(
    (p) => p.name,
  ),
};

const Definitions = z.object({
  results: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.string(),
      fieldType: z.string(),
      options: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
    }),
  ),
});

/** The property definitions of an object type, by name (the properties API, over plain HTTP). */
export const readDefinitions = async (
  portal: Portal,
  objectType: string,
): Promise<PropertyDefinitions> => {
  const response = await fetch(`${portal.baseUrl}/crm/properties/2026-09/${objectType}`, {
    headers: { authorization: `Bearer ${portal.token}` },
  });
  const parsed = Definitions.parse(await response.json());
  return Object.fromEntries(parsed.results.map((d) => [d.name, d]));
};

export type Actual = { companies: Map<string, Bag>; deals: Map<string, Bag> };
export type Expected = {
  companies: Map<string, Record<string, string>>;
  deals: Map<string, Record<string, string>>;
};

/**
 * Reads every company and deal back (list API, associations, line items, over plain HTTP) and
 * computes the fit properties the core gives them with `strategy` as `version` at NOW.
 */
export const expectedScores = async (
  portal: Portal,
  strategy: Strategy,
  version: number,
): Promise<{ actual: Actual; expected: Expected }> => {
  const named = strategyProperties(strategy);
  const [companyDefs, dealDefs] = [
    await readDefinitions(portal, 'companies'),
    await readDefinitions(portal, 'deals'),
  ];
  const companies = await listAll(portal, 'companies', [...named.company, ...FIT_NAMES.companies]);
  const deals = await listAll(portal, 'deals', [...named.deal, ...FIT_NAMES.deals]);
  const dealIds = deals.map((d) => d.id);
  const dealCompanies = await associations(portal, 'deals', 'companies', dealIds);
  const dealLineItems = await associations(portal, 'deals', 'line_items', dealIds);
  const lineItemIds = [...dealLineItems.values()].flatMap((links) => links.map((l) => l.id));
  const lineItems = await readByIds(portal, 'line_items', lineItemIds, named.lineItem);

  const compiled = compileStrategy(strategy);
  const stamp = { version, scoredAt: new Date(NOW_MS).toISOString() };
  const companyFacts = new Map(
    companies.map((c) => [
      c.id,
      { id: c.id, properties: c.properties, definitions: companyDefs, nowMs: NOW_MS },
    ]),
  );
  const expected: Expected = { companies: new Map(), deals: new Map() };
  for (const [id, facts] of companyFacts) {
    expected.companies.set(id, companyFitProperties(scoreCompany(compiled, facts), stamp));
  }
  for (const d of deals) {
    const companyId = pickDealCompanyId(dealCompanies.get(d.id) ?? []);
    const facts = companyId === null ? undefined : companyFacts.get(companyId);
    const score = scoreDeal(compiled, {
      deal: { id: d.id, properties: d.properties, definitions: dealDefs, nowMs: NOW_MS },
      company: facts === undefined ? null : { facts, score: scoreCompany(compiled, facts) },
      lineItems: (dealLineItems.get(d.id) ?? []).map((l) => ({
        id: l.id,
        properties: lineItems.get(l.id) ?? {},
      })),
      nowMs: NOW_MS,
    });
    expected.deals.set(d.id, dealFitProperties(score, stamp));
  }
  return {
    actual: {
      companies: new Map(companies.map((c) => [c.id, c.properties])),
      deals: new Map(deals.map((d) => [d.id, d.properties])),
    },
    expected,
  };
};

/** A stored value as the comparison sees it: empty = none, datetimes and numbers by value. */
const normal = (name: string, value: string | null | undefined): string => {
  const v = (value ?? '').trim();
  if (v === '') return '';
  if (name === 'strategy_fit_scored_at') return String(Date.parse(v));
  if (
    ['strategy_fit_score', 'strategy_fit_version', 'strategy_fit_discount_percent'].includes(name)
  )
    return String(Number(v));
  if (name === 'strategy_fit_warnings') return v.split(';').sort().join(';');
  return v;
};

/** Records whose stored fit properties differ from the expected ones: `id property: stored ≠ expected`. */
export const mismatches = (
  actual: Map<string, Bag>,
  expected: Map<string, Record<string, string>>,
  names: readonly string[],
): string[] => {
  const found: string[] = [];
  for (const [id, want] of expected) {
    const have = actual.get(id) ?? {};
    for (const name of names) {
      if (normal(name, have[name]) !== normal(name, want[name])) {
        found.push(
          `${id} ${name}: ${JSON.stringify(have[name] ?? null)} ≠ ${JSON.stringify(want[name] ?? '')}`,
        );
      }
    }
  }
  return found;
};
