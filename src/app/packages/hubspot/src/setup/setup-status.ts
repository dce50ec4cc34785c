// What setup still has to do on a portal, without writing anything: the settings page shows
// "Set up Strategy Fit" (or "Complete setup" after an upgrade added properties) from it.
import { ok, SetupStep } from '@strategy-fit/core';
import type {
  PropertyDefinitions,
  Result,
  SetupStatus,
  StrategyFitError,
} from '@strategy-fit/core';

import type { HubSpot } from '../create-client.ts';
import { checkUniqueKey, listCustomObjects } from '../custom-object.ts';
import type { CustomObjectDefinition } from '../custom-object.ts';
import { propertiesToEnsure } from '../ensure-properties.ts';
import { fitPropertySpecs } from '../ensure-fit-properties.ts';
import { EVENT_DEFINITION } from '../exception-events/event-schema.ts';
import type { ObjectSchemaAnswer } from '../schema.ts';
import { STORE_DEFINITION } from '../strategy-store/store-schema.ts';

/** The custom object each step creates. */
const OBJECT_OF_STEP: Partial<Record<SetupStep, CustomObjectDefinition>> = {
  strategy_store: STORE_DEFINITION,
  exception_events: EVENT_DEFINITION,
};

/** What a custom object lacks: itself, or properties (and a key that requires unique values). */
const missingOfObject = (
  definition: CustomObjectDefinition,
  schema: ObjectSchemaAnswer | undefined,
): string[] => {
  if (schema === undefined) return [definition.name];
  const existing = new Map(schema.properties.map((p) => [p.name, p]));
  const missing = propertiesToEnsure(definition.properties, existing);
  const keyProblem = checkUniqueKey(schema, definition) === null ? [] : [definition.uniqueProperty];
  return [...new Set([...missing, ...keyProblem])].map((p) => `${definition.name}.${p}`);
};

/**
 * What every step of setup would create or complete, from the companies' and deals' property
 * definitions and the portal's custom object schemas. A missing group is created with its
 * properties, so it is not looked for here.
 */
export function setupStatusFrom(
  definitions: { companies: PropertyDefinitions; deals: PropertyDefinitions },
  schemas: readonly ObjectSchemaAnswer[],
): SetupStatus {
  const steps = SetupStep.options.map((step) => {
    const definition = OBJECT_OF_STEP[step];
    if (definition !== undefined) {
      const schema = schemas.find((s) => s.name === definition.name);
      return { step, missing: missingOfObject(definition, schema) };
    }
    const objectType = step === 'company_properties' ? 'companies' : 'deals';
    const existing = new Map(Object.entries(definitions[objectType]));
    return { step, missing: propertiesToEnsure(fitPropertySpecs(objectType), existing) };
  });
  return { complete: steps.every((s) => s.missing.length === 0), steps };
}

/** `setupStatusFrom` with one read of the custom object schemas (nothing is written). */
export async function readSetupStatus(
  hs: HubSpot,
  definitions: { companies: PropertyDefinitions; deals: PropertyDefinitions },
): Promise<Result<SetupStatus, StrategyFitError>> {
  const schemas = await listCustomObjects(hs);
  return schemas.ok ? ok(setupStatusFrom(definitions, schemas.value)) : schemas;
}
