// A deterministic, streaming generator of a realistic demo portal: companies first, then deals
// (each with its line items). Only a few compact arrays of company facts are kept in memory.
import { DEAL_PIPELINES, OWNERS, type PipelineInfo } from '../catalogue/pipelines-and-owners.ts';
import { Random } from '../random.ts';
import { SeedOptionsSchema, type SeedOptions } from '../schema.ts';
import { DAY_MS, formatDate, formatInstant } from '../store/time.ts';
import {
  COMMON_TECH,
  COMPETITOR_WEIGHTS,
  COUNTRIES,
  DEAL_TOPICS,
  DEFAULT_REVENUE_PER_EMPLOYEE,
  DESCRIPTIONS,
  INDUSTRY_WEIGHTS,
  LOST_REASONS,
  MALFORMED_YEARS,
  NAME_FIRST,
  NAME_SECOND,
  NAME_SUFFIX,
  PRODUCTS,
  REVENUE_PER_EMPLOYEE,
  SIZE_BANDS,
  TECH_AFFINITY,
} from './seed-data.ts';

export type SeedCompany = {
  kind: 'company';
  index: number;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
};

export type SeedLineItem = { properties: Record<string, string> };

/** A product of the library, with the id the seed gives it (a catalogue id, see `seedStore`). */
export type SeedProduct = { id: number; properties: Record<string, string> };

/** The product library's ids: fixed, in the store's catalogue range, so line items can name them. */
export const PRODUCT_ID_BASE = 1_500_000_001;

/** The demo's product library (HubSpot's products, `0-7`): name, price and SKU of each. */
export const SEED_PRODUCTS: readonly SeedProduct[] = PRODUCTS.map(([name, price, sku], i) => ({
  id: PRODUCT_ID_BASE + i,
  properties: { name, price: String(price), hs_sku: sku },
}));

export type SeedDeal = {
  kind: 'deal';
  index: number;
  /** Index of the primary company (among generated companies), or null: a deal without company. */
  companyIndex: number | null;
  /** A second company associated without label, or null. */
  otherCompanyIndex: number | null;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  lineItems: SeedLineItem[];
};

export type SeedRecord = SeedCompany | SeedDeal;

const ACTIVE_OWNERS = OWNERS.filter((o) => !o.archived);
const TEAM_OWNERS = {
  enterprise: ACTIVE_OWNERS.filter((o) => o.team.name === 'Enterprise'),
  midMarket: ACTIVE_OWNERS.filter((o) => o.team.name === 'Mid-Market'),
  smb: ACTIVE_OWNERS.filter((o) => o.team.name === 'SMB'),
};
const IDEAL_INDUSTRIES = new Set([
  'COMPUTER_SOFTWARE',
  'INFORMATION_TECHNOLOGY_AND_SERVICES',
  'FINANCIAL_SERVICES',
  'INTERNET',
]);

/** The day the seeded history ends: `asOf`, else the start of the current UTC day. */
export function seedAsOf(options: SeedOptions): number {
  const parsed = SeedOptionsSchema.parse(options);
  const asOf = parsed.asOf === undefined ? Date.now() : Date.parse(parsed.asOf);
  return Math.floor(asOf / DAY_MS) * DAY_MS;
}

/**
 * Yields `companies` companies, then `deals` deals with their line items, the same for the same
 * options. Missing values (5–25 % per property) and malformed free text (~2 %) are part of it.
 * @example for (const record of generateSeed({ seed: 7, companies: 100, deals: 150, asOf: '2026-11-01' })) …
 */
