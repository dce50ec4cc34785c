import type { CrmContext } from '@hubspot/ui-extensions';
import type { CardUser } from '@strategy-fit/core';

/**
 * Who is looking, from the card's context: an identity claim the functions check, never proof
 * (docs/security.md).
 */
export const cardUserOf = (user: CrmContext['user']): CardUser => ({
  id: String(user.id),
  email: user.email === '' ? null : user.email,
  teamIds: user.teams.map((t) => String(t.id)),
});
