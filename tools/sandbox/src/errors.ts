// HubSpot's error bodies and every error text the sandbox sends, in one table (STYLE §14).
// Texts marked "captured" were seen in real HubSpot responses quoted by third parties; the others
// are the sandbox's own wording (docs/sandbox.md lists which is which).
import { randomUUID } from 'node:crypto';

export type ErrorDetail = {
  message: string;
  code?: string;
  in?: string;
  subCategory?: string;
  context?: Record<string, string[]>;
};

/** The top-level error body of a failed request (the client's `Error` model). */
export type ErrorBody = {
  status: 'error';
  message: string;
  correlationId: string;
  errors?: ErrorDetail[];
  context?: Record<string, string[]>;
  category: string;
  subCategory?: string;
  links?: Record<string, string>;
};

/**
 * One failed input of a batch answer: HubSpot's `StandardError` (status, category, subCategory,
 * message, context, `errors` with the details and `links`; required by the 2026-09 reference and
 * the v3 spec alike).
 */
export type BatchError = {
  status: 'error';
  category: string;
  subCategory?: string;
  message: string;
  context: Record<string, string[]>;
  errors: ErrorDetail[];
  links: Record<string, string>;
};

/** A batch answer's error entry; `errors` lists the details (e.g. one per refused property). */
export function batchError(fields: {
  category: string;
  message: string;
  context: Record<string, string[]>;
  subCategory?: string;
  errors?: ErrorDetail[];
}): BatchError {
  return {
    status: 'error',
    category: fields.category,
    ...(fields.subCategory === undefined ? {} : { subCategory: fields.subCategory }),
    message: fields.message,
    context: fields.context,
    errors: fields.errors ?? [],
    links: {},
  };
}

export const MESSAGES = {
  /** captured */
  authMissing: () =>
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  /** captured */
  notFound: () => 'resource not found',
  /** captured (two spaces, as HubSpot writes it) */
  idNotNumeric: () => 'Object not found.  objectId are usually numeric.',
  /** captured */
  batchNotFound: (errorName: string) =>
    `Could not get some ${errorName} objects, they may be deleted or not exist. Check that ids are valid.`,
  /** captured */
  propertyValuesInvalid: (json: string) => `Property values were not valid: ${json}`,
  /** captured */
  propertyDoesNotExist: (name: string) => `Property "${name}" does not exist`,
  /** captured */
  calculated: (name: string) => `"${name}" is a calculated property; its value cannot be set.`,
  /** captured */
  readOnly: (name: string) => `"${name}" is a read only property; its value cannot be set.`,
  /** captured */
  invalidOption: (value: string, labels: readonly string[]) =>
    `${value} was not one of the allowed options: [${labels.join(', ')}]`,
  /** captured */
  invalidStage: (value: string, pipelineId: string, stageIds: readonly string[]) =>
    `${value} is not a valid pipeline stage ID. Valid options are: pipelineId=${pipelineId} : [${stageIds.join(', ')}]`,
  invalidPipeline: (value: string, pipelineIds: readonly string[]) =>
    `${value} is not a valid pipeline ID. Valid options are: [${pipelineIds.join(', ')}]`,
  invalidNumber: (value: string) => `${value} was not a valid number.`,
  invalidDate: (value: string) => `${value} was not a valid date.`,
  /** captured ("… is at 13:1:0.0 UTC, not midnight!") */
  notMidnight: (value: string, time: string) => `${value} is at ${time} UTC, not midnight!`,
  invalidDatetime: (value: string) => `${value} was not a valid long.`,
  invalidOwner: (value: string) => `${value} is not a valid owner id.`,
  tooLong: (name: string, length: number) =>
    `The value of "${name}" is ${length} characters long; the maximum is 65536 characters.`,
  negativePrice: () => 'The price of a line item cannot be negative.',
  /** captured (wording of HubSpot's JSON reader) */
  invalidJson: (reason: string) => `Invalid input JSON on line 1, column 1: ${reason}`,
  /** captured */
  requiredNotSet: (fields: readonly string[]) =>
    `Invalid input JSON on line 1, column 2. Some required fields were not set: [${fields.join(', ')}]`,
  /** captured */
  tenSecondly: () => 'You have reached your ten_secondly_rolling limit.',
  /** captured; the client's retry matches this exact text */
  secondly: () => 'You have reached your secondly limit.',
  daily: () => 'You have reached your daily limit.',
  /** captured */
  noAssociations: (toSingular: string, fromSingular: string, id: string) =>
    `No ${toSingular} is associated with ${fromSingular} ${id}.`,
  associationsInvalid: () => 'One or more associations are invalid',
  associationTypeInvalid: (typeId: number, from: string, to: string) =>
    `Association type ${typeId} is not valid from ${from} to ${to}.`,
  unknownObjectType: (name: string) => `Unable to infer object type from: ${name}`,
  batchTooLarge: (limit: number, size: number) =>
    `Batch input limit exceeded: at most ${limit} inputs are allowed, got ${size}.`,
  searchTooManyGroups: (max: number) =>
    `Too many filter groups: at most ${max} filter groups are allowed.`,
  searchTooManyFiltersInGroup: (max: number) =>
    `Too many filters in a filter group: at most ${max} filters are allowed per group.`,
  searchTooManyFilters: (max: number) =>
    `Too many filters: at most ${max} filters are allowed in a request.`,
  searchLimit: (max: number) => `limit must be at most ${max}.`,
  searchPagingCap: () =>
    'Paging past 10000 results is not supported. Narrow the search with filters (for example on hs_object_id).',
  searchUnknownProperty: (name: string) => `Property "${name}" does not exist`,
  searchOperatorValue: (operator: string, field: string) =>
    `Operator ${operator} requires "${field}".`,
  searchNotNumber: (name: string, value: string) =>
    `Invalid value "${value}" for property "${name}": a number or a timestamp is expected.`,
  searchQueryTooLong: () => 'query must be at most 3000 characters.',
  listLimit: () => 'limit must be between 1 and 100.',
  propertyExists: (name: string) => `Property named '${name}' already exists.`,
  groupExists: (name: string) => `Property group named '${name}' already exists.`,
  groupMissing: (name: string) => `Property group "${name}" does not exist.`,
  propertyNotFound: (name: string, objectType: string) =>
    `Unable to find property ${name} for object type ${objectType}.`,
  groupNotFound: (name: string) => `Unable to find property group ${name}.`,
  typeFieldTypeMismatch: (type: string, fieldType: string) =>
    `Field type ${fieldType} is not valid for property type ${type}.`,
  readOnlyDefinition: (name: string) => `Property ${name} is read-only and cannot be modified.`,
  optionsRequired: () => 'Enumeration properties need at least one option.',
  schemaExists: (name: string) => `An object type named ${name} already exists.`,
  schemaPropertyMissing: (name: string) =>
    `Property ${name} is named in the schema but not defined in its properties.`,
  requiredPropertyMissing: (names: readonly string[]) =>
    `Missing required properties: [${names.join(', ')}]`,
  /** partly captured: integrations match "already has that value" in HubSpot's answer */
  uniqueValueTaken: (name: string, value: string) =>
    `${value} is already used by another record, and ${name} requires unique values: another record already has that value.`,
  ownerNotFound: (id: string) => `No owner found with id ${id}.`,
  pipelineNotFound: (id: string) => `Unable to find pipeline ${id}.`,
  stageNotFound: (id: string) => `Unable to find stage ${id}.`,
  invalidRuleType: (ruleType: string) => `${ruleType} is not a property validation rule type.`,
  internal: () => 'internal error',
  faultServer: (status: number) => `Sandbox fault: injected ${status} answer.`,
  faultBatch: () => 'Sandbox fault: this input failed (injected partial failure).',
} as const;

