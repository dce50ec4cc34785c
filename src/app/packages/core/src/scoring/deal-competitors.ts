import type { PropertyDefinition, PropertyBag } from '../facts/schema.ts';
import type { Competitor, Strategy } from '../strategy/strategy-schema.ts';
import { OTHER_COMPETITOR_ID } from '../strategy/strategy-schema.ts';
import { isMultiSelect, readPropertyValue } from '../values/read-value.ts';
import type { DealCompetitor } from './schema.ts';

const key = (value: string): string => value.trim().toLowerCase();

/** SCORING §11: the values that mean a competitor, trimmed and lower-cased (default: its name). */
const valuesOf = (c: Competitor): string[] => (c.values ?? [c.name]).map(key);

/**
 * SCORING §11: a deal's competitors, from the value of `competitorProperty` (split on `;` when the
 * property is a checkbox enumeration, §3), each matched to the competitor whose values contain it
 * (trimmed, case-insensitive): matched competitors in the strategy's order, once each, then the
 * values that match none as `other` with the raw value, in the deal's order. No property or no
 * value: none.
 */
export const dealCompetitors = (
  strategy: Strategy,
  deal: { properties: PropertyBag; definitions: Record<string, PropertyDefinition> },
  segmentId: string | null,
): DealCompetitor[] => {
  const property = strategy.competitorProperty;
  if (property === undefined) return [];
  const reading = readPropertyValue(
    deal.properties[property],
    isMultiSelect(deal.definitions[property]),
  );
  if (reading === null) return [];
  const values = reading.parts?.map((p) => p.raw) ?? [reading.raw];
  const competitors = strategy.competitors ?? [];
  const matched = new Map<string, string>();
  const others: string[] = [];
  for (const value of values) {
    const c = competitors.find((x) => valuesOf(x).includes(key(value)));
    if (c === undefined) {
      if (!others.some((o) => key(o) === key(value))) others.push(value);
    } else if (!matched.has(c.id)) matched.set(c.id, value);
  }
  return [
    ...competitors.flatMap((c) => {
      const value = matched.get(c.id);
      return value === undefined
        ? []
        : [
            {
              competitorId: c.id,
              name: c.name,
              value,
              howWeWin: c.howWeWin ?? null,
              targetsSegment: segmentId !== null && (c.targets ?? []).includes(segmentId),
            },
          ];
    }),
    ...others.map((value) => ({
      competitorId: OTHER_COMPETITOR_ID,
      name: null,
      value,
      howWeWin: null,
      targetsSegment: false,
    })),
  ];
};

/** SCORING §11 write-back: the matched competitor ids, sorted, `other` for any unmatched value; `;`-joined. */
export const competitorIdsOf = (competitors: readonly DealCompetitor[]): string[] =>
  [...new Set(competitors.map((c) => c.competitorId))].sort();
