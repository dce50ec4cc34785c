// @strategy-fit/hubspot: the only package that talks to HubSpot (STYLE §A3). Every function takes
// the handle from `createHubSpotClient` and returns a Result; see docs/team/adapter-api.md.

export {
  createHubSpotClient,
  DEFAULT_BASE_PATH,
  DEFAULT_MAX_ATTEMPTS,
  rateLimitWaitMs,
} from './create-client.ts';
export type { ClientEvent, HubSpot, HubSpotClientOptions } from './create-client.ts';
export { API_VERSION, apiPaths } from './api-paths.ts';
export type { ApiPath } from './api-paths.ts';
export { hubspotRequest, withDeadline } from './request.ts';
export type { HubSpotRequest, QueryValue } from './request.ts';
export { DEFAULT_LIMITS } from './rate-limiter.ts';
export type { Limits } from './rate-limiter.ts';
export { toStrategyFitError } from './to-strategy-fit-error.ts';

export { ObjectType, RawRecord } from './object-types.ts';

export { forgetPropertyDefinitions, readPropertyDefinitions } from './read-property-definitions.ts';
export { companyOfLinks, listRecords } from './list-records.ts';
export type { Linked, LinkedRecord, ListRecordsOptions } from './list-records.ts';
export { SearchFilter, SearchOperator, SearchWhere, searchRecords } from './search-records.ts';
export type { SearchPage, SearchRecordsOptions } from './search-records.ts';
export { readRecords } from './read-records.ts';
export { countRecords } from './count-records.ts';
export {
  REVIEW_COMPANY_PROPERTIES,
  REVIEW_DEAL_PROPERTIES,
  reviewOwnerName,
  stageIndex,
  stageOf,
  textOf,
  toReviewCompany,
  toReviewDeal,
  toReviewOwner,
} from './review-records.ts';
export type { ReviewDealContext, ReviewStage, StageIndex } from './review-records.ts';
export { dealCompanyId, readAssociations } from './read-associations.ts';
export type { Association } from './read-associations.ts';
export { readAssociationPage, readCompanyDealsPage } from './read-association-page.ts';
export type { AssociationInput, AssociationPage } from './read-association-page.ts';
export { listOwners } from './list-owners.ts';
export type { Owner } from './list-owners.ts';
export { readOwnerByUserId } from './read-owner.ts';
export { listDealPipelines } from './list-deal-pipelines.ts';
export type { Pipeline } from './list-deal-pipelines.ts';

export { ASSOCIATION_TYPES, createRecords } from './create-records.ts';
export type { NewAssociation, NewRecord } from './create-records.ts';
export { writeRecords } from './write-records.ts';
export type { FailedWrite, RecordUpdate, WriteOutcome } from './write-records.ts';
export { ensureFitProperties, fitPropertySpecs } from './ensure-fit-properties.ts';
export type { EnsureReport } from './ensure-fit-properties.ts';
export { runSetupStep, setupPortal } from './setup/setup-portal.ts';
export type { SetupOptions, SetupRun } from './setup/setup-portal.ts';
export { readSetupStatus, setupStatusFrom } from './setup/setup-status.ts';
export { listProducts } from './list-products.ts';

export { checkStrategyOnPortal, readPortalDefinitions } from './check-strategy-on-portal.ts';
export { ensureStrategyStore } from './strategy-store/ensure-strategy-store.ts';
export { publishStrategy } from './strategy-store/publish-strategy.ts';
export type { PublishMeta } from './strategy-store/publish-strategy.ts';
export { publishStrategyIfCurrent } from './strategy-store/publish-strategy-if-current.ts';
export type { GuardedPublish } from './strategy-store/publish-strategy-if-current.ts';
export { readCurrentStrategy } from './strategy-store/read-current-strategy.ts';
export type { CurrentStrategy } from './strategy-store/read-current-strategy.ts';
export {
  listStrategyVersions,
  readPublishedStrategy,
  readStrategyVersion,
} from './strategy-store/read-strategies.ts';
export {
  consumePendingVersion,
  preparePendingVersion,
  readPendingVersion,
} from './strategy-store/pending-versions.ts';
export type { PendingMeta, PendingRecord } from './strategy-store/pending-versions.ts';
export { listOpenPendingVersions } from './strategy-store/open-pending-versions.ts';
export {
  APPROVAL_PROPERTY,
  APPROVALS,
  STORE_OBJECT,
  StoredStrategy,
  StoredStrategySummary,
  VersionStatus,
} from './strategy-store/store-schema.ts';

export { readRecordsWithHistory, HISTORY_BATCH_SIZE } from './read-with-history.ts';
export type { HistoryRead, RecordWithHistory } from './read-with-history.ts';
export { ensureCustomObject, listCustomObjects } from './custom-object.ts';
export type { CustomObjectDefinition } from './custom-object.ts';
export { ensureExceptionEventStore } from './exception-events/ensure-event-store.ts';
export { EVENT_DEFINITION } from './exception-events/event-schema.ts';
export {
  readExceptionEventRecords,
  readLatestExceptionEvent,
  recordExceptionEvent,
} from './exception-events/exception-events.ts';
export type { RecordOutcome } from './exception-events/exception-events.ts';
