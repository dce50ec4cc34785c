import { DAY_MS } from '../values/read-value.ts';
import { amountTotalOf, createAmountTally, tallyAmount } from './cents.ts';
import { compareAmountDesc, compareText } from './compare.ts';
import type {
  Completeness,
  FalseNegativeRow,
  FalseNegatives,
  ReviewCompany,
  ReviewDeal,
} from './schema.ts';
import { createTopList } from './top-list.ts';

/** SCORING §9: false negatives are won deals of the last 12 months, taken as 365 days; §15: the evidence window. */
export const FALSE_NEGATIVE_WINDOW_DAYS = 365;

const OFF_STRATEGY_TIERS = ['off_strategy', 'refused'] as const;
type OffStrategyTier = (typeof OFF_STRATEGY_TIERS)[number];

const isOffStrategyTier = (tier: string | null): tier is OffStrategyTier =>
  (OFF_STRATEGY_TIERS as readonly (string | null)[]).includes(tier);

const compareRows = (a: FalseNegativeRow, b: FalseNegativeRow): number =>
  compareAmountDesc(a.amount, b.amount) || compareText(a.dealId, b.dealId);

export type FalseNegativesAccumulator = {
  addCompany: (company: ReviewCompany) => void;
  addDeal: (deal: ReviewDeal) => void;
  finish: (completeness: Completeness) => FalseNegatives;
};

/**
 * SCORING §9, §15: won deals (closed at or after nowMs − the evidence window, 365 days unless the
 * strategy says otherwise) whose company is off_strategy or refused today. Names are kept only for
 * off-strategy companies, the only ones a row can name.
 */
export const createFalseNegatives = (
  nowMs: number,
  maxDealRows: number,
  windowDays: number = FALSE_NEGATIVE_WINDOW_DAYS,
): FalseNegativesAccumulator => {
  const windowStartMs = nowMs - windowDays * DAY_MS;
  const companyNames = new Map<string, string | null>();
  const total = createAmountTally();
  const rows = createTopList(maxDealRows, compareRows);
  let withoutCloseDate = 0;
  return {
    addCompany: (company) => {
      if (isOffStrategyTier(company.tier)) companyNames.set(company.id, company.name);
    },
    addDeal: (deal) => {
      if (!deal.isClosed || !deal.isWon || !isOffStrategyTier(deal.companyTier)) return;
      if (deal.closedAtMs === null) {
        withoutCloseDate += 1;
        return;
      }
      if (deal.closedAtMs < windowStartMs) return;
      tallyAmount(total, deal.amount);
      rows.add({
        dealId: deal.id,
        dealName: deal.name,
        amount: deal.amount,
        closedAtMs: deal.closedAtMs,
        ownerId: deal.ownerId,
        companyId: deal.companyId,
        companyName: null,
        companyTier: deal.companyTier,
        dealTier: deal.tier,
      });
    },
    finish: (completeness) => {
      const listed = rows.finish();
      return {
        completeness,
        windowStartMs,
        total: amountTotalOf(total),
        deals: listed.rows.map((row) => ({
          ...row,
          companyName: row.companyId === null ? null : (companyNames.get(row.companyId) ?? null),
        })),
        dealsOmitted: listed.omitted,
        withoutCloseDate,
      };
    },
  };
};
