// Which accounts move, as the editor's simulation shows them (issue 13): a bounded list of the
// companies and open deals that change tier, the largest amounts first, with the total counts,
// and the open deals without a company. Pure.
import { formatAmount, plural, TIER_WORDS } from '@strategy-fit/core';
import type { SimulationMatrix, SimulationMovers } from '@strategy-fit/core';

/** Rows the page lists of each (the function answers the 100 largest). */
export const MOVERS_SHOWN = 10;

export type MoverRowView = {
  readonly id: string;
  readonly name: string;
  readonly move: string;
  readonly amount: string;
};

export type MoversView = {
  readonly title: string;
  readonly companies: readonly MoverRowView[];
  /** "The 10 largest of 42 companies" when more move than are listed; null otherwise. */
  readonly companiesNote: string | null;
  readonly deals: readonly MoverRowView[];
  readonly dealsNote: string | null;
  /** Open deals without a company: in no cell of the matrix, in the open pipeline. */
  readonly noCompany: string | null;
};

const note = (shown: number, total: number, what: string): string | null =>
  total > shown
    ? `The ${formatAmount(shown)} largest of ${plural(total, what, what === 'company' ? 'companies' : `${what}s`)}.`
    : null;

export const moversView = (movers: SimulationMovers, matrix: SimulationMatrix): MoversView => {
  const companies = movers.companies.rows.slice(0, MOVERS_SHOWN).map((c) => ({
    id: c.id,
    name: c.name ?? `Company ${c.id}`,
    move: `${TIER_WORDS[c.oldTier]} → ${TIER_WORDS[c.newTier]}`,
    amount: `${formatAmount(c.openAmount)} in ${plural(c.openDeals, 'open deal', 'open deals')}`,
  }));
  const deals = movers.deals.rows.slice(0, MOVERS_SHOWN).map((d) => ({
    id: d.id,
    name: d.name ?? `Deal ${d.id}`,
    move: `${TIER_WORDS[d.oldTier]} → ${TIER_WORDS[d.newTier]}`,
    amount: formatAmount(d.amount),
  }));
  const { noCompany } = matrix;
  return {
    title: `Accounts that change tier: ${plural(movers.companies.total, 'company', 'companies')} and ${plural(movers.deals.total, 'open deal', 'open deals')}.`,
    companies,
    companiesNote: note(companies.length, movers.companies.total, 'company'),
    deals,
    dealsNote: note(deals.length, movers.deals.total, 'open deal'),
    noCompany:
      noCompany.openDeals === 0
        ? null
        : `${plural(noCompany.openDeals, 'open deal', 'open deals')} without a company (${formatAmount(noCompany.openAmount)}) count in the open pipeline, in no row.`,
  };
};
