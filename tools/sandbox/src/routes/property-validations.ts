// A portal admin's property validation rules through HubSpot's property validations API, in both
// versions: /crm/v3/property-validations/{objectTypeId}/… and /crm/property-validations/2026-09/….
// List the rules of an object type or of a property, read one rule type, set one (PUT, 204).
import type { Hono } from 'hono';
import type { ObjectTypeInfo } from '../catalogue/object-types.ts';
import { MESSAGES, notFoundFailure, validationFailure } from '../errors.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { RuleTypeSchema, RuleUpdateSchema, ruleProblem } from '../store/validation-rules.ts';
import {
  apiBase,
  noContent,
  parseBody,
  sendFailure,
  sendJson,
  typedBy,
  type Ctx,
  type RouteDeps,
  type SandboxEnv,
} from './http.ts';

export function registerPropertyValidationRoutes(
  app: Hono<SandboxEnv>,
  { store, version }: RouteDeps,
): void {
  const base = `${apiBase(version, 'property-validations')}/:objectTypeId`;
  const typed = typedBy(store, 'objectTypeId');

  app.get(
    base,
    typed((c, info) => sendJson(c, 200, { results: store.validationRules.all(info.objectTypeId) })),
  );
  app.get(
    `${base}/:propertyName`,
    typed((c, info) => {
      const name = c.req.param('propertyName') ?? '';
      if (store.property(info, name) === undefined) return propertyMissing(c, name, info);
      return sendJson(c, 200, { results: store.validationRules.of(info.objectTypeId, name) });
    }),
  );
  app.get(
    `${base}/:propertyName/rule-type/:ruleType`,
    typed((c, info) => {
      const name = c.req.param('propertyName') ?? '';
      const rule = store.validationRules
        .of(info.objectTypeId, name)
        .find((r) => r.ruleType === c.req.param('ruleType'));
      return rule === undefined ? sendFailure(c, notFoundFailure()) : sendJson(c, 200, rule);
    }),
  );
  app.put(
    `${base}/:propertyName/rule-type/:ruleType`,
    typed((c, info) => putRule(c, store, info)),
  );
}

function propertyMissing(c: Ctx, name: string, info: ObjectTypeInfo): Response {
  return sendFailure(c, notFoundFailure(MESSAGES.propertyNotFound(name, info.objectTypeId)));
}

async function putRule(c: Ctx, store: CrmStore, info: ObjectTypeInfo): Promise<Response> {
  const name = c.req.param('propertyName') ?? '';
  const definition = store.property(info, name);
  if (definition === undefined) return propertyMissing(c, name, info);
  const ruleType = RuleTypeSchema.safeParse(c.req.param('ruleType'));
  if (!ruleType.success) {
    return sendFailure(
      c,
      validationFailure(MESSAGES.invalidRuleType(c.req.param('ruleType') ?? '')),
    );
  }
  const body = await parseBody(c, RuleUpdateSchema);
  if (!body.ok) return sendFailure(c, body.failure);
  const problem = ruleProblem(definition, ruleType.data, body.value.ruleArguments);
  if (problem !== null) return sendFailure(c, validationFailure(problem));
  store.validationRules.put(info.objectTypeId, name, {
    ruleType: ruleType.data,
    ruleArguments: body.value.ruleArguments,
    ...(body.value.shouldApplyNormalization === undefined
      ? {}
      : { shouldApplyNormalization: body.value.shouldApplyNormalization }),
  });
  return noContent();
}
