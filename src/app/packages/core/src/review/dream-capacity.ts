import { compareText } from './compare.ts';
import type {
  Completeness,
  DreamCapacity,
  OwnerCapacity,
  ReviewCompany,
  ReviewOwner,
} from './schema.ts';

type OwnerTally = { scored: number; dream: number };

export type DreamCapacityAccumulator = {
  addCompany: (company: ReviewCompany) => void;
  finish: (completeness: Completeness) => DreamCapacity;
};

const compareOwners = (a: OwnerCapacity, b: OwnerCapacity): number => {
  if (a.ownerId === null || b.ownerId === null) return compareText(a.ownerId, b.ownerId);
  return b.dreamAccounts - a.dreamAccounts || compareText(a.ownerId, b.ownerId);
};

/**
 * SCORING §9: dream-tier companies per owner against `dreamCapacityPerOwner`; "if every second
 * account is a dream, there is no focus": flagged from half the scored accounts up.
 * Companies without an owner get their own row, never flagged.
 */
export const createDreamCapacity = (
  capPerOwner: number | null,
  owners: readonly ReviewOwner[],
): DreamCapacityAccumulator => {
  const names = new Map(owners.map((o) => [o.id, o.name]));
  const tallies = new Map<string | null, OwnerTally>(
    owners.map((o) => [o.id, { scored: 0, dream: 0 }]),
  );
  return {
    addCompany: (company) => {
      if (company.tier === null) return;
      let tally = tallies.get(company.ownerId);
      if (tally === undefined) {
        tally = { scored: 0, dream: 0 };
        tallies.set(company.ownerId, tally);
      }
      tally.scored += 1;
      if (company.tier === 'dream') tally.dream += 1;
    },
    finish: (completeness) => {
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
    },
  };
};
