import { Button, Flex, MultiSelect, Text, TextArea } from '@hubspot/ui-extensions';
import type { EditorManager, EditorTeam } from '@strategy-fit/core';

import type { Draft, DraftAction } from '../view-model/draft.ts';
import type { IssueIndex } from '../view-model/issues.ts';

type Props = {
  draft: Draft;
  /** The published version's managers, by name (refs stand for them: no user ids reach the page). */
  managers: readonly EditorManager[];
  teams: readonly EditorTeam[];
  issues: IssueIndex;
  readOnly: boolean;
  dispatch: (action: DraftAction) => void;
  /**
   * The email HubSpot's page context gives for whoever looks (null when it gives none): only a
   * shortcut to type it; the approval in HubSpot is what names the approver (docs/security.md).
   */
  viewerEmail: string | null;
};

const isRef = (id: string): boolean => id.startsWith('manager:');

/**
 * Who counts as a strategy manager: the published managers to keep (by name), new ones by their
 * email (the function finds the HubSpot user), and teams. No user list is shown: nobody but a
 * verified manager receives one (issue 10).
 */
export const ManagersEditor = (props: Props) => {
  const { draft, managers, teams, issues, readOnly, dispatch, viewerEmail } = props;
  const userIds = draft.managers?.userIds ?? [];
  const teamIds = draft.managers?.teamIds ?? [];
  const kept = userIds.filter(isRef);
  const added = userIds.filter((id) => !isRef(id));
  const setUsers = (next: string[]) =>
    dispatch({ type: 'set', patch: { managers: { userIds: next } } });
  const canAddViewer =
    !readOnly &&
    viewerEmail !== null &&
    viewerEmail !== '' &&
    !added.some((a) => a.toLowerCase() === viewerEmail.toLowerCase());
  return (
    <Flex direction="column" gap="sm" testId="managers">
      <Text variant="microcopy">
        The managers of the published version approve new versions and decide exceptions. A version
        must name at least one; one that does not name its approver needs their explicit approval.
      </Text>
      <MultiSelect
        name="managers.current"
        label="Managers to keep"
        options={managers.map((m) => ({ label: m.name, value: m.ref }))}
        value={kept}
        readOnly={readOnly}
        onChange={(v) => setUsers([...v.map(String), ...added])}
        testId="managers.current"
      />
      <TextArea
        name="managers.emails"
        label="New managers (their HubSpot email, one per line)"
        value={added.join('\n')}
        readOnly={readOnly}
        onChange={(text) =>
          setUsers([
            ...kept,
            ...text
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== ''),
          ])
        }
        {...issues.field('managers.userIds')}
        testId="managers.emails"
      />
      {canAddViewer && (
        <Button
          size="sm"
          onClick={() => setUsers([...kept, ...added, viewerEmail])}
          testId="managers.add-me"
        >
          {`Add me (${viewerEmail})`}
        </Button>
      )}
      <MultiSelect
        name="managers.teamIds"
        label="Managers (every member of these teams)"
        options={teams.map((t) => ({ label: t.name, value: t.id }))}
        value={teamIds}
        readOnly={readOnly}
        onChange={(v) => dispatch({ type: 'set', patch: { managers: { teamIds: v.map(String) } } })}
        {...issues.field('managers.teamIds')}
        testId="managers.teamIds"
      />
    </Flex>
  );
};
