import { MATCH, MISS } from '../criteria/evaluate-criterion.ts';
import type { DreamOutcome, FitWarning } from '../enums.ts';
import { FitWarning as FitWarnings } from '../enums.ts';
import type { RecordFacts } from '../facts/schema.ts';
import { isMissing, readNumber } from '../values/read-value.ts';
import { todoStep } from './build-todos.ts';
import type { CompiledDreamGroup, CompiledStrategy } from './compile-strategy.ts';
import { computeDiscountPercent } from './compute-discount-percent.ts';
import { dealCompetitors } from './deal-competitors.ts';
import { exceptionFromProperties } from './exception.ts';
import { businessOf, isRetained } from './existing-business.ts';
import {
  codeAt,
  explainCriteria,
  finding,
  findingsOf,
  judgeCriteria,
  mergeFindings,
  unreadableWords,
} from './explain.ts';
import { judgeOffers } from './judge-offers.ts';
import { positioningOf } from './positioning.ts';
import { NO_COMPANY_REASON } from './reason.ts';
import type { RecordValues } from './record-values.ts';
import { readRecordValues } from './record-values.ts';
import type {
  CompanyEvaluation,
  DataQualityFinding,
  DealFacts,
  DealScore,
  DreamGroupResult,
  Todo,
} from './schema.ts';

/** SCORING §7: a deal without a company is needs_data, "no associated company". */
const NO_COMPANY: CompanyEvaluation = {
  tier: 'needs_data',
  fitScore: 0,
  segmentId: null,
  exclusionId: null,
  offStrategy: false,
  reason: NO_COMPANY_REASON,
};

type JudgedGroup = {
  readonly compiled: CompiledDreamGroup;
  readonly criteria: CompiledDreamGroup['criteria'];
  readonly codes: Uint8Array;
  readonly result: DreamGroupResult;
};

/** SCORING §7: a group passes when all its criteria match, fails when any misses, else unknown. */
const groupOutcome = (codes: Uint8Array): DreamOutcome => {
  if (codes.some((c) => c === MISS)) return 'fail';
  return codes.every((c) => c === MATCH) ? 'pass' : 'unknown';
};

const judgeGroup = (g: CompiledDreamGroup, v: RecordValues, nowMs: number): JudgedGroup => {
  const codes = judgeCriteria(g.criteria, v, nowMs);
  return {
    compiled: g,
    criteria: g.criteria,
    codes,
    result: {
      group: g.group,
      question: g.question,
      outcome: groupOutcome(codes),
      criteria: explainCriteria(g.criteria, codes, v),
    },
  };
};

/** SCORING §7: every unknown dream-test group is a question for the rep. */
const dreamTodo = (g: JudgedGroup, v: RecordValues): Todo => {
  const steps = g.criteria.flatMap((c, k) => {
    const code = codeAt(g.codes, k);
    return code === MATCH || code === MISS ? [] : [todoStep(c, code, v)];
  });
  return {
    kind: 'answer_question',
    text: `Answer “${g.result.question}”: ${[...new Set(steps)].join('; ')}`,
    property: null,
    object: null,
    targetTier: null,
    question: g.result.group,
  };
};

type AmountReading = { amount: number | null; raw: string | null; label: string };

const readAmount = (deal: RecordFacts): AmountReading => {
  const raw = deal.properties.amount;
  const label = deal.definitions.amount?.label ?? 'Amount';
  if (isMissing(raw)) return { amount: null, raw: null, label };
  return { amount: readNumber(raw), raw: raw.trim(), label };
};

const amountTodo = (a: AmountReading, segmentName: string): Todo => ({
  kind: a.raw === null ? 'add_deal_amount' : 'correct_property',
  text:
    a.raw === null
      ? `Add the ${a.label} to check the deal size for ${segmentName}`
      : `Correct the ${a.label} (${unreadableWords(a.raw, 'number')}) to check the deal size for ${segmentName}`,
  property: 'amount',
  object: 'deal',
  targetTier: null,
  question: null,
});

const ASSOCIATE_TODO: Todo = {
  kind: 'associate_company',
  text: 'Associate a company with this deal so it can be scored',
  property: null,
  object: null,
  targetTier: null,
  question: null,
};

/**
 * A deal's full result (SCORING §7): it inherits its company's tier, fitScore, segment, to-dos and
 * findings from the company's score (never scoring the company again), and adds the dream-customer
 * test, focus, discount and deal-size warnings, its exception and its own to-dos.
 *
 * @example
 * const company = { facts, score: scoreCompany(compiled, facts) };
 * const deal = scoreDeal(compiled, { deal: dealFacts, company, lineItems, nowMs });
 */