export function* generateSeed(options: SeedOptions): Generator<SeedRecord> {
  const parsed = SeedOptionsSchema.parse(options);
  const asOf = seedAsOf(parsed);
  const random = new Random(parsed.seed);
  // SCORING §10–§15 data (competitors, lost reasons, SKUs) comes from a second stream, so the
  // records the first stream gives are the same as before they were added.
  const extra = new Random((parsed.seed ^ 0x5eed_c0de) >>> 0);
  // More countries in other spellings (issue 13's traps), from a third stream.
  const variants = new Random((parsed.seed ^ 0x7a4b_5ee0) >>> 0);
  const moreVariants = parsed.spellingVariantsPercent / 100;
  const facts = {
    employees: new Int32Array(parsed.companies),
    industry: new Uint8Array(parsed.companies),
    owner: new Uint8Array(parsed.companies),
    names: [] as string[],
  };
  const industries = INDUSTRY_WEIGHTS.map(([value]) => value);
  const domains = new Map<string, number>();
  for (let index = 0; index < parsed.companies; index += 1) {
    const company = generateCompany(random, index, asOf, domains);
    if (moreVariants > 0) respell(variants, company.record.properties, moreVariants);
    facts.employees[index] = company.employees;
    facts.industry[index] = Math.max(0, industries.indexOf(company.industry));
    facts.owner[index] = company.ownerIndex;
    facts.names.push(company.record.properties['name'] ?? `Company ${index}`);
    yield company.record;
  }
  for (let index = 0; index < parsed.deals; index += 1) {
    yield addSalesContext(
      extra,
      generateDeal(random, index, asOf, parsed.companies, facts, industries),
    );
  }
}

type CompanyDraft = {
  record: SeedCompany;
  employees: number;
  industry: string;
  ownerIndex: number;
};

/** Sets `name` unless the property is missing at `rate`. */
function maybe(
  random: Random,
  rate: number,
  properties: Record<string, string>,
  name: string,
  value: () => string,
): void {
  if (!random.chance(rate)) properties[name] = value();
}

function generateCompany(
  random: Random,
  index: number,
  asOf: number,
  domains: Map<string, number>,
): CompanyDraft {
  const first = random.pick(NAME_FIRST);
  const second = random.pick(NAME_SECOND);
  const base = `${first}${second}`;
  const name = `${base}${random.weighted(NAME_SUFFIX)}`;
  const count = (domains.get(base) ?? 0) + 1;
  domains.set(base, count);
  const domain = `${base.toLowerCase()}${count === 1 ? '' : count}.${random.weighted([
    ['com', 6],
    ['io', 2],
    ['co', 1],
    ['net', 1],
  ] as const)}`;
  const industry = random.weighted(INDUSTRY_WEIGHTS);
  const [low, high] = random.weighted(
    SIZE_BANDS.map(([min, max, weight]) => [[min, max] as const, weight] as const),
  );
  const employees = Math.round(
    Math.exp(Math.log(low) + random.next() * (Math.log(high) - Math.log(low))),
  );
  const revenue =
    employees *
    (REVENUE_PER_EMPLOYEE[industry] ?? DEFAULT_REVENUE_PER_EMPLOYEE) *
    random.logNormal(1, 0.45);
  const country = random.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
  const team =
    employees > 1000
      ? TEAM_OWNERS.enterprise
      : employees > 50
        ? TEAM_OWNERS.midMarket
        : TEAM_OWNERS.smb;
  const owner = random.pick(team);
  const ownerIndex = ACTIVE_OWNERS.indexOf(owner);
  const createdAt = asOf - random.int(30, 4 * 365) * DAY_MS - random.int(0, DAY_MS - 1);
  const updatedAt = Math.min(asOf, createdAt + random.int(0, 400) * DAY_MS);

  const p: Record<string, string> = { name };
  maybe(random, 0.03, p, 'domain', () => domain);
  if (p['domain'] !== undefined && random.chance(0.6)) p['website'] = `https://www.${p['domain']}`;
  maybe(random, 0.12, p, 'industry', () => industry);
  maybe(random, 0.1, p, 'numberofemployees', () => String(employees));
  maybe(random, 0.15, p, 'annualrevenue', () => String(Math.round(revenue / 1000) * 1000));
  maybe(random, 0.08, p, 'country', () =>
    random.chance(0.02) ? random.pick(country.spellings) : country.name,
  );
  if (country.states.length > 0) maybe(random, 0.2, p, 'state', () => random.pick(country.states));
  maybe(random, 0.1, p, 'city', () => {
    const city = random.pick(country.cities);
    return random.chance(0.015) ? ` ${city.toLowerCase()} ` : city;
  });
  maybe(random, 0.1, p, 'type', () =>
    random.weighted([
      ['PROSPECT', 70],
      ['PARTNER', 8],
      ['RESELLER', 6],
      ['VENDOR', 6],
      ['OTHER', 10],
    ] as const),
  );
  maybe(random, 0.08, p, 'lifecyclestage', () =>
    random.weighted([
      ['lead', 30],
      ['marketingqualifiedlead', 15],
      ['salesqualifiedlead', 15],
      ['opportunity', 15],
      ['customer', 20],
      ['other', 5],
    ] as const),
  );
  maybe(random, 0.15, p, 'web_technologies', () => technologies(random, industry));
  if (p['web_technologies'] === '') delete p['web_technologies'];
  maybe(random, 0.1, p, 'is_public', () =>
    String(employees > 5000 ? random.chance(0.6) : random.chance(0.03)),
  );
  maybe(random, 0.25, p, 'founded_year', () =>
    random.chance(0.02)
      ? random.pick(MALFORMED_YEARS)
      : String(
          2024 -
            Math.min(
              70,
              Math.round(random.logNormal(industry === 'COMPUTER_SOFTWARE' ? 9 : 22, 0.6)),
            ),
        ),
  );
  maybe(random, 0.7, p, 'description', () => random.pick(DESCRIPTIONS));
  maybe(random, 0.05, p, 'hubspot_owner_id', () => owner.id);
  return {
    record: { kind: 'company', index, properties: p, createdAt, updatedAt },
    employees,
    industry,
    ownerIndex,
  };
}

