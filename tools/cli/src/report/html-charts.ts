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

/** Room for the labels left of the bars: at least this, more for longer labels up to the most. */
const LABEL_WIDTH = 190;
const LABEL_WIDTH_MOST = 320;
/** A wrapped label's line height. */
const LINE_HEIGHT = 16;
const BAR_HEIGHT = 18;
const ROW_HEIGHT = 28;
/** The charts' font size in px (the CSS's `.chart{font-size:13px}`). */
const FONT_PX = 13;
const GAP = 8;

/**
 * A generous estimate of how wide `text` is drawn at `px` in the system sans-serif (advance widths
 * in em, rounded up, of Arial / DejaVu Sans / Roboto, whichever is widest): the charts size their
 * room for labels and values with it, so no text runs past its chart's edge (issue 12: "0
 * approved" was cut off). Checked in headless Chromium by `npm run bench -- report-labels`.
 */
export const textWidth = (text: string, px = FONT_PX): number => {
  let em = 0;
  for (const ch of text) {
    if (/[iljI.,:;'|!() ]/.test(ch)) em += 0.36;
    else if (/[mwMW@%]/.test(ch)) em += 1;
    else if (/[A-Z]/.test(ch)) em += 0.75;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[a-z]/.test(ch)) em += 0.62;
    else em += 1;
  }
  return Math.ceil(em * px);
};

/** One bar made of parts (one part for a plain bar). */
export type BarPart = { value: number; color: string; title: string };
export type BarRow = { label: string; parts: readonly BarPart[]; text: string; flag?: boolean };

/**
 * The label in lines of at most `room` px (by `textWidth`), broken between words, a word wider
 * than the room broken inside: a chart shows every label whole.
 */
export const wrapLabel = (label: string, room: number): string[] => {
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    let rest = word;
    while (textWidth(rest) > room && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut)) > room) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    return rest;
  };
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (textWidth(joined) <= room) line = joined;
    else {
      if (line !== '') lines.push(line);
      line = push(word);
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
};

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
  /** Least room for the value texts, right of the bars; it grows to fit the longest text. */
  valueWidth?: number;
  max?: number;
  marker?: { value: number; label: string };
}): string => {
  const longest = Math.max(0, ...input.rows.map((row) => textWidth(row.text)));
  const valueRoom = Math.max(input.valueWidth ?? 170, longest + 2 * GAP);
  const longestLabel = Math.max(0, ...input.rows.map((row) => textWidth(row.label)));
  const labelRoom = Math.min(Math.max(LABEL_WIDTH, longestLabel + 2 * GAP), LABEL_WIDTH_MOST);
  // The plot keeps at least 200 px; a long value text widens the chart (the SVG scales to fit).
  const width = Math.max(input.width ?? 720, labelRoom + 200 + valueRoom);
  const plot = width - labelRoom - valueRoom;
  const total = (row: BarRow) => row.parts.reduce((s, p) => s + Math.max(0, p.value), 0);
  const max = Math.max(input.max ?? 0, input.marker?.value ?? 0, ...input.rows.map(total), 1e-9);
  const top = input.marker === undefined ? 4 : 22;
  const lines = input.rows.map((row) => wrapLabel(row.label, labelRoom - 2 * GAP));
  const heights = lines.map((l) => Math.max(ROW_HEIGHT, (l.length - 1) * LINE_HEIGHT + ROW_HEIGHT));
  const height = top + heights.reduce((a, b) => a + b, 0) + 4;
  const scale = (v: number) => (Math.max(0, v) / max) * plot;
  let y = top;
  const rows = input.rows.map((row, i) => {
    const rowY = y;
    y += heights[i] ?? ROW_HEIGHT;
    let x = labelRoom;
    const bars = row.parts.map((p) => {
      const w = scale(p.value);
      const rect = `<rect x="${n(x)}" y="${rowY + 4}" width="${n(w)}" height="${BAR_HEIGHT}" rx="2" fill="${p.color}"><title>${escapeHtml(p.title)}</title></rect>`;
      x += w;
      return rect;
    });
    const cls = row.flag === true ? 'label flag' : 'label';
    const label = (lines[i] ?? [])
      .map(
        (line, j) =>
          `<tspan x="${labelRoom - GAP}" y="${rowY + 17 + j * LINE_HEIGHT}">${escapeHtml(line)}</tspan>`,
      )
      .join('');
    return [
      `<text class="${cls}" text-anchor="end">${label}<title>${escapeHtml(row.label)}</title></text>`,
      `<rect x="${labelRoom}" y="${rowY + 4}" width="${n(plot)}" height="${BAR_HEIGHT}" rx="2" class="track"/>`,
      ...bars,
      `<text class="value" x="${n(labelRoom + plot + GAP)}" y="${rowY + 17}">${escapeHtml(row.text)}</text>`,
    ].join('');
  });
  const marker =
    input.marker === undefined
      ? ''
      : markerLine(input.marker, labelRoom + scale(input.marker.value), width, height);
  return `${svgOpen(width, height, input.title)}${rows.join('')}${marker}</svg>`;
};

/** A dashed line at `x` with its label above, kept inside the chart (12 px font). */
const markerLine = (
  marker: { label: string },
  x: number,
  width: number,
  height: number,
): string => {
  const half = textWidth(marker.label, 12) / 2;
  const labelX = Math.min(Math.max(x, half + 2), width - half - 2);
  return `<line class="cap" x1="${n(x)}" y1="16" x2="${n(x)}" y2="${height}"/><text class="cap-label" x="${n(labelX)}" y="13" text-anchor="middle">${escapeHtml(marker.label)}</text>`;
};

/** A legend of colored squares. */
export const legend = (items: readonly { color: string; label: string }[]): string =>
  `<p class="legend">${items
    .map(
      (i) =>
        `<span><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="${i.color}"/></svg> ${escapeHtml(i.label)}</span>`,
    )
    .join('')}</p>`;
