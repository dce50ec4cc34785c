// Hand-made inline SVG charts for the HTML report: no script, no external resource.
// Every text that reaches the markup goes through `escapeHtml`.

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const LABEL_WIDTH = 190;
const BAR_HEIGHT = 18;
const ROW_HEIGHT = 28;
const LABEL_CHARS = 26;

/** One bar made of parts (one part for a plain bar). */
export type BarPart = { value: number; color: string; title: string };
export type BarRow = { label: string; parts: readonly BarPart[]; text: string; flag?: boolean };

const shorten = (label: string): string =>
  label.length <= LABEL_CHARS ? label : `${label.slice(0, LABEL_CHARS - 1)}…`;

const n = (x: number): string => (Math.round(x * 10) / 10).toString();

const svgOpen = (width: number, height: number, title: string): string =>
  `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>`;

/**
 * Horizontal bars, one row each: label, bar (stacked parts), and a value text after it. `marker`
 * draws a dashed line at a value (a cap), labelled.
 */
export const barChart = (input: {
  title: string;
  rows: readonly BarRow[];
  width?: number;
  /** Room for the value texts, right of the bars (about 7 px per character). */
  valueWidth?: number;
  max?: number;
  marker?: { value: number; label: string };
}): string => {
  const width = input.width ?? 720;
  const plot = width - LABEL_WIDTH - (input.valueWidth ?? 170);
  const total = (row: BarRow) => row.parts.reduce((s, p) => s + Math.max(0, p.value), 0);
  const max = Math.max(input.max ?? 0, input.marker?.value ?? 0, ...input.rows.map(total), 1e-9);
  const top = input.marker === undefined ? 4 : 20;
  const height = top + input.rows.length * ROW_HEIGHT + 4;
  const scale = (v: number) => (Math.max(0, v) / max) * plot;
  const rows = input.rows.map((row, i) => {
    const y = top + i * ROW_HEIGHT;
    let x = LABEL_WIDTH;
    const bars = row.parts.map((p) => {
      const w = scale(p.value);
      const rect = `<rect x="${n(x)}" y="${y + 4}" width="${n(w)}" height="${BAR_HEIGHT}" rx="2" fill="${p.color}"><title>${escapeHtml(p.title)}</title></rect>`;
      x += w;
      return rect;
    });
    const cls = row.flag === true ? 'label flag' : 'label';
    return [
      `<text class="${cls}" x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(shorten(row.label))}<title>${escapeHtml(row.label)}</title></text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${n(plot)}" height="${BAR_HEIGHT}" rx="2" class="track"/>`,
      ...bars,
      `<text class="value" x="${n(LABEL_WIDTH + plot + 8)}" y="${y + 17}">${escapeHtml(row.text)}</text>`,
    ].join('');
  });
  const marker =
    input.marker === undefined
      ? ''
      : `<line class="cap" x1="${n(LABEL_WIDTH + scale(input.marker.value))}" y1="14" x2="${n(LABEL_WIDTH + scale(input.marker.value))}" y2="${height}"/><text class="cap-label" x="${n(LABEL_WIDTH + scale(input.marker.value))}" y="11" text-anchor="middle">${escapeHtml(input.marker.label)}</text>`;
  return `${svgOpen(width, height, input.title)}${rows.join('')}${marker}</svg>`;
};

/** A legend of colored squares. */
export const legend = (items: readonly { color: string; label: string }[]): string =>
  `<p class="legend">${items
    .map(
      (i) =>
        `<span><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${i.color}"/></svg> ${escapeHtml(i.label)}</span>`,
    )
    .join('')}</p>`;
