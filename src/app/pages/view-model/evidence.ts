import type { EvidenceStats, LiftUnavailable, StrategyReviewValue, Tier } from '@strategy-fit/core';

import {
  formatAmount,
  formatDay,
  formatDays,
  formatLift,
  formatNumber,
  formatPercent,
  formatShare,
} from './format.ts';
import { recordUrl } from './links.ts';
import { namesOf } from './names.ts';
import { tierWord } from './tiers.ts';

export type EvidenceRow = {
  readonly key: string;
  readonly label: string;
  readonly closed: string;
  readonly won: string;
  readonly winRate: string;
  readonly cycle: string;
  readonly amount: string;
  readonly discount: string;
  readonly lift: string;
};

const LIFT_MISSING: Readonly<Record<LiftUnavailable, string>> = {
  too_few_off_strategy_deals: 'fewer than 20 closed off-strategy deals',
  too_few_deals: 'fewer than 20 closed deals',
  no_off_strategy_wins: 'off-strategy deals never won',
};

const stats = (s: EvidenceStats): Omit<EvidenceRow, 'key' | 'label' | 'lift'> => ({
  closed: formatNumber(s.closed),
  won: formatNumber(s.won),
  winRate: formatShare(s.winRate),
  cycle: formatDays(s.medianCycleDays),
  amount: formatAmount(s.averageAmount),
  discount: formatPercent(s.averageDiscountPercent),
});

export type Evidence = {
  readonly partial: boolean;
  readonly reasons: readonly string[];
  /** The miscalibration warning (SCORING §9), or null when the strategy holds or data is short. */
  readonly warning: string | null;
  readonly calibration: string;
  readonly liftSentence: string;
  readonly byTier: readonly EvidenceRow[];
  readonly bySegment: readonly EvidenceRow[];
  readonly unscoredClosed: number;
  readonly falseNegatives: {
    readonly partial: boolean;
    readonly summary: string;
    readonly rows: readonly {
      dealId: string;
      name: string;
      url: string;
      amount: string;
      closedOn: string;
      owner: string;
      company: string;
      companyTier: string;
    }[];
  };
  readonly capacity: {
    readonly partial: boolean;
    readonly summary: string;
    readonly rows: readonly {
      key: string;
      owner: string;
      scored: string;
      dream: string;
      share: string;
      flag: string | null;
    }[];
  };
};

/** The sides dream deals are compared with. */
const SIDE_WORDS = {
  fit: 'fit deals',
  stretch: 'stretch deals',
  off_strategy: 'off-strategy deals',
};

const listWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** The miscalibration warning: off strategy winning as often as fit (SCORING §9), dream losing (issue 13). */
const miscalibrationWarning = (mis: StrategyReviewValue['review']['miscalibration']): string => {
  const findings = [
    ...(mis.offStrategyAsOftenAsFit
      ? [
          `off-strategy deals win ${formatShare(mis.offStrategyDeals.winRate)} of the time (${formatNumber(mis.offStrategyDeals.closed)} closed), dream and fit deals ${formatShare(mis.fitDeals.winRate)} (${formatNumber(mis.fitDeals.closed)} closed)`,
        ]
      : []),
    ...(mis.dreamBelow.length === 0
      ? []
      : [
          `dream deals win ${formatShare(mis.dreamDeals.winRate)} of the time (${formatNumber(mis.dreamDeals.closed)} closed), less often than ${listWords(
            mis.dreamBelow.map(
              (b) =>
                `${SIDE_WORDS[b.tier]} (${formatShare(b.winRate)}, ${formatNumber(b.closed)} closed)`,
            ),
          )}`,
        ]),
  ];
  return `The strategy may be miscalibrated: ${findings.join('; ')}. Revisit the segments before trusting the tiers.`;
};

