// The offers picker (SCORING §10): the portal's products by SKU, else by product id, and any offer
// of the draft the library does not have, marked so it can be removed. Pure.
import type { EditorProduct } from '@strategy-fit/core';

/** How an offer names a product: its SKU, else its id (what line items carry). */
export const offerValueOf = (product: EditorProduct): string => product.sku ?? product.id;

/** SCORING §10: offers match trimmed and case-insensitively. */
const sameOffer = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The picker's options: every product ("Name (SKU)", or "Name (product id …)" without a SKU),
 * keeping the draft's own spelling of an offer it matches, then the draft's offers that match no
 * product, marked "(not in the product library)".
 */
export const offerOptions = (
  products: readonly EditorProduct[],
  selected: readonly string[],
): { label: string; value: string }[] => {
  const fromLibrary = products.map((p) => {
    const value = offerValueOf(p);
    const spelled = selected.find((s) => sameOffer(s, value)) ?? value;
    return {
      label: p.sku === null ? `${p.name} (product id ${p.id})` : `${p.name} (${p.sku})`,
      value: spelled,
    };
  });
  const unknown = selected
    .filter((s) => !products.some((p) => sameOffer(s, offerValueOf(p))))
    .map((s) => ({ label: `${s} (not in the product library)`, value: s }));
  return [...fromLibrary, ...unknown];
};