export function errorBody(
  category: string,
  message: string,
  extra: Omit<Partial<ErrorBody>, 'status' | 'message' | 'category' | 'correlationId'> = {},
): ErrorBody {
  return {
    status: 'error',
    message,
    correlationId: randomUUID(),
    ...(extra.errors === undefined ? {} : { errors: extra.errors }),
    ...(extra.context === undefined ? {} : { context: extra.context }),
    category,
    ...(extra.subCategory === undefined ? {} : { subCategory: extra.subCategory }),
    ...(extra.links === undefined ? {} : { links: extra.links }),
  };
}

/** A failure the routes turn into a response: an HTTP status and HubSpot's body. */
export type Failure = { status: number; body: ErrorBody; headers?: Record<string, string> };

export const fail = (status: number, body: ErrorBody): Failure => ({ status, body });

export const validationFailure = (message: string, extra: Parameters<typeof errorBody>[2] = {}) =>
  fail(400, errorBody('VALIDATION_ERROR', message, extra));

export const notFoundFailure = (
  message: string = MESSAGES.notFound(),
  context?: ErrorBody['context'],
) => fail(404, errorBody('OBJECT_NOT_FOUND', message, context === undefined ? {} : { context }));

export const conflictFailure = (message: string) => fail(409, errorBody('CONFLICT', message));

/** One property that failed validation in a write. */
export type PropertyIssue = { name: string; error: string; message: string };

/** HubSpot's 400 for invalid property values: the issues in the message and in `errors[]`. */
export function propertyIssuesBody(issues: readonly PropertyIssue[], portalId: number): ErrorBody {
  const listed = issues.map((issue) => ({
    isValid: false,
    message: issue.message,
    error: issue.error,
    name: issue.name,
    localizedErrorMessage: issue.message,
    portalId,
  }));
  return errorBody('VALIDATION_ERROR', MESSAGES.propertyValuesInvalid(JSON.stringify(listed)), {
    errors: issues.map((issue) => ({
      message: issue.message,
      code: issue.error,
      context: { propertyName: [issue.name] },
    })),
  });
}
