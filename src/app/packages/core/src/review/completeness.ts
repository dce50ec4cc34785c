import type { Completeness, ReviewSource } from './schema.ts';
import { ReviewSource as Sources } from './schema.ts';

/** Collects why figures are partial, and answers per figure from the sources it reads. */
export type CompletenessTracker = {
  mark: (reason: string, sources?: readonly ReviewSource[]) => void;
  of: (sources: readonly ReviewSource[]) => Completeness;
};

export const createCompletenessTracker = (): CompletenessTracker => {
  const marks: { reason: string; sources: readonly ReviewSource[] }[] = [];
  return {
    mark: (reason, sources = Sources.options) => {
      marks.push({ reason, sources: [...sources] });
    },
    of: (sources) => {
      const reasons: string[] = [];
      for (const m of marks) {
        if (m.sources.some((s) => sources.includes(s)) && !reasons.includes(m.reason)) {
          reasons.push(m.reason);
        }
      }
      return { partial: reasons.length > 0, reasons };
    },
  };
};
