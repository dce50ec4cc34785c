// The last simulation's figures of what the portal holds, for each criterion of the editor to
// find by its path (issue 13); null while there is no simulation of the draft shown.
import { createContext } from 'react';

import type { CriterionFiguresView } from '../view-model/portal-figures-view.ts';

export const PortalFiguresContext = createContext<ReadonlyMap<string, CriterionFiguresView> | null>(
  null,
);
