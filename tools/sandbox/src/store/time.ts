/** An instant as HubSpot prints it (Java `Instant.toString()`): milliseconds only when non-zero. */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** `YYYY-MM-DD` of an epoch-ms instant (UTC). */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of an ISO date, ISO date-time or epoch-ms text; NaN when it is none of them. */
export function parseInstant(text: string): number {
  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
  const date = ISO_DATE.exec(trimmed);
  if (date !== null) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    return formatDate(ms) === trimmed ? ms : Number.NaN;
  }
  if (ISO_DATETIME.test(trimmed)) return Date.parse(trimmed);
  return Number.NaN;
}

export const DAY_MS = 86_400_000;
