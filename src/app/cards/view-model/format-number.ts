/** A number for reps, independent of the locale: 50,000 or 12.5 (at most 2 decimals). */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) return String(n);
  const [whole = '', fraction] = String(Math.round(Math.abs(n) * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
};
