// Where a first version starts (SCORING §14 "First version"): the examples of
// examples/strategies/, the one source (the same files are the docs' examples, the tests'
// fixtures and the demo's strategy), bundled into the function at build time.
import { StrategySchema } from '@strategy-fit/core';
import type { Strategy } from '@strategy-fit/core';

import minimal from '../../../../../examples/strategies/01-minimal.json' with { type: 'json' };
import b2bSaas from '../../../../../examples/strategies/02-b2b-saas.json' with { type: 'json' };
import services from '../../../../../examples/strategies/03-revops-services.json' with { type: 'json' };

const EXAMPLES: readonly { id: string; json: unknown }[] = [
  { id: '01-minimal', json: minimal },
  { id: '02-b2b-saas', json: b2bSaas },
  { id: '03-revops-services', json: services },
];

/**
 * The examples as templates: parsed (defaults applied), without `$schema`, and without managers:
 * the examples name the demo portal's users, and version 1 must name whoever approves it.
 */
export const strategyTemplates = (): { id: string; strategy: Strategy }[] =>
  EXAMPLES.map(({ id, json }) => {
    const strategy = { ...StrategySchema.parse(json), managers: { userIds: [], teamIds: [] } };
    delete strategy.$schema;
    return { id, strategy };
  });
