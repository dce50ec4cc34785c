// `strategy_editor_load`: what the settings page needs before the first edit: the published
// strategy (or none), the version history, the versions prepared on it that wait for approval, the portal's company and deal properties for the
// pickers, the product library for the offers, the managers by name and the teams, what setup
// still has to do, and, before the first version, the templates to start from. It answers
// everyone the same: no user ids, no emails, no user list (issue 10); who may publish is decided
// when a manager approves in HubSpot.
import {
  checkStrategy,
  MAX_HISTORY,
  MAX_PENDING,
  MAX_PRODUCTS,
  ok,
  StrategyEditorLoadParams,
} from '@strategy-fit/core';
import type {
  EditorProperty,
  EditorTeam,
  PortalDefinitions,
  PropertyDefinitions,
  Result,
  SetupStatus,
  StrategyEditorLoadValue,
  StrategyFitError,
  StrategyTemplate,
} from '@strategy-fit/core';
import {
  listCustomObjects,
  listOpenPendingVersions,
  listOwners,
  listProducts,
  listStrategyVersions,
  setupStatusFrom,
} from '@strategy-fit/hubspot';
import type { Owner } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import type { Runtime } from '../../lib/runtime.ts';
import { strategyTemplates } from '../../lib/strategy-templates.ts';
import { parseEditorParams, readPortalDefinitions, toVersionSummary } from './editor-shared.ts';
import { managerRefs, withManagerRefs } from './manager-refs.ts';
import { loadedPendingOf } from './pending-view.ts';

export type StrategyEditorLoadInput = z.output<typeof StrategyEditorLoadParams>;

/** The pickers list at most this many properties per object and options per property. */
export const MAX_PROPERTIES = 1_000;
export const MAX_OPTIONS = 500;
/** The team picker lists at most this many teams. */
export const MAX_TEAMS = 2_000;

/** Properties Strategy Fit writes itself: scoring on them would score its own output. */
const OWN_PROPERTY = /^strategy_fit_/;

export const parseStrategyEditorLoad = (
  context: unknown,
): Result<StrategyEditorLoadInput, StrategyFitError> =>
  parseEditorParams(context, StrategyEditorLoadParams);

const byLabel = (a: { label: string; name: string }, b: { label: string; name: string }): number =>
  a.label === b.label ? (a.name < b.name ? -1 : 1) : a.label < b.label ? -1 : 1;

/** The pickers' properties: sorted by label, without Strategy Fit's own, options capped. */
export function editorProperties(definitions: PropertyDefinitions): {
  list: EditorProperty[];
  truncated: boolean;
} {
  const all = Object.values(definitions)
    .filter((d) => !OWN_PROPERTY.test(d.name))
    .sort(byLabel);
  const list = all.slice(0, MAX_PROPERTIES).map((d): EditorProperty => {
    const options = d.options ?? [];
    return {
      name: d.name,
      label: d.label,
      type: d.type,
      fieldType: d.fieldType,
      ...(options.length === 0
        ? {}
        : {
            options: options.slice(0, MAX_OPTIONS).map((o) => ({ label: o.label, value: o.value })),
          }),
      ...(options.length > MAX_OPTIONS ? { optionsTruncated: true } : {}),
    };
  });
  return { list, truncated: all.length > list.length };
}

/** The portal's teams (names and ids; members are not listed), for the managers' teams. */
export function editorTeams(owners: readonly Owner[]): { teams: EditorTeam[]; truncated: boolean } {
  const teams = new Map<string, string>();
  for (const o of owners) for (const t of o.teams) teams.set(t.id, t.name);
  const all = [...teams]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  return { teams: all.slice(0, MAX_TEAMS), truncated: all.length > MAX_TEAMS };
}

/**
 * The templates of a first version, with how many problems each has on this portal (properties
 * it lacks, options it has not: the editor marks them), in one pass of the core's check.
 */
export const editorTemplates = (definitions: PortalDefinitions): StrategyTemplate[] =>
  strategyTemplates().map(({ id, strategy }) => ({
    id,
    name: strategy.name,
    description: strategy.description ?? '',
    strategy,
    portalIssues: checkStrategy(strategy, definitions).problems.length,
  }));

/**
 * What setup still has to do. This container may keep definitions from before a setup that ran in
 * another one (DEFINITIONS_TTL_MS): when they say something is missing, they are read again.
 */
async function currentSetupStatus(
  rt: Runtime,
  definitions: PortalDefinitions,
  schemas: Parameters<typeof setupStatusFrom>[1],
): Promise<Result<SetupStatus, StrategyFitError>> {
  const status = (d: PortalDefinitions) =>
    setupStatusFrom({ companies: d.company, deals: d.deal }, schemas);
  const first = status(definitions);
  if (first.complete) return ok(first);
  rt.definitions.forget();
  const fresh = await readPortalDefinitions(rt);
  return fresh.ok ? ok(status(fresh.value)) : fresh;
}

/**
 * Reads everything at once: one round trip when the container is warm (two after a publish, or
 * while setup is not complete), plus the product library's further pages beyond 100 products.
 */
export async function loadStrategyEditor(
  rt: Runtime,
  _input: StrategyEditorLoadInput,
): Promise<Result<StrategyEditorLoadValue, StrategyFitError>> {
  const [active, versions, definitions, owners, products, schemas, open] = await Promise.all([
    rt.strategies.current(),
    listStrategyVersions(rt.hs),
    readPortalDefinitions(rt),
    listOwners(rt.hs),
    listProducts(rt.hs, MAX_PRODUCTS),
    listCustomObjects(rt.hs),
    listOpenPendingVersions(rt.hs, MAX_PENDING),
  ]);
  const published = active.ok ? active.value : null;
  if (!active.ok && active.error.code !== 'strategy_not_published') return active;
  if (!versions.ok) return versions;
  if (!definitions.ok) return definitions;
  if (!owners.ok) return owners;
  if (!products.ok) return products;
  if (!schemas.ok) return schemas;
  if (!open.ok) return open;
  const setup = await currentSetupStatus(rt, definitions.value, schemas.value);
  if (!setup.ok) return setup;
  const teams = editorTeams(owners.value);
  const history = versions.value.map((v) => toVersionSummary(v, owners.value));
  const summary =
    published === null ? undefined : history.find((v) => v.version === published.version);
  const company = editorProperties(definitions.value.company);
  const deal = editorProperties(definitions.value.deal);
  return ok({
    current:
      published === null
        ? null
        : {
            summary: summary ?? {
              version: published.version,
              status: 'current',
              strategyName: published.stamp.name,
              publishedByLabel: 'unknown',
              publishedAt: published.stamp.publishedAt,
              source: 'publish',
              rolledBackFrom: null,
            },
            strategy: withManagerRefs(published.strategy),
          },
    history: history.slice(0, MAX_HISTORY),
    historyTotal: history.length,
    properties: {
      company: company.list,
      deal: deal.list,
      truncated: company.truncated || deal.truncated,
    },
    people: {
      managers: managerRefs(published?.strategy ?? null, owners.value),
      teams: teams.teams,
      truncated: teams.truncated,
    },
    products: { list: products.value.products, truncated: products.value.truncated },
    setup: setup.value,
    templates: published === null ? editorTemplates(definitions.value) : [],
    // Prepared on the version this load shows (the list and the cache agree), names only.
    pending:
      open.value.current === (published?.version ?? 0)
        ? open.value.pending.flatMap((record) => {
            const loaded = loadedPendingOf(record, published?.strategy ?? null, owners.value);
            return loaded === null ? [] : [loaded];
          })
        : [],
  });
}
