import { z } from 'zod';

import { Tier } from '../enums.ts';
import { amountTotalOf, createAmountTally, mergeRecords, rowAmount, tallyAmount } from './cents.ts';
import { compareAmountDesc, compareText } from './compare.ts';
import type { Completeness, FalseNegativeRow, FalseNegatives, ReviewDeal } from './schema.ts';
import { finishTopList } from './top-list.ts';

/**
 * SCORING §9: false negatives are won deals of the last 12 months, taken as 365 days: the
 * default of the evidence window (§15, `evidenceWindowDays`), which they count.
 */
export const FALSE_NEGATIVE_WINDOW_DAYS = 365;

const OffStrategyTier = z.enum(['off_strategy', 'refused']);
type OffStrategyTier = z.output<typeof OffStrategyTier>;

const isOffStrategyTier = (tier: Tier | null): tier is OffStrategyTier =>
  OffStrategyTier.safeParse(tier).success;

/** A won deal that is a false negative if its company is off strategy today. */
const Candidate = z.strictObject({
  dealId: z.string(),
  dealName: z.string().nullable(),
  amount: z.number().nullable(),
  closedAtMs: z.number().nullable(),
  ownerId: z.string().nullable(),
  companyId: z.string(),
  dealTier: Tier.nullable(),
});
type Candidate = z.output<typeof Candidate>;

/**
 * Won deals of the window (or without a close date) with their company id, and the companies
 * that are off strategy today: joined when the review is finished, so companies and deals may
 * come in any order and in any number of parts.
 */
export const FalseNegativesPart = z.strictObject({
  candidates: z.array(Candidate),
  offStrategyCompanies: z.record(
    z.string(),
    z.strictObject({ name: z.string().nullable(), tier: OffStrategyTier }),
  ),
});
export type FalseNegativesPart = z.output<typeof FalseNegativesPart>;

export const createFalseNegativesPart = (): FalseNegativesPart => ({
  candidates: [],
  offStrategyCompanies: {},
});

export const addCompanyToFalseNegatives = (
  part: FalseNegativesPart,
  company: { id: string; name: string | null; tier: Tier | null },
): void => {
  if (isOffStrategyTier(company.tier)) {
    part.offStrategyCompanies[company.id] = { name: company.name, tier: company.tier };
  }
};

/** A won deal of the window (SCORING §15: `windowStartMs`), or without a close date. */
export const addDealToFalseNegatives = (
  part: FalseNegativesPart,
  deal: ReviewDeal,
  windowStartMs: number,
): void => {
  if (!deal.isClosed || !deal.isWon || deal.companyId === null) return;
  if (deal.closedAtMs !== null && deal.closedAtMs < windowStartMs) return;
  part.candidates.push({
    dealId: deal.id,
    dealName: deal.name,
    amount: rowAmount(deal.amount),
    closedAtMs: deal.closedAtMs,
    ownerId: deal.ownerId,
    companyId: deal.companyId,
    dealTier: deal.tier,
  });
};

export const mergeFalseNegatives = (
  a: FalseNegativesPart,
  b: FalseNegativesPart,
): FalseNegativesPart => ({
  candidates: [...a.candidates, ...b.candidates],
  offStrategyCompanies: mergeRecords(a.offStrategyCompanies, b.offStrategyCompanies, (x) => x),
});

const compareRows = (a: FalseNegativeRow, b: FalseNegativeRow): number =>
  compareAmountDesc(a.amount, b.amount) || compareText(a.dealId, b.dealId);

/**
 * SCORING §9, §15: won deals (closed at or after the evidence window's start, nowMs − 365 days
 * unless the strategy says otherwise) whose company is off_strategy or refused today; won deals of
 * such companies without a close date are counted apart.
 */
export const finishFalseNegatives = (
  part: FalseNegativesPart,
  windowStartMs: number,
  maxDealRows: number,
  completeness: Completeness,
): FalseNegatives => {
  const total = createAmountTally();
  const rows: FalseNegativeRow[] = [];
  let withoutCloseDate = 0;
  for (const c of part.candidates) {
    const company = part.offStrategyCompanies[c.companyId];
    if (company === undefined) continue;
    if (c.closedAtMs === null) {
      withoutCloseDate += 1;
      continue;
    }
    tallyAmount(total, c.amount);
    rows.push({
      dealId: c.dealId,
      dealName: c.dealName,
      amount: c.amount,
      closedAtMs: c.closedAtMs,
      ownerId: c.ownerId,
      companyId: c.companyId,
      companyName: company.name,
      companyTier: company.tier,
      dealTier: c.dealTier,
    });
  }
  const listed = finishTopList({ rows, seen: rows.length }, maxDealRows, compareRows);
  return {
    completeness,
    windowStartMs,
    total: amountTotalOf(total),
    deals: listed.rows,
    dealsOmitted: listed.omitted,
    withoutCloseDate,
  };
};
