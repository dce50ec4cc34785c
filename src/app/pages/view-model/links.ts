// Where a deal or company lives in HubSpot: its record page. The page builds the link from the
// portal id HubSpot gives it (`context.portal.id`); app.hubspot.com sends users of other data
// centres on to theirs (unverified here, docs/review-page.md).

const OBJECT_TYPE_IDS = { deal: '0-3', company: '0-2' } as const;

/** The record page of a deal or company in this portal. */
export const recordUrl = (
  portalId: number | string,
  objectType: keyof typeof OBJECT_TYPE_IDS,
  id: string,
): string =>
  `https://app.hubspot.com/contacts/${String(portalId)}/record/${OBJECT_TYPE_IDS[objectType]}/${id}`;
