import { z } from 'zod';

import type { Completeness } from './schema.ts';
import { ReviewSource } from './schema.ts';

/** Why figures are partial: each reason with the sources it concerns, in the order reported. */
export const PartialMarks = z.array(
  z.strictObject({ reason: z.string(), sources: z.array(ReviewSource) }),
);
export type PartialMarks = z.output<typeof PartialMarks>;

export const markPartial = (
  marks: PartialMarks,
  reason: string,
  sources: readonly ReviewSource[] = ReviewSource.options,
): void => {
  marks.push({ reason, sources: [...sources] });
};

/** A figure's completeness from the sources it reads. */
export const completenessOf = (
  marks: PartialMarks,
  sources: readonly ReviewSource[],
): Completeness => {
  const reasons: string[] = [];
  for (const m of marks) {
    if (m.sources.some((s) => sources.includes(s)) && !reasons.includes(m.reason)) {
      reasons.push(m.reason);
    }
  }
  return { partial: reasons.length > 0, reasons };
};
