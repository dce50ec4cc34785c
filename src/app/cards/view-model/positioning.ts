import type { SegmentPositioning } from '@strategy-fit/core';

/**
 * What a rep is told to sell to the record's segment (SCORING §10), as the cards show it. The
 * core decides when there is any: dream, fit, stretch and needs_data records of a segment with
 * positioning; never refused or off-strategy ones.
 */
export type PositioningView = {
  /** "Positioning for Mid-market tech" */
  readonly title: string;
  readonly valueProposition: string;
  /** What sets us apart in this segment; [] when the strategy names none (or, on a deal, when the price warning shows them). */
  readonly differentiators: readonly string[];
  readonly expectations: readonly string[];
};

/** The positioning section, or null when there is nothing to sell (no positioning for this record). */
export const positioningView = (
  positioning: SegmentPositioning | null,
  options: { readonly differentiatorsShownElsewhere?: boolean } = {},
): PositioningView | null =>
  positioning === null
    ? null
    : {
        title: `Positioning for ${positioning.segmentName}`,
        valueProposition: positioning.valueProposition,
        differentiators:
          options.differentiatorsShownElsewhere === true ? [] : positioning.differentiators,
        expectations: positioning.expectations,
      };
