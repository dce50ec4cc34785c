// What the strategy editor's five functions share: parsing their larger parameters, the issues of a
// strategy (schema and portal), the rule of who may publish, and versions as the page shows them.
import {
  checkStrategy,
  err,
  isStrategyManager,
  MAX_EDITOR_PARAMETERS_CHARS,
  ok,
  strategyFitError,
} from '@strategy-fit/core';
import type {
  EditorIssue,
  PortalDefinitions,
  Result,
  Strategy,
  StrategyFitError,
  VersionSummary,
} from '@strategy-fit/core';
import type { StoredStrategySummary } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import { parseFunctionContext } from '../../lib/function-context.ts';
import type { Runtime } from '../../lib/runtime.ts';
import type { VerifiedUser } from '../../lib/verify-user.ts';

/** The page's parameters, parsed with a contract schema (a whole strategy fits). */
export function parseEditorParams<S extends z.ZodType>(
  context: unknown,
  schema: S,
): Result<z.output<S>, StrategyFitError> {
  const parsed = parseFunctionContext(context, schema, MAX_EDITOR_PARAMETERS_CHARS);
  return parsed.ok ? ok(parsed.value.params) : parsed;
}

/** The portal's company and deal property definitions (the runtime keeps them 5 minutes). */
export async function readPortalDefinitions(
  rt: Runtime,
): Promise<Result<PortalDefinitions, StrategyFitError>> {
  const [company, deal] = await Promise.all([
    rt.definitions.read('companies'),
    rt.definitions.read('deals'),
  ]);
  if (!company.ok) return company;
  if (!deal.ok) return deal;
  return ok({ company: company.value, deal: deal.value });
}

/**
 * Every issue of a strategy in one pass (the core's checkStrategy): the schema's, and the
 * properties of every criterion that can be read against the portal. The strategy is returned
 * when the schema accepts it.
 */
export function strategyIssues(
  input: unknown,
  definitions: PortalDefinitions | null,
): { strategy: Strategy | null; issues: EditorIssue[]; portalChecked: boolean } {
  const { strategy, problems, portalChecked } = checkStrategy(input, definitions);
  return { strategy, issues: problems, portalChecked };
}

/** How the first version gets published: not here, since nobody is a manager before it exists. */
export const FIRST_VERSION_MESSAGE =
  'No strategy is published yet, so nobody is a strategy manager. The portal admin publishes the first version with the Strategy Fit CLI (`strategy-fit setup`, then `strategy-fit strategy publish strategy.json --by <your HubSpot user id>`), naming the managers under "managers". From then on, those managers publish and roll back here.';

/**
 * Only a strategy manager publishes, rolls back or simulates: a confirmed user named (or in a team
 * named, as HubSpot lists their teams) in the **currently published** strategy's `managers`.
 */
export function checkPublisher(
  published: { version: number; strategy: Pick<Strategy, 'managers'> } | null,
  user: VerifiedUser,
): Result<true, StrategyFitError> {
  if (published === null) return err(strategyFitError('not_allowed', FIRST_VERSION_MESSAGE));
  const managers = published.strategy.managers;
  if (managers === undefined || managers.userIds.length + managers.teamIds.length === 0) {
    return err(
      strategyFitError(
        'not_allowed',
        `Nobody can publish here: the published strategy (version ${published.version}) names no managers. The portal admin publishes a version that names them with the Strategy Fit CLI (\`strategy-fit strategy publish\`).`,
      ),
    );
  }
  if (isStrategyManager(published.strategy, { userId: user.userId, teamIds: user.teamIds })) {
    return ok(true);
  }
  return err(
    strategyFitError(
      'not_allowed',
      `Only the strategy managers named in version ${published.version} can publish, simulate or roll back, and ${user.email} is not one of them. You can read the strategy; ask a manager to change it.`,
    ),
  );
}

/** Who published, as the store keeps it when this page publishes: name, email and user id. */
export const publisherOf = (user: VerifiedUser): string =>
  `${user.name === '' ? user.email : user.name} <${user.email}> (user ${user.userId})`;

const NAMED = /^(.+?) <[^<>]*> \(user \d+\)$/;

/**
 * `publishedBy` for people: a bare user id becomes the owner's name, and
 * "Name <email> (user id)" the name.
 */
export const publisherLabel = (
  publishedBy: string,
  namesByUserId: ReadonlyMap<string, string> = new Map(),
): string => {
  const by = publishedBy.trim();
  if (/^\d+$/.test(by)) return namesByUserId.get(by) ?? `User ${by}`;
  return NAMED.exec(by)?.[1] ?? (by === '' ? 'unknown' : by);
};

/** A stored version's summary as the page shows it. */
export const toVersionSummary = (
  stored: StoredStrategySummary,
  namesByUserId?: ReadonlyMap<string, string>,
): VersionSummary => ({
  version: stored.version,
  status: stored.status,
  strategyName: stored.strategyName,
  publishedBy: stored.publishedBy,
  publishedByLabel: publisherLabel(stored.publishedBy, namesByUserId),
  publishedAt: stored.publishedAt,
  source: stored.source,
  rolledBackFrom: stored.rolledBackFrom,
});
