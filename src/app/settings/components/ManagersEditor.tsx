import { Alert, Flex, MultiSelect, Text } from '@hubspot/ui-extensions';
import type { EditorTeam, EditorUser, EditorViewer } from '@strategy-fit/core';

import type { Draft, DraftAction } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';

type Props = {
  draft: Draft;
  users: readonly EditorUser[];
  teams: readonly EditorTeam[];
  viewer: EditorViewer;
  viewerTeamIds: readonly string[];
  issues: IssueIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
};

const withUnknown = (
  options: { label: string; value: string }[],
  ids: readonly string[],
  word: string,
): { label: string; value: string }[] => [
  ...options,
  ...ids
    .filter((id) => !options.some((o) => o.value === id))
    .map((id) => ({ label: `${word} ${id} (not active in this portal)`, value: id })),
];

/** Who counts as a strategy manager: user ids and team ids, shown with their names. */
export const ManagersEditor = (props: Props) => {
  const { draft, users, teams, viewer, issues, readOnly, dispatch } = props;
  const userIds = draft.managers?.userIds ?? [];
  const teamIds = draft.managers?.teamIds ?? [];
  const userOptions = withUnknown(
    users.map((u) => ({
      label: `${u.name}${u.email === null ? '' : ` (${u.email})`}`,
      value: u.userId,
    })),
    userIds,
    'User',
  );
  const teamOptions = withUnknown(
    teams.map((t) => ({ label: t.name, value: t.id })),
    teamIds,
    'Team',
  );
  // A manager who removes themselves can no longer publish here after this version.
  const staysManager =
    userIds.includes(viewer.userId) || props.viewerTeamIds.some((t) => teamIds.includes(t));
  return (
    <Flex direction="column" gap="sm" testId="managers">
      <Text variant="microcopy">
        The managers of the published version may publish, roll back and decide exceptions. Anyone
        else reads the strategy only.
      </Text>
      <MultiSelect
        name="managers.userIds"
        label="Managers (users)"
        options={userOptions}
        value={userIds}
        readOnly={readOnly}
        onChange={(v) => dispatch({ type: 'set', patch: { managers: { userIds: v.map(String) } } })}
        {...issues.field('managers.userIds')}
        testId="managers.userIds"
      />
      <MultiSelect
        name="managers.teamIds"
        label="Managers (every member of these teams)"
        options={teamOptions}
        value={teamIds}
        readOnly={readOnly}
        onChange={(v) => dispatch({ type: 'set', patch: { managers: { teamIds: v.map(String) } } })}
        {...issues.field('managers.teamIds')}
        testId="managers.teamIds"
      />
      {!readOnly && viewer.isManager && !staysManager && (
        <Alert title="You would no longer be a manager" variant="warning" testId="managers.lockout">
          This version names neither you nor a team of yours. After publishing it, you can no longer
          publish or roll back here.
        </Alert>
      )}
      {userIds.length + teamIds.length === 0 && (
        <Alert title="No managers" variant="warning" testId="managers.none">
          With no managers, nobody can publish, roll back or decide exceptions in HubSpot; only the
          portal admin can, with the Strategy Fit CLI.
        </Alert>
      )}
    </Flex>
  );
};