function technologies(random: Random, industry: string): string {
  const chosen = new Set<string>();
  const count = random.weighted([
    [1, 25],
    [2, 30],
    [3, 25],
    [4, 12],
    [5, 6],
    [6, 2],
  ] as const);
  const favourites = TECH_AFFINITY[industry] ?? [];
  while (chosen.size < count) {
    chosen.add(
      favourites.length > 0 && random.chance(0.65)
        ? random.pick(favourites)
        : random.pick(COMMON_TECH),
    );
  }
  return [...chosen].join(';');
}

type CompanyFacts = {
  employees: Int32Array;
  industry: Uint8Array;
  owner: Uint8Array;
  names: string[];
};

function generateDeal(
  random: Random,
  index: number,
  asOf: number,
  companies: number,
  facts: CompanyFacts,
  industries: readonly string[],
): SeedDeal {
  // Bigger companies get more deals: the larger of two random picks, half of the time.
  let companyIndex: number | null = null;
  if (companies > 0 && !random.chance(0.03)) {
    const a = random.int(0, companies - 1);
    const b = random.int(0, companies - 1);
    companyIndex =
      random.chance(0.5) && (facts.employees[b] ?? 0) > (facts.employees[a] ?? 0) ? b : a;
  }
  const otherCompanyIndex =
    companyIndex !== null && companies > 1 && random.chance(0.05)
      ? random.int(0, companies - 1)
      : null;
  const employees =
    companyIndex === null ? random.int(5, 500) : (facts.employees[companyIndex] ?? 50);
  const industry =
    companyIndex === null ? '' : (industries[facts.industry[companyIndex] ?? 0] ?? '');
  const pipeline = pickPipeline(random, employees);

  const createdAt = asOf - random.int(1, 730) * DAY_MS - random.int(0, DAY_MS - 1);
  const ageDays = (asOf - createdAt) / DAY_MS;
  const closed = ageDays > 30 && random.chance(Math.min(0.92, ageDays / 150));
  const ideal = IDEAL_INDUSTRIES.has(industry) && employees >= 51 && employees <= 1000;
  const winRate = 0.25 + (ideal ? 0.2 : 0) - (employees <= 10 ? 0.1 : 0);
  const won = closed && random.chance(winRate);
  const cycleDays = Math.max(3, Math.round(random.logNormal(employees > 1000 ? 90 : 40, 0.5)));
  const closeAt = closed
    ? Math.min(asOf - DAY_MS, createdAt + cycleDays * DAY_MS)
    : random.chance(0.1)
      ? asOf - random.int(1, 45) * DAY_MS
      : asOf + random.int(5, 180) * DAY_MS;
  const closeDay = Math.floor(closeAt / DAY_MS) * DAY_MS;

  const lineItems = generateLineItems(random, employees, won);
  const amount =
    lineItems.length > 0
      ? lineItems.reduce((sum, item) => sum + Number(item.net), 0)
      : Math.round((Math.pow(employees, 0.6) * 400 * random.logNormal(1, 0.6)) / 100) * 100;

  const stages = pipeline.stages;
  const stage = closed
    ? stages.find((s) => s.isClosed && s.probability >= 1 === won)
    : random.weighted(
        stages.filter((s) => !s.isClosed).map((s, i) => [s, 5 - Math.min(4, i)] as const),
      );
  const ownerIndex =
    companyIndex === null
      ? random.int(0, ACTIVE_OWNERS.length - 1)
      : (facts.owner[companyIndex] ?? 0);
  const owner = random.chance(0.85) ? ACTIVE_OWNERS[ownerIndex] : random.pick(ACTIVE_OWNERS);
  const companyName =
    companyIndex === null ? 'Unassigned' : (facts.names[companyIndex] ?? 'Company');

  const p: Record<string, string> = {
    dealname: `${companyName} – ${random.pick(DEAL_TOPICS)}`,
    pipeline: pipeline.id,
    dealstage: stage?.id ?? stages[0]?.id ?? '',
    closedate: formatInstant(closeDay),
  };
  maybe(random, 0.05, p, 'amount', () => String(Math.max(0, Math.round(amount))));
  maybe(random, 0.1, p, 'dealtype', () =>
    random.chance(0.7) ? 'newbusiness' : 'existingbusiness',
  );
  if (owner !== undefined) maybe(random, 0.03, p, 'hubspot_owner_id', () => owner.id);
  maybe(random, 0.3, p, 'budget_confirmed', () => String(random.chance(won ? 0.85 : 0.4)));
  maybe(random, 0.3, p, 'pain_identified', () => String(random.chance(won ? 0.9 : 0.5)));
  maybe(random, 0.4, p, 'decision_date', () => formatDate(closeDay - random.int(0, 30) * DAY_MS));
  if (random.chance(0.5)) {
    const discount = random.chance(won ? 0.3 : 0.5) ? random.int(10, 35) : random.int(0, 9);
    p['discount_percent'] = String(discount);
  }
  maybe(random, 0.7, p, 'description', () => random.pick(DESCRIPTIONS));
  const updatedAt = Math.min(
    asOf,
    Math.max(createdAt, closed ? closeDay : createdAt + random.int(0, 20) * DAY_MS),
  );
  return {
    kind: 'deal',
    index,
    companyIndex,
    otherCompanyIndex,
    properties: p,
    createdAt,
    updatedAt,
    lineItems: lineItems.map((item) => ({ properties: item.properties })),
  };
}

