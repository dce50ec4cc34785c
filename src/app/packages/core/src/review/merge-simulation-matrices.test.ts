import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { Tier } from '../enums.ts';
import { createSimulationAccumulator } from './create-simulation-accumulator.ts';
import { emptySimulationMatrix, mergeSimulationMatrices } from './merge-simulation-matrices.ts';
import type { SimulationEntry } from './schema.ts';

const matrixOf = (entries: readonly SimulationEntry[]) => {
  const sim = createSimulationAccumulator();
  for (const e of entries) sim.add(e);
  return sim.finish();
};

const entry: fc.Arbitrary<SimulationEntry> = fc.record({
  oldTier: fc.constantFrom(...Tier.options, null),
  newTier: fc.constantFrom(...Tier.options),
  openDeals: fc.nat({ max: 20 }),
  // Whole cents, as amounts are summed (review/cents.ts).
  openAmount: fc.integer({ min: 0, max: 10_000_000_00 }).map((cents) => cents / 100),
});

describe('mergeSimulationMatrices: chunks of a simulation (SCORING §9)', () => {
  it('two chunks merge into the matrix of all their companies, every total included', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }),
        fc.array(entry, { maxLength: 40 }),
        (a, b) => {
          expect(mergeSimulationMatrices(matrixOf(a), matrixOf(b))).toEqual(matrixOf([...a, ...b]));
        },
      ),
    );
  });

  it('amounts stay exact in cents however many chunks are merged', () => {
    const chunks = Array.from({ length: 30 }, () => [
      { oldTier: 'fit' as const, newTier: 'stretch' as const, openDeals: 1, openAmount: 0.1 },
    ]);
    const merged = chunks.reduce(
      (m, c) => mergeSimulationMatrices(m, matrixOf(c)),
      emptySimulationMatrix(),
    );
    expect(merged.downgraded).toEqual({ companies: 30, openDeals: 30, openAmount: 3 });
    expect(merged).toEqual(matrixOf(chunks.flat()));
  });

  it('the empty matrix changes nothing, and the inputs are not changed', () => {
    const m = matrixOf([{ oldTier: null, newTier: 'dream', openDeals: 2, openAmount: 5 }]);
    const before = structuredClone(m);
    expect(mergeSimulationMatrices(emptySimulationMatrix(), m)).toEqual(m);
    expect(mergeSimulationMatrices(m, emptySimulationMatrix())).toEqual(m);
    expect(m).toEqual(before);
  });
});
