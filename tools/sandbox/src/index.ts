// @strategy-fit/sandbox: an embedded HubSpot CRM API server for the demo, tests and benchmarks.
export { startSandbox, type RunningSandbox, type SandboxControl } from './start-sandbox.ts';
export {
  DEMO_PORTAL_ID,
  DEMO_SPELLING_VARIANTS_PERCENT,
  type FaultPlan,
  type RateLimitOptions,
  type SandboxOptions,
  type SeedOptions,
} from './schema.ts';
export {
  generateSeed,
  PRODUCT_ID_BASE,
  SEED_PRODUCTS,
  seedAsOf,
  type SeedCompany,
  type SeedDeal,
  type SeedLineItem,
  type SeedProduct,
  type SeedRecord,
} from './seed/generate-seed.ts';
export type { SeedSummary } from './seed/seed-store.ts';
export { INDUSTRY_VALUES } from './catalogue/industries.ts';
export { COMPETITOR_OPTIONS, WEB_TECHNOLOGIES } from './catalogue/standard-properties.ts';
export { DEAL_PIPELINES, OWNERS } from './catalogue/pipelines-and-owners.ts';
