// The one place a bulk job calls the core's scoring (SCORING §6–§8): a page of companies, or of
// deals with their companies and line items, into the fit properties to write. Pure.
import {
  companyFitProperties,
  dealFitProperties,
  diffFitProperties,
  scoreCompany,
  scoreDeal,
} from '@strategy-fit/core';
import type {
  CompanyScore,
  CompiledStrategy,
  FitStamp,
  PropertyDefinitions,
  RecordFacts,
} from '@strategy-fit/core';
import type { RawRecord, RecordUpdate } from '@strategy-fit/hubspot';

import type { DealContext, DealLinks } from './deal-context.ts';

/** What scoring needs that stays the same for a whole run. */
export type ScoringSetup = {
  compiled: CompiledStrategy;
  /** The run's version and moment: written with every score. */
  stamp: FitStamp;
  /** "Now" for date criteria. */
  nowMs: number;
  definitions: { companies: PropertyDefinitions; deals: PropertyDefinitions };
};

export type ScoringPage =
  | { kind: 'companies'; records: readonly RawRecord[] }
  | { kind: 'deals'; records: readonly (RawRecord & DealLinks)[]; context: DealContext };

const facts = (r: RawRecord, definitions: PropertyDefinitions, nowMs: number): RecordFacts => ({
  id: r.id,
  properties: r.properties,
  definitions,
  nowMs,
});

/**
 * The updates a page needs: each record's fit properties diffed against what it stores (SCORING
 * §8: diff-only, and never over a record scored by a newer version). A deal inherits its
 * company's fit as scored now (§7); a company that no longer exists counts as none.
 */
export function scorePage(setup: ScoringSetup, page: ScoringPage): RecordUpdate[] {
  const { compiled, stamp, nowMs, definitions } = setup;
  const updates: RecordUpdate[] = [];
  const write = (r: RawRecord, next: Record<string, string>) => {
    const diff = diffFitProperties(r.properties, next);
    if (diff !== null) updates.push({ id: r.id, properties: diff });
  };
  if (page.kind === 'companies') {
    for (const r of page.records) {
      const score = scoreCompany(compiled, facts(r, definitions.companies, nowMs));
      write(r, companyFitProperties(score, stamp));
    }
    return updates;
  }
  // A company's score is kept for the deals of this page only (~12 KB each with its explanation).
  const scored = new Map<string, { facts: RecordFacts; score: CompanyScore }>();
  const companyOf = (id: string | null) => {
    const record = id === null ? undefined : page.context.companies.get(id);
    if (record === undefined) return null;
    let found = scored.get(record.id);
    if (found === undefined) {
      const f = facts(record, definitions.companies, nowMs);
      found = { facts: f, score: scoreCompany(compiled, f) };
      scored.set(record.id, found);
    }
    return found;
  };
  for (const r of page.records) {
    const score = scoreDeal(compiled, {
      deal: facts(r, definitions.deals, nowMs),
      company: companyOf(r.companyId),
      lineItems: r.lineItemIds.flatMap((id) => {
        const item = page.context.lineItems.get(id);
        return item === undefined ? [] : [{ id, properties: item.properties }];
      }),
      nowMs,
    });
    write(r, dealFitProperties(score, stamp));
  }
  return updates;
}
