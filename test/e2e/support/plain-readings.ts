// Plain readings of HubSpot values and of SCORING §3 and §7, written without the core, so the
// end-to-end suites check the product's figures against an independent computation.
import type { Bag } from './portal.ts';

/** SCORING §3: missing (null, absent, blank) is null; else the value trimmed. */
export const text = (raw: string | null | undefined): string | null =>
  raw === null || raw === undefined || raw.trim() === '' ? null : raw.trim();

/** A number by `Number()` after trimming; null when missing or not finite. */
export const num = (raw: string | null | undefined): number | null => {
  const t = text(raw);
  if (t === null) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

/** Epoch milliseconds of epoch digits or a date text; null when missing or unreadable. */
export const ms = (raw: string | null | undefined): number | null => {
  const t = text(raw);
  if (t === null) return null;
  const n = /^\d+$/.test(t) ? Number(t) : Date.parse(t);
  return Number.isFinite(n) ? n : null;
};

/** SCORING §7: the primary associated company, else the lowest id. */
export const companyOfDeal = (
  links: readonly { id: string; primary: boolean }[] | undefined,
): string | null => {
  if (links === undefined || links.length === 0) return null;
  const primary = links.find((l) => l.primary);
  if (primary !== undefined) return primary.id;
  return [...links].sort((a, b) => Number(a.id) - Number(b.id))[0]?.id ?? null;
};

/** SCORING §7 price competition: line items, else `discount_percent`, else unknown. */
export const discountOf = (items: readonly Bag[], deal: Bag): number | null => {
  if (items.length === 0) return num(deal['discount_percent']);
  let gross = 0;
  let net = 0;
  for (const i of items) {
    const [price, quantity, amount] = [num(i['price']), num(i['quantity']), num(i['amount'])];
    if (price === null || quantity === null || amount === null) return null;
    gross += price * quantity;
    net += amount;
  }
  return gross > 0 ? Math.round(((gross - net) / gross) * 10_000) / 100 : null;
};
