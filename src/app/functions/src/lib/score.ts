// From facts to scores and the diff-only write-back (SCORING §6–§8), with the core only.
import {
  companyFitProperties,
  dealFitProperties,
  diffFitProperties,
  scoreCompany,
  scoreDeal,
} from '@strategy-fit/core';
import type { CompanyScore, DealScore, FitStamp, RecordFacts } from '@strategy-fit/core';

import type { ActiveStrategy } from './active-strategy.ts';
import type { DealRead } from './read-facts.ts';

/** The properties to write to one record; null when nothing but `scored_at` would change. */
export type Update = Record<string, string> | null;

const stampOf = (active: ActiveStrategy, nowMs: number): FitStamp => ({
  version: active.version,
  scoredAt: new Date(nowMs).toISOString(),
});

/** A company's explained score and what must be written back. */
export function scoreCompanyFacts(
  active: ActiveStrategy,
  company: RecordFacts,
): { score: CompanyScore; update: Update } {
  const score = scoreCompany(active.compiled, company);
  const next = companyFitProperties(score, stampOf(active, company.nowMs));
  return { score, update: diffFitProperties(company.properties, next) };
}

export type ScoredDeal = {
  company: CompanyScore | null;
  deal: DealScore;
  dealUpdate: Update;
  /** The deal's company's stored fit is stale: it is written too (docs/functions.md). */
  companyUpdate: Update;
};

/** A deal's explained score (inheriting its company's, SCORING §7) and what must be written back. */
export function scoreDealFacts(read: DealRead): ScoredDeal {
  const { active, deal, company, lineItems } = read;
  const scoredCompany = company === null ? null : scoreCompanyFacts(active, company);
  const score = scoreDeal(active.compiled, {
    deal,
    company:
      company === null || scoredCompany === null
        ? null
        : { facts: company, score: scoredCompany.score },
    lineItems,
    nowMs: deal.nowMs,
  });
  const next = dealFitProperties(score, stampOf(active, deal.nowMs));
  return {
    company: scoredCompany?.score ?? null,
    deal: score,
    dealUpdate: diffFitProperties(deal.properties, next),
    companyUpdate: scoredCompany?.update ?? null,
  };
}