function pickPipeline(random: Random, employees: number): PipelineInfo {
  const [sales, enterprise] = DEAL_PIPELINES;
  if (sales === undefined || enterprise === undefined)
    throw new Error('two deal pipelines expected');
  return employees > 1000
    ? random.chance(0.7)
      ? enterprise
      : sales
    : random.chance(0.9)
      ? sales
      : enterprise;
}

function generateLineItems(
  random: Random,
  employees: number,
  won: boolean,
): { properties: Record<string, string>; net: number }[] {
  const count = random.weighted([
    [0, 15],
    [1, 30],
    [2, 25],
    [3, 15],
    [4, 10],
    [5, 5],
  ] as const);
  const items = [];
  for (let i = 0; i < count; i += 1) {
    const product = random.pick(PRODUCTS);
    const [name, listPrice, sku] = product;
    const seats = name.includes('seat');
    const quantity = seats
      ? Math.max(1, Math.round(Math.min(employees, 400) * random.next() * 0.5))
      : random.int(1, 3);
    const properties: Record<string, string> = {
      name,
      price: String(listPrice),
      quantity: String(quantity),
      hs_product_id: String(PRODUCT_ID_BASE + PRODUCTS.indexOf(product)),
      hs_sku: sku,
    };
    let net = listPrice * quantity;
    if (random.chance(won ? 0.3 : 0.45)) {
      if (random.chance(0.7)) {
        const percent = random.int(5, 40);
        properties['hs_discount_percentage'] = String(percent);
        net *= 1 - percent / 100;
      } else {
        const unit = Math.round(listPrice * random.int(5, 25)) / 100;
        properties['discount'] = String(unit);
        net = (listPrice - unit) * quantity;
      }
    }
    items.push({ properties, net: Math.round(net * 100) / 100 });
  }
  return items;
}