export const scoreDeal = (compiled: CompiledStrategy, facts: DealFacts): DealScore => {
  const { deal, company, nowMs } = facts;
  const inherited: CompanyEvaluation = company?.score ?? NO_COMPANY;
  const refused = inherited.tier === 'refused';
  const companyScore = company && !refused ? company.score : null;
  const v = readRecordValues(compiled, { company: company?.facts ?? null, deal });
  const groups = compiled.dreamGroups?.map((g) => judgeGroup(g, v, nowMs)) ?? null;
  const dreamTest = groups?.map((g) => g.result) ?? null;
  const focus =
    (inherited.tier === 'dream' || inherited.tier === 'fit') &&
    (dreamTest === null || dreamTest.every((g) => g.outcome === 'pass'));

  const checks = compiled.strategy.dealChecks;
  const discountProperty = checks?.discountProperty;
  const discountLabel =
    discountProperty === undefined
      ? ''
      : (deal.definitions[discountProperty]?.label ?? discountProperty);
  const discount = computeDiscountPercent(facts.lineItems, deal, discountProperty, discountLabel);
  const amount = readAmount(deal);
  const segment = compiled.strategy.segments.find((s) => s.id === inherited.segmentId);
  const band = segment?.dealAmount;
  const amountFindings: DataQualityFinding[] =
    amount.raw !== null && amount.amount === null
      ? [
          finding(
            { object: 'deal', recordId: deal.id, property: 'amount', label: amount.label },
            amount.raw,
            'number',
          ),
        ]
      : [];

  const raised = new Set<FitWarning>();
  const max = checks?.maxDiscountPercent;
  if (discount.percent !== null && max !== undefined && discount.percent > max)
    raised.add('price_competition');
  const a = amount.amount;
  if (
    band &&
    a !== null &&
    ((band.min !== undefined && a < band.min) || (band.max !== undefined && a > band.max))
  ) {
    raised.add('deal_size_outside_segment');
  }
  if (company === null) raised.add('missing_company');
  // SCORING §10: refused and off-strategy deals are not judged for offers.
  const offers = inherited.offStrategy ? null : judgeOffers(segment, facts.lineItems);
  if (offers !== null && offers.outside.length > 0) raised.add('offer_outside_segment');
  const business = businessOf(compiled, v, nowMs);

  const todos: Todo[] = refused
    ? []
    : [
        ...(company === null ? [ASSOCIATE_TODO] : []),
        ...(companyScore?.todos ?? []),
        ...(groups ?? []).filter((g) => g.result.outcome === 'unknown').map((g) => dreamTodo(g, v)),
        ...(band && segment && a === null ? [amountTodo(amount, segment.name)] : []),
      ];

  return {
    dealId: deal.id,
    companyId: company?.facts.id ?? null,
    tier: inherited.tier,
    fitScore: inherited.fitScore,
    segmentId: inherited.segmentId,
    exclusionId: inherited.exclusionId,
    offStrategy: inherited.offStrategy,
    reason: inherited.reason,
    focus,
    dreamTest,
    amount: a,
    discountPercent: discount.percent,
    warnings: FitWarnings.options.filter((w) => raised.has(w)),
    exception: exceptionFromProperties(deal.properties, nowMs),
    todos,
    dataQuality: mergeFindings(
      companyScore?.dataQuality ?? [],
      findingsOf(groups ?? [], v),
      amountFindings,
      discount.dataQuality,
    ),
    positioning: positioningOf(inherited.tier, segment),
    offers,
    competitors: dealCompetitors(compiled.strategy, deal, inherited.segmentId),
    business,
    retained: isRetained(compiled, { business, offStrategy: inherited.offStrategy }),
  };
};

/**
 * SCORING §7: a deal's company is its primary associated company, else the one with the lowest id;
 * null when it has none.
 */
export const pickDealCompanyId = (
  associations: readonly { id: string; primary: boolean }[],
): string | null => {
  const primaries = associations.filter((a) => a.primary);
  const candidates = primaries.length > 0 ? primaries : associations;
  // HubSpot ids are decimal strings: a shorter one is a smaller number.
  const byId = (x: string, y: string): number =>
    x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
  return candidates.map((a) => a.id).sort(byId)[0] ?? null;
};
