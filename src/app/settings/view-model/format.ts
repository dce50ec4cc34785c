// Numbers and instants for people, the same on every machine (no locale).

/** 1234567.5 → "1,234,567.5"; amounts keep at most 2 decimals. */
export const formatAmount = (n: number): string => {
  const rounded = Math.round(n * 100) / 100;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction.padEnd(2, '0')}`}`;
};

/** An ISO instant as "2026-11-27 10:03 UTC"; anything else as it is. */
export const formatInstant = (iso: string): string => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m === null ? iso : `${m[1]} ${m[2]} UTC`;
};

/** "1 company", "2 companies". */
export const count = (n: number, one: string, many: string): string =>
  `${formatAmount(n)} ${n === 1 ? one : many}`;
