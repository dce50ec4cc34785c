// What the strategy editor's functions share: parsing their larger parameters, the issues of a
// strategy (schema and portal), and versions as the page shows them (names, never ids or emails).
import { checkStrategy, MAX_EDITOR_PARAMETERS_CHARS, ok } from '@strategy-fit/core';
import type {
  EditorIssue,
  KnownUser,
  PortalDefinitions,
  Result,
  Strategy,
  StrategyFitError,
  VersionSummary,
} from '@strategy-fit/core';
import type { Owner, StoredStrategySummary } from '@strategy-fit/hubspot';
import type { z } from 'zod';

import { parseFunctionContext } from '../../lib/function-context.ts';
import type { Runtime } from '../../lib/runtime.ts';
import { ownerName } from './manager-refs.ts';

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

/** Who published, as the store keeps it: the verified approver's name and user id. */
export const publisherOf = (user: KnownUser): string => `${user.name} (user ${user.userId})`;

const NAMED = /^(.+?)(?: <[^<>]*>)? \(user \d+\)$/;

/**
 * `publishedBy` for people, never an id or an email: "Name (user id)" (and the older
 * "Name <email> (user id)") becomes the name, a bare user id or an email the user's name when
 * HubSpot knows it, anything else stays (e.g. "CLI (token holder)").
 */
export const publisherLabel = (publishedBy: string, owners: readonly Owner[] = []): string => {
  const by = publishedBy.trim();
  const named = NAMED.exec(by);
  if (named !== null) return named[1] ?? by;
  if (/^\d+$/.test(by) || by.includes('@')) {
    const owner = owners.find(
      (o) => o.userId === by || (o.email !== null && o.email.toLowerCase() === by.toLowerCase()),
    );
    return owner === undefined ? 'a HubSpot user' : ownerName(owner);
  }
  return by === '' ? 'unknown' : by;
};

/** A stored version's summary as the page shows it. */
export const toVersionSummary = (
  stored: StoredStrategySummary,
  owners?: readonly Owner[],
): VersionSummary => ({
  version: stored.version,
  status: stored.status,
  strategyName: stored.strategyName,
  publishedByLabel: publisherLabel(stored.publishedBy, owners),
  publishedAt: stored.publishedAt,
  source: stored.source,
  rolledBackFrom: stored.rolledBackFrom,
});
