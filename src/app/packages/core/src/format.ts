/** Formats an integer with thousands separators, independent of the machine's locale: 65,536. */
export const formatInteger = (n: number): string => {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
};

/** Formats a JSON path the way people read it: `segments[2].criteria[0].values`, "" for the root. */
export const formatPath = (path: readonly PropertyKey[]): string => {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) {
      out += out === '' ? key : `.${key}`;
    } else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
};

/** Formats a number for people, independent of the locale: 50,000,000 or 12.5. */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
};
