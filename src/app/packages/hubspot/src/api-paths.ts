// The paths of HubSpot's date-versioned APIs the adapter calls (docs/decisions/0002-dated-apis.md).
// The version is named here and nowhere else: moving to the next date version is one change.

/** HubSpot's API date version of every call (GA 2026-09-08, supported about 18 months). */
export const API_VERSION = '2026-09';

declare const apiPathBrand: unique symbol;

/** A request path of a dated HubSpot API; only `apiPaths` makes them. */
export type ApiPath = string & { readonly [apiPathBrand]: true };

const join = (prefix: string, segments: readonly string[]): ApiPath =>
  [prefix, ...segments.map((s) => encodeURIComponent(s))].join('/') as ApiPath;

/** Builders of every path the adapter sends; each segment is URL-encoded. */
export const apiPaths = {
  /** `/crm/objects/2026-09/{objectType}/…`: records, batches, search. */
  objects: (objectType: string, ...rest: string[]): ApiPath =>
    join(`/crm/objects/${API_VERSION}`, [objectType, ...rest]),
  /** `/crm/properties/2026-09/{objectType}/…`: property definitions and groups. */
  properties: (objectType: string, ...rest: string[]): ApiPath =>
    join(`/crm/properties/${API_VERSION}`, [objectType, ...rest]),
  /** `/crm/associations/2026-09/{from}/{to}/…`: association batches. */
  associations: (from: string, to: string, ...rest: string[]): ApiPath =>
    join(`/crm/associations/${API_VERSION}`, [from, to, ...rest]),
  /** `/crm/owners/2026-09[/{ownerId}]`. */
  owners: (...rest: string[]): ApiPath => join(`/crm/owners/${API_VERSION}`, rest),
  /** `/crm/pipelines/2026-09/{objectType}/…`. */
  pipelines: (objectType: string, ...rest: string[]): ApiPath =>
    join(`/crm/pipelines/${API_VERSION}`, [objectType, ...rest]),
  /** `/crm-object-schemas/2026-09/schemas/…`: custom object schemas. */
  schemas: (...rest: string[]): ApiPath => join(`/crm-object-schemas/${API_VERSION}/schemas`, rest),
  /** `/crm/property-validations/2026-09/{objectTypeId}/…`: a portal's property validation rules. */
  propertyValidations: (objectTypeId: string, ...rest: string[]): ApiPath =>
    join(`/crm/property-validations/${API_VERSION}`, [objectTypeId, ...rest]),
} as const;