/** Strategy evidence (SCORING §9): win rates, lift, cycle, amount and discount; false negatives; dream capacity. */
export const evidenceOf = (value: StrategyReviewValue, portalId: number | string): Evidence => {
  const { review } = value;
  const names = namesOf(value);
  const lifts = new Map<Tier, string>(
    review.lift.byTier.map((l) => [
      l.tier,
      l.lift === null
        ? `— (${LIFT_MISSING[l.unavailable ?? 'too_few_deals']})`
        : formatLift(l.lift),
    ]),
  );
  const mis = review.miscalibration;
  const dreamBelow = mis.dreamBelow.map((b) => SIDE_WORDS[b.tier]);
  const fit = review.lift.fitDeals;
  const fn = review.falseNegatives;
  const cap = review.dreamCapacity;
  return {
    partial: review.strategyEvidence.completeness.partial,
    reasons: review.strategyEvidence.completeness.reasons,
    warning: mis.warning ? miscalibrationWarning(mis) : null,
    calibration:
      mis.status === 'insufficient_data'
        ? `Not enough closed deals to judge the strategy yet: each side needs ${mis.minClosedDeals}.`
        : mis.status === 'consistent'
          ? `Dream and fit deals win more often than off-strategy deals (${formatShare(mis.fitDeals.winRate)} against ${formatShare(mis.offStrategyDeals.winRate)}).`
          : mis.offStrategyAsOftenAsFit
            ? 'Off-strategy deals win at least as often as dream and fit deals.'
            : `Dream deals win less often than ${listWords(dreamBelow)}.`,
    liftSentence:
      fit.lift === null
        ? `Lift is not available yet: ${LIFT_MISSING[fit.unavailable ?? 'too_few_deals']}.`
        : `Dream and fit deals win ${formatLift(fit.lift)} as often as off-strategy deals.`,
    byTier: review.strategyEvidence.byTier.map((t) => ({
      key: t.tier,
      label: tierWord(t.tier),
      ...stats(t),
      lift: lifts.get(t.tier) ?? '',
    })),
    bySegment: review.strategyEvidence.bySegment.map((s) => ({
      key: s.segmentId ?? '',
      label: s.name ?? s.segmentId ?? 'No segment',
      ...stats(s),
      lift: '',
    })),
    unscoredClosed: review.strategyEvidence.unscoredClosed,
    falseNegatives: {
      partial: fn.completeness.partial,
      summary: `${formatNumber(fn.total.count)} won deals (${formatAmount(fn.total.amount)}) closed since ${formatDay(fn.windowStartMs)} with companies that are off strategy or refused today${fn.withoutCloseDate > 0 ? `; ${formatNumber(fn.withoutCloseDate)} more without a close date` : ''}.`,
      rows: fn.deals.map((d) => ({
        dealId: d.dealId,
        name: d.dealName ?? `Deal ${d.dealId}`,
        url: recordUrl(portalId, 'deal', d.dealId),
        amount: formatAmount(d.amount),
        closedOn: formatDay(d.closedAtMs),
        owner: names.owner(d.ownerId),
        company: d.companyName ?? (d.companyId === null ? '—' : `Company ${d.companyId}`),
        companyTier: tierWord(d.companyTier),
      })),
    },
    capacity: {
      partial: cap.completeness.partial,
      summary:
        cap.capPerOwner === null
          ? `No cap on dream accounts per owner is set; ${formatNumber(cap.ownersWithoutFocus)} owners without focus (half or more of their accounts are dream).`
          : `Cap: ${formatNumber(cap.capPerOwner)} dream accounts per owner; ${formatNumber(cap.ownersOverCap)} over it, ${formatNumber(cap.ownersWithoutFocus)} without focus (half or more of their accounts are dream).`,
      rows: cap.owners.map((o) => ({
        key: o.ownerId ?? '',
        owner: o.ownerId === null ? 'No owner' : (o.ownerName ?? names.owner(o.ownerId)),
        scored: formatNumber(o.scoredAccounts),
        dream: formatNumber(o.dreamAccounts),
        share: formatShare(o.dreamShare),
        flag: o.overCap ? 'Over cap' : o.noFocus ? 'No focus' : null,
      })),
    },
  };
};
