/** SCORING §5: round(100 · part / total), half up, in exact integer arithmetic (never float rounding). */
export const roundPercent = (part: number, total: number): number =>
  Math.floor((200 * part + total) / (2 * total));
