import { z } from 'zod';

/** The CRM object types the adapter reads and writes, by HubSpot's names. */
export const ObjectType = z.enum(['companies', 'deals', 'line_items']);
export type ObjectType = z.output<typeof ObjectType>;

/** A record as the adapter returns it: HubSpot's string-or-null property bag (SCORING §3). */
export const RawRecord = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  updatedAt: z.string().describe('ISO instant of the last change'),
});
export type RawRecord = z.output<typeof RawRecord>;

/** HubSpot's limit of inputs per batch read, create or update of CRM objects (HUBSPOT.md §6). */
export const OBJECT_BATCH_SIZE = 100;
/** HubSpot's limit of inputs per associations v4 batch read (HUBSPOT.md §6). */
export const ASSOCIATION_BATCH_SIZE = 1000;
/** HubSpot's largest search page (HUBSPOT.md §6). */
export const SEARCH_PAGE_SIZE = 200;
/** HubSpot's largest list page. */
export const LIST_PAGE_SIZE = 100;

/** The last-modified property of each object type (the incremental search reads it). */
export const LAST_MODIFIED_PROPERTY: Record<ObjectType, string> = {
  companies: 'hs_lastmodifieddate',
  deals: 'hs_lastmodifieddate',
  line_items: 'hs_lastmodifieddate',
};
