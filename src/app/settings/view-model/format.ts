// Instants for people, the same on every machine (no locale); numbers are the core's.

/** An ISO instant as "2026-11-27 10:03 UTC"; anything else as it is. */
export const formatInstant = (iso: string): string => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m === null ? iso : `${m[1]} ${m[2]} UTC`;
};
