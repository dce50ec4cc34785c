import type { Strategy } from './strategy-schema.ts';

/** Whether a HubSpot user may publish, roll back and decide exceptions under this strategy. */
export const isStrategyManager = (
  strategy: Pick<Strategy, 'managers'>,
  user: { userId: string; teamIds: readonly string[] },
): boolean => {
  const managers = strategy.managers;
  if (!managers) return false;
  return (
    managers.userIds.includes(user.userId) || user.teamIds.some((t) => managers.teamIds.includes(t))
  );
};
