import { z } from 'zod';

import { mergeRecords } from './cents.ts';
import { compareText } from './compare.ts';
import type {
  Completeness,
  DreamCapacity,
  OwnerCapacity,
  ReviewCompany,
  ReviewOwner,
} from './schema.ts';

const OwnerTally = z.strictObject({
  scored: z.number().int().min(0),
  dream: z.number().int().min(0),
});
type OwnerTally = z.output<typeof OwnerTally>;

/** Scored and dream accounts per owner (JSON of the owner id) of the companies read so far. */
export const CapacityPart = z.record(z.string(), OwnerTally);
export type CapacityPart = z.output<typeof CapacityPart>;

export const addCompanyToCapacity = (part: CapacityPart, company: ReviewCompany): void => {
  if (company.tier === null) return;
  const key = JSON.stringify(company.ownerId);
  const tally = part[key] ?? { scored: 0, dream: 0 };
  tally.scored += 1;
  if (company.tier === 'dream') tally.dream += 1;
  part[key] = tally;
};

export const mergeCapacity = (a: CapacityPart, b: CapacityPart): CapacityPart =>
  mergeRecords(a, b, (x, y) => ({ scored: x.scored + y.scored, dream: x.dream + y.dream }));

const compareOwners = (a: OwnerCapacity, b: OwnerCapacity): number => {
  if (a.ownerId === null || b.ownerId === null) return compareText(a.ownerId, b.ownerId);
  return b.dreamAccounts - a.dreamAccounts || compareText(a.ownerId, b.ownerId);
};

/**
 * SCORING §9: dream-tier companies per owner against `dreamCapacityPerOwner`; "if every second
 * account is a dream, there is no focus": flagged from half the scored accounts up. Every owner
 * given is listed, with or without accounts; companies without an owner get their own row,
 * never flagged.
 */
export const finishCapacity = (
  part: CapacityPart,
  capPerOwner: number | null,
  owners: readonly ReviewOwner[],
  completeness: Completeness,
): DreamCapacity => {
  const names = new Map(owners.map((o) => [o.id, o.name]));
  const tallies = new Map<string | null, OwnerTally>(
    owners.map((o) => [o.id, { scored: 0, dream: 0 }]),
  );
  for (const [key, t] of Object.entries(part)) {
    const ownerId = JSON.parse(key) as string | null;
    tallies.set(ownerId, t);
  }
  const rows = [...tallies].map(([ownerId, t]): OwnerCapacity => ({
    ownerId,
    ownerName: ownerId === null ? null : (names.get(ownerId) ?? null),
    scoredAccounts: t.scored,
    dreamAccounts: t.dream,
    dreamShare: t.scored === 0 ? null : t.dream / t.scored,
    overCap: ownerId !== null && capPerOwner !== null && t.dream > capPerOwner,
    noFocus: ownerId !== null && t.dream > 0 && 2 * t.dream >= t.scored,
  }));
  rows.sort(compareOwners);
  return {
    completeness,
    capPerOwner,
    owners: rows,
    ownersOverCap: rows.filter((r) => r.overCap).length,
    ownersWithoutFocus: rows.filter((r) => r.noFocus).length,
  };
};
