import type { PagesContext } from '@hubspot/ui-extensions';
import type { CardUser } from '@strategy-fit/core';

/**
 * Who is looking, from the page's context: an identity claim the functions check where it
 * matters (deciding, rescoring), never proof (docs/security.md).
 */
export const pageUserOf = (user: PagesContext['user']): CardUser => ({
  id: String(user.id),
  email: user.email === '' ? null : user.email,
  teamIds: user.teams.map((t) => String(t.id)),
});
