import type { DealCompetitor } from '@strategy-fit/core';

/** One competitor on a deal (SCORING §11) as the deal card shows it. */
export type CompetitorView = {
  /** The card's test id: `competitor-pipewise`; a value no competitor lists, `competitor-other-1`. */
  readonly testId: string;
  /** The competitor's name; for a value the strategy does not list, the value as the deal has it. */
  readonly name: string;
  /** False for a value no competitor of the strategy lists ("other"). */
  readonly listed: boolean;
  /** "Forecastly goes after this segment too."; null when it does not target the deal's segment. */
  readonly targets: string | null;
  /** "How we win: …" from the strategy; null when it says nothing. */
  readonly howWeWin: string | null;
  /** What the card says when the strategy has no advice for it. */
  readonly note: string | null;
};

const listedView = (c: DealCompetitor, name: string): CompetitorView => ({
  testId: `competitor-${c.competitorId}`,
  name,
  listed: true,
  targets: c.targetsSegment ? `${name} goes after this segment too.` : null,
  howWeWin: c.howWeWin === null ? null : `How we win: ${c.howWeWin}`,
  note: c.howWeWin === null ? `The strategy does not say yet how we win against ${name}.` : null,
});

/**
 * The competitors on a deal, in the core's order: the strategy's competitors, then the others (a
 * value no competitor lists has no name: the contract's `other`).
 */
export const competitorViews = (competitors: readonly DealCompetitor[]): CompetitorView[] => {
  let others = 0;
  return competitors.map((c) => {
    if (c.name !== null) return listedView(c, c.name);
    others += 1;
    return {
      testId: `competitor-other-${others}`,
      name: c.value,
      listed: false,
      targets: null,
      howWeWin: null,
      note: 'Not a competitor the strategy lists, so there is no advice for it yet.',
    };
  });
};
