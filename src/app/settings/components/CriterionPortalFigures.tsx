import { Text } from '@hubspot/ui-extensions';
import { useContext } from 'react';

import { PortalFiguresContext } from '../hooks/portal-figures-context.ts';

/** What the portal holds for one criterion (issue 13), after a simulation of this draft. */
export const CriterionPortalFigures = ({ path }: { path: string }) => {
  const figures = useContext(PortalFiguresContext)?.get(path);
  if (figures === undefined) return null;
  return (
    <>
      <Text variant="microcopy" testId={`${path}.portal`}>
        {figures.counts}
        {figures.unmatched === null ? '' : ` ${figures.unmatched}`}
      </Text>
      {figures.warning !== null && (
        <Text
          variant="microcopy"
          format={{ fontWeight: 'demibold' }}
          testId={`${path}.portal-warning`}
        >
          {figures.warning}
        </Text>
      )}
    </>
  );
};
