// Managers without their ids (issue 10: nobody but a verified manager receives manager ids or the
// user list; a rep may see the managers' names). The editor gets the published version with
// `managers.userIds` as refs (`manager:0`, …) and the names behind them; what it sends back to
// publish holds refs, emails of new managers, or ids, which the function resolves.
import type { EditorIssue, EditorManager, Strategy } from '@strategy-fit/core';
import type { Owner } from '@strategy-fit/hubspot';

const REF = /^manager:([0-9]{1,3})$/;

export const ownerName = (o: Owner): string =>
  `${o.firstName} ${o.lastName}`.trim() || `User ${o.userId ?? o.id}`;

/** The published managers as refs with names (an inactive user keeps their ref, unnamed). */
export function managerRefs(
  published: Pick<Strategy, 'managers'> | null,
  owners: readonly Owner[],
): EditorManager[] {
  const names = new Map(
    owners.flatMap((o) => (o.userId === null ? [] : [[o.userId, ownerName(o)]])),
  );
  return (published?.managers?.userIds ?? []).map((userId, i) => ({
    ref: `manager:${i}`,
    name: names.get(userId) ?? 'a user no longer active in HubSpot',
  }));
}

/** The strategy as the page gets it: its managers' user ids replaced by refs. */
export const withManagerRefs = (strategy: Strategy): Strategy =>
  strategy.managers === undefined
    ? strategy
    : {
        ...strategy,
        managers: {
          ...strategy.managers,
          userIds: strategy.managers.userIds.map((_, i) => `manager:${i}`),
        },
      };

/**
 * The page's `managers.userIds` resolved to HubSpot user ids: a ref names a published manager, an
 * email an active user with that email (HubSpot's owners), digits stay as they are. Whatever does
 * not resolve is an issue at its path.
 */
export function resolveManagerIds(
  input: unknown,
  published: Pick<Strategy, 'managers'> | null,
  owners: readonly Owner[],
): { strategy: unknown; issues: EditorIssue[] } {
  if (typeof input !== 'object' || input === null) return { strategy: input, issues: [] };
  const managers = (input as { managers?: unknown }).managers;
  if (typeof managers !== 'object' || managers === null) return { strategy: input, issues: [] };
  const ids = (managers as { userIds?: unknown }).userIds;
  if (!Array.isArray(ids)) return { strategy: input, issues: [] };
  const current = published?.managers?.userIds ?? [];
  const issues: EditorIssue[] = [];
  const resolved = ids.map((raw, i) => {
    const text = typeof raw === 'string' ? raw.trim() : '';
    const path = `managers.userIds[${i}]`;
    const ref = REF.exec(text);
    if (ref !== null) {
      const id = current[Number(ref[1])];
      if (id === undefined)
        issues.push(issue(path, `${text} is not a manager of the published version`));
      return id ?? text;
    }
    if (text.includes('@')) {
      const owner = owners.find(
        (o) => o.userId !== null && o.email?.toLowerCase() === text.toLowerCase(),
      );
      if (owner?.userId === undefined || owner.userId === null) {
        issues.push(
          issue(path, `${text} is not the email of an active user of this HubSpot account`),
        );
        return text;
      }
      return owner.userId;
    }
    return raw;
  });
  return {
    strategy: { ...(input as object), managers: { ...(managers as object), userIds: resolved } },
    issues,
  };
}

const issue = (path: string, message: string): EditorIssue => ({
  source: 'portal',
  code: 'user_unknown',
  path,
  message,
});
