// Which HubSpot every command (except `sandbox`) talks to: HUBSPOT_ACCESS_TOKEN and
// HUBSPOT_API_BASE_URL, or, with neither set, the embedded sandbox in-process on .data/sandbox.
export { withBackend, resolveBackendTarget, DEFAULT_SANDBOX_DIR } from './with-backend.ts';
export type { BackendInfo, BackendOptions, BackendTarget } from './with-backend.ts';
export { formatError, printErrors, processIo, renderTable, toJson } from './output.ts';
export type { CliIo } from './output.ts';