const isLost = (deal: SeedDeal): boolean =>
  DEAL_PIPELINES.some((p) =>
    p.stages.some(
      (st) => st.id === deal.properties['dealstage'] && st.isClosed && st.probability < 1,
    ),
  );
const isWon = (deal: SeedDeal): boolean =>
  DEAL_PIPELINES.some((p) =>
    p.stages.some(
      (st) => st.id === deal.properties['dealstage'] && st.isClosed && st.probability >= 1,
    ),
  );

/** A reason as reps type it: sometimes lower- or upper-case, sometimes with stray spaces. */
function typed(random: Random, text: string): string {
  const cased = random.chance(0.2)
    ? text.toLowerCase()
    : random.chance(0.06)
      ? text.toUpperCase()
      : text;
  return random.chance(0.15) ? random.pick([` ${cased}`, `${cased}  `, `  ${cased} `]) : cased;
}

/**
 * The sales context of SCORING §10–§15, from its own random stream: who else the customer talks to
 * (lost deals name Pipewise more often), why a lost deal was lost (about 15 % without a reason),
 * and line items without an SKU (3 %: sold before SKUs existed) or without any product (2 %:
 * custom work, not judged against offers).
 */
function addSalesContext(random: Random, deal: SeedDeal): SeedDeal {
  const won = isWon(deal);
  const lost = isLost(deal);
  const properties = { ...deal.properties };
  if (random.chance(lost ? 0.7 : won ? 0.45 : 0.5)) {
    const weights = COMPETITOR_WEIGHTS.map(
      ([v, w, l]) => [v, lost ? l : won ? w : (w + l) / 2] as const,
    );
    const names = new Set([random.weighted(weights)]);
    if (random.chance(0.2)) names.add(random.weighted(weights));
    properties['competitors'] = [...names].join(';');
  }
  if (lost && !random.chance(0.15)) {
    const reason =
      properties['competitors'] !== undefined && random.chance(0.35)
        ? 'Went with a competitor'
        : random.weighted(LOST_REASONS);
    properties['closed_lost_reason'] = typed(random, reason);
  }
  const lineItems = deal.lineItems.map((item) => {
    const roll = random.next();
    if (roll >= 0.05) return item;
    const properties = { ...item.properties };
    delete properties['hs_sku'];
    if (roll < 0.02) {
      delete properties['hs_product_id'];
      properties['name'] = `Custom work: ${properties['name'] ?? 'services'}`;
    }
    return { properties };
  });
  return { ...deal, properties, lineItems };
}

/** The spellings issue 13 names: what a criterion on "Germany" or "United States" silently misses. */
const TRAPS: Readonly<Record<string, string>> = {
  'United States': 'USA',
  'United Kingdom': 'UK',
  Germany: 'Deutschland',
  Netherlands: 'Holland',
  Spain: 'España',
};

/**
 * Writes a company's country the way issue 13's trial found it ("Deutschland", "USA", "Holland",
 * "España") with the chance given, from a stream of its own: the first stream's records stay.
 */
function respell(random: Random, p: Record<string, string>, chance: number): void {
  const trap = TRAPS[p['country'] ?? ''];
  if (random.chance(chance) && trap !== undefined) p['country'] = trap;
}
