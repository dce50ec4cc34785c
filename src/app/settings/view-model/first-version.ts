// The first version (SCORING §14 "First version"), as a first-time admin meets it: the templates
// to start from, described, and where they are on the way to version 1. Pure.
import { plural } from '@strategy-fit/core';
import type { Strategy, StrategyTemplate } from '@strategy-fit/core';

/** The parts of the seed a template uses beyond segments (SCORING §10–§13), in words. */
export const templateParts = (strategy: Strategy): string[] => {
  const parts: string[] = [];
  if (strategy.segments.some((s) => s.positioning !== undefined)) parts.push('positioning');
  if (strategy.segments.some((s) => s.offers !== undefined)) parts.push('offers by product');
  if ((strategy.competitors ?? []).length > 0) parts.push('competitors');
  if (strategy.existingCustomers !== undefined) parts.push('existing customers');
  if (strategy.dreamCustomer !== undefined) parts.push('the dream-customer test');
  if (strategy.dealChecks !== undefined) parts.push('deal checks');
  if (strategy.focusGuard !== undefined) parts.push('the focus guard');
  return parts;
};

/** "5 segments · 3 customers refused · uses positioning, offers by product and competitors". */
export const templateSummary = (template: StrategyTemplate): string => {
  const s = template.strategy;
  const parts = templateParts(s);
  const uses =
    parts.length === 0
      ? 'segments only'
      : `uses ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`}`;
  return [
    plural(s.segments.length, 'segment'),
    `${s.exclusions.length} ${s.exclusions.length === 1 ? 'kind of customer' : 'kinds of customer'} refused`,
    uses,
  ].join(' · ');
};

/** Whether the template reads properties this portal has. */
export const templatePortalText = (template: StrategyTemplate): string =>
  template.portalIssues === 0
    ? 'Every property it reads exists on this portal.'
    : `${plural(template.portalIssues, 'problem')} on this portal (properties it lacks, or values that are not options): the editor marks ${template.portalIssues === 1 ? 'it' : 'them'} for you to fix.`;

/** The way to version 1, in the order the page walks it. */
export const FIRST_VERSION_STEPS = [
  'Edit',
  'Name a manager',
  'Simulate',
  'Prepare version 1',
  'Approve in HubSpot',
  'Publish',
] as const;

export type FirstVersionInput = {
  /** The draft has schema or portal problems. */
  readonly problems: number;
  /** The draft names at least one manager (a user, an email or a team). */
  readonly namesManager: boolean;
  /** A finished simulation of this exact draft, its warnings acknowledged if there were any. */
  readonly simulated: boolean;
  /** Version 1 was prepared and waits for the approval in HubSpot. */
  readonly prepared: boolean;
};

/** Where the admin is (an index of FIRST_VERSION_STEPS) and what to do now. */
export const firstVersionStep = (g: FirstVersionInput): { current: number; todo: string } => {
  if (g.prepared) {
    return {
      current: 4,
      todo: 'Open the prepared version in HubSpot (the link below), set “Approval” to “Approve: publish it”, then come back and choose Publish now.',
    };
  }
  if (g.problems > 0) {
    return {
      current: 0,
      todo: `Fix the ${plural(g.problems, 'problem')} marked below: each says what is expected.`,
    };
  }
  if (!g.namesManager) {
    return {
      current: 1,
      todo: 'Name yourself as a strategy manager (your HubSpot email, under “Strategy managers”): version 1 must name whoever approves it.',
    };
  }
  if (!g.simulated) {
    return {
      current: 2,
      todo: 'Simulate: see how your companies fall into tiers, read the focus guard’s warnings and acknowledge them.',
    };
  }
  return {
    current: 3,
    todo: 'Prepare version 1 for approval: nothing reaches reps until it is approved in HubSpot and published.',
  };
};
