// The attacker's portal for the security suite: the demo portal with the example strategy
// published (its manager is Maya Okafor, user 9100001), and what the attacker — a rep, Priya
// Raman, who knows every user id and email of the portal — can do: call any app function with
// parameters of her choosing, and edit records in HubSpot's UI as herself (HubSpot records it as
// her edit). `snapshot` captures everything the functions could change, to compare before and
// after an attack.
import { FIT_PROPERTIES } from '@strategy-fit/core';
import { EVENT_DEFINITION, STORE_OBJECT } from '@strategy-fit/hubspot';

import { mainOf } from '../../reliability/support/function-table.ts';
import {
  COLLEAGUE,
  COMPANIES,
  createCompany,
  createDeal,
  hubspotContext,
  MANAGER,
  plainDeal,
  REP,
} from '../../support/functions/test-portal.ts';
import type { DemoUser, TestPortal } from '../../support/functions/test-portal.ts';

export { COLLEAGUE, MANAGER, REP };
export type { DemoUser };

/** Everything the attacker knows: every user's id and email (the issue's premise). */
export const EVERY_ID_AND_EMAIL = [MANAGER, COLLEAGUE, REP].flatMap((u) => [u.id, u.email]);

/** Calls an app function as HubSpot would run it, with hand-made parameters. */
export async function call(
  name: string,
  parameters: unknown,
  propertiesToSend: Record<string, string> = {},
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const main = await mainOf(name);
  return (await main(hubspotContext(parameters, propertiesToSend))) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
}

const DEAL_PROPERTIES = FIT_PROPERTIES.filter((p) => p.objects.includes('deals')).map(
  (p) => p.name,
);
const COMPANY_PROPERTIES = FIT_PROPERTIES.filter((p) => p.objects.includes('companies')).map(
  (p) => p.name,
);
const STORE_PROPERTIES = ['version', 'status', 'strategy_json', 'published_by', 'source'];
const EVENT_PROPERTIES = ['event_key', 'kind', 'actor_user_id', 'expires_on', 'reason'];

/** Changes every write makes: not what the team is told. */
const SYSTEM = new Set(['hs_lastmodifieddate', 'hs_createdate', 'createdate']);

type Page = {
  results: { id: string; properties: Record<string, string | null> }[];
  paging?: { next?: { after: string } };
};

/** Every record of a type with `properties`, through HubSpot's list API (the sandbox's HTTP). */
async function listAll(portal: TestPortal, objectType: string, properties: string[]) {
  const rows: [string, Record<string, string | null>][] = [];
  let after: string | undefined;
  do {
    const query = `limit=100&properties=${properties.join(',')}${after === undefined ? '' : `&after=${after}`}`;
    const response = await fetch(
      `${portal.sandbox.baseUrl}/crm/v3/objects/${objectType}?${query}`,
      {
        headers: { authorization: `Bearer ${portal.sandbox.token}` },
      },
    );
    const page = (await response.json()) as Page;
    for (const r of page.results) {
      rows.push([
        r.id,
        Object.fromEntries(Object.entries(r.properties).filter(([k]) => !SYSTEM.has(k))),
      ]);
    }
    after = page.paging?.next?.after;
  } while (after !== undefined);
  return rows.sort(([a], [b]) => Number(a) - Number(b));
}

/**
 * What the team is told, as HubSpot holds it: every company's and deal's Strategy Fit
 * properties, every published (or pending) strategy record, every exception event.
 */
export async function snapshot(portal: TestPortal): Promise<unknown> {
  return {
    companies: await listAll(portal, 'companies', COMPANY_PROPERTIES),
    deals: await listAll(portal, 'deals', DEAL_PROPERTIES),
    strategies: await listAll(portal, STORE_OBJECT.name, STORE_PROPERTIES),
    events: await listAll(portal, EVENT_DEFINITION.name, EVENT_PROPERTIES),
  };
}

/** A new off-strategy deal (its company is Retail, which the example strategy rules out). */
export const offStrategyDeal = async (portal: TestPortal, name = 'Grocery pilot') =>
  createDeal(portal.hs, plainDeal(name), {
    companyId: await createCompany(portal.hs, COMPANIES.off_strategy),
  });
