import { Button, Flex, Heading, List, Text, Tile } from '@hubspot/ui-extensions';
import type { StrategyTemplate } from '@strategy-fit/core';

import {
  FIRST_VERSION_STEPS,
  templatePortalText,
  templateSummary,
} from '../view-model/first-version.ts';

/**
 * The first thing a set-up portal without a strategy shows (SCORING §14 "First version"): how
 * version 1 comes about, and where to start: one of the examples, or nothing.
 */
export const FirstStrategyStart = ({
  templates,
  onStart,
}: {
  templates: readonly StrategyTemplate[];
  /** The template chosen; null: start from scratch. */
  onStart: (template: StrategyTemplate | null) => void;
}) => (
  <Flex direction="column" gap="md" testId="first-strategy">
    <Heading>Your first strategy</Heading>
    <Text>
      A strategy names the companies your team wants to win (segments), the customers it refuses,
      and how reps sell to each segment. Cards score every company and deal with it. Nothing reaches
      reps until version 1 is published.
    </Text>
    <Text format={{ fontWeight: 'demibold' }}>How version 1 is published</Text>
    <List variant="ordered-styled" testId="first-strategy.steps">
      <Text>Choose where to start, below: an example to make your own, or an empty strategy.</Text>
      <Text>
        {`${FIRST_VERSION_STEPS[0]}: segments, customers you refuse, positioning, offers, competitors. Problems are marked at their fields.`}
      </Text>
      <Text>
        {`${FIRST_VERSION_STEPS[1]}: type your HubSpot email under “Strategy managers” (or choose “Add me”). Version 1 must name whoever approves it.`}
      </Text>
      <Text>
        {`${FIRST_VERSION_STEPS[2]}: see how your companies fall into tiers; read the focus guard’s warnings and acknowledge them.`}
      </Text>
      <Text>{`${FIRST_VERSION_STEPS[3]} for approval.`}</Text>
      <Text>
        {`${FIRST_VERSION_STEPS[4]}: open the prepared version (this page links to it) and set “Approval” to “Approve: publish it”. HubSpot records that you did.`}
      </Text>
      <Text>{`${FIRST_VERSION_STEPS[5]}: back here, choose Publish now.`}</Text>
    </List>
    <Text format={{ fontWeight: 'demibold' }}>Start from</Text>
    <Flex direction="column" gap="sm" testId="templates">
      {templates.map((t) => (
        <Tile key={t.id} compact testId={`template.${t.id}`}>
          <Flex direction="column" gap="xs">
            <Text format={{ fontWeight: 'demibold' }}>{t.name}</Text>
            {t.description !== '' && <Text variant="microcopy">{t.description}</Text>}
            <Text variant="microcopy" testId={`template.${t.id}.summary`}>
              {templateSummary(t)}
            </Text>
            <Text variant="microcopy" testId={`template.${t.id}.portal`}>
              {templatePortalText(t)}
            </Text>
            <Button size="sm" onClick={() => onStart(t)} testId={`template.${t.id}.start`}>
              Start from this example
            </Button>
          </Flex>
        </Tile>
      ))}
      <Tile compact testId="template.scratch">
        <Flex direction="column" gap="xs">
          <Text format={{ fontWeight: 'demibold' }}>An empty strategy</Text>
          <Text variant="microcopy">One segment to fill in; add the rest yourself.</Text>
          <Button size="sm" onClick={() => onStart(null)} testId="template.scratch.start">
            Start from scratch
          </Button>
        </Flex>
      </Tile>
    </Flex>
  </Flex>
);
