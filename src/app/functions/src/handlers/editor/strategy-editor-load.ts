// `strategy_editor_load`: what the settings page needs before the first edit: the published
// strategy (or none), the version history, the portal's company and deal properties for the
// pickers, the users and teams for the managers picker, and whether the viewer may publish
// (checked against HubSpot's owners, never taken from the page).
import { MAX_HISTORY, ok, StrategyEditorLoadParams } from '@strategy-fit/core';
import type {
  EditorProperty,
  EditorTeam,
  EditorUser,
  EditorViewer,
  PropertyDefinitions,
  Result,
  StrategyEditorLoadValue,
  StrategyFitError,
} from '@strategy-fit/core';
import { listOwners, listStrategyVersions } from '@strategy-fit/hubspot';
import type { Owner } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import type { ActiveStrategy } from '../../lib/active-strategy.ts';
import type { Runtime } from '../../lib/runtime.ts';
import { verifyUser } from '../../lib/verify-user.ts';
import type { VerifiedUser } from '../../lib/verify-user.ts';
import {
  checkPublisher,
  parseEditorParams,
  readPortalDefinitions,
  toVersionSummary,
} from './editor-shared.ts';

export type StrategyEditorLoadInput = z.output<typeof StrategyEditorLoadParams>;

/** The pickers list at most this many properties per object and options per property. */
export const MAX_PROPERTIES = 1_000;
export const MAX_OPTIONS = 500;
/** The managers picker lists at most this many users. */
export const MAX_USERS = 2_000;

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

const ownerName = (o: Owner): string =>
  `${o.firstName} ${o.lastName}`.trim() || (o.email ?? `User ${o.userId ?? o.id}`);

/** Active users (owners with a user id) and their teams, for the managers picker. */
export function editorPeople(owners: readonly Owner[]): {
  users: EditorUser[];
  teams: EditorTeam[];
  truncated: boolean;
} {
  const users = owners
    .flatMap((o) =>
      o.userId === null ? [] : [{ userId: o.userId, name: ownerName(o), email: o.email }],
    )
    .sort((a, b) =>
      a.name === b.name ? (a.userId < b.userId ? -1 : 1) : a.name < b.name ? -1 : 1,
    );
  const teams = new Map<string, string>();
  for (const o of owners) for (const t of o.teams) teams.set(t.id, t.name);
  return {
    users: users.slice(0, MAX_USERS),
    teams: [...teams]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    truncated: users.length > MAX_USERS,
  };
}

function viewerOf(
  userId: string,
  user: Result<VerifiedUser, StrategyFitError>,
  active: ActiveStrategy | null,
): EditorViewer {
  if (!user.ok) {
    return { userId, confirmed: false, name: null, isManager: false, reason: user.error.message };
  }
  const allowed = checkPublisher(active, user.value);
  return {
    userId,
    confirmed: true,
    name: user.value.name === '' ? user.value.email : user.value.name,
    isManager: allowed.ok,
    reason: allowed.ok ? null : allowed.error.message,
  };
}

/** Reads everything at once (one round trip when the container is warm, two after a publish). */
export async function loadStrategyEditor(
  rt: Runtime,
  input: StrategyEditorLoadInput,
): Promise<Result<StrategyEditorLoadValue, StrategyFitError>> {
  const [active, versions, definitions, owners, user] = await Promise.all([
    rt.strategies.current(),
    listStrategyVersions(rt.hs),
    readPortalDefinitions(rt),
    listOwners(rt.hs),
    verifyUser(rt, input.user),
  ]);
  const published = active.ok ? active.value : null;
  if (!active.ok && active.error.code !== 'strategy_not_published') return active;
  if (!versions.ok) return versions;
  if (!definitions.ok) return definitions;
  if (!owners.ok) return owners;
  // Only a refusal makes the viewer unconfirmed; HubSpot's own trouble is the answer.
  if (!user.ok && user.error.code !== 'not_allowed') return user;
  const people = editorPeople(owners.value);
  const names = new Map(people.users.map((u) => [u.userId, u.name]));
  const history = versions.value.map((v) => toVersionSummary(v, names));
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
              publishedBy: '',
              publishedByLabel: 'unknown',
              publishedAt: published.stamp.publishedAt,
              source: 'publish',
              rolledBackFrom: null,
            },
            strategy: published.strategy,
          },
    history: history.slice(0, MAX_HISTORY),
    historyTotal: history.length,
    properties: {
      company: company.list,
      deal: deal.list,
      truncated: company.truncated || deal.truncated,
    },
    people,
    viewer: viewerOf(input.user.id, user, published),
  });
}
