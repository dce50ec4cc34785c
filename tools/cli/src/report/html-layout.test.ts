// Every text of the HTML report's charts is drawn inside its chart (issue 12: "0 approved" was
// cut off at the right end of its bar), by the widths the charts size their room with; and those
// widths are at least what headless Chromium draws (bench/report-labels.bench.ts checks the whole
// report in the browser, outside `npm test`).
import { describe, expect, it } from 'vitest';

import { barChart, textWidth, wrapLabel } from './html-charts.ts';
import { longNamesReview } from './long-names-fixture.test-support.ts';
import { renderReportHtml } from './render-report-html.ts';
import { fixedReview } from './report-fixture.test-support.ts';

const unescape = (s: string): string =>
  s
    .replace(/<title>.*?<\/title>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

type Overflow = { chart: string; text: string; left: number; right: number; width: number };

/** Each text of each chart whose estimated box leaves the chart's viewBox. */
const overflows = (html: string): Overflow[] =>
  [
    ...html.matchAll(
      /<svg class="chart" viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*aria-label="([^"]*)">(.*?)<\/svg>/g,
    ),
  ].flatMap(([, w, h, chart = '', body = '']) => {
    const width = Number(w);
    const height = Number(h);
    const boxes = [
      // Values and marker labels: one line each.
      ...[
        ...body.matchAll(
          /<text class="(value|cap-label)" x="([\d.-]+)" y="([\d.-]+)"( text-anchor="middle")?>(.*?)<\/text>/g,
        ),
      ].map(([, cls, x, y, middle, text = '']) => {
        const t = unescape(text);
        const tw = textWidth(t, cls === 'cap-label' ? 12 : 13);
        const left = middle === undefined ? Number(x) : Number(x) - tw / 2;
        return { text: t, left, right: left + tw, top: Number(y) - 12 };
      }),
      // Labels: lines anchored at their end.
      ...[...body.matchAll(/<tspan x="([\d.-]+)" y="([\d.-]+)">(.*?)<\/tspan>/g)].map(
        ([, x, y, text = '']) => {
          const t = unescape(text);
          return { text: t, left: Number(x) - textWidth(t), right: Number(x), top: Number(y) - 12 };
        },
      ),
    ];
    expect(boxes.length).toBeGreaterThan(0);
    return boxes
      .filter((b) => b.left < 0 || b.right > width || b.top < 0 || b.top + 16 > height)
      .map((b) => ({ chart, text: b.text, left: b.left, right: b.right, width }));
  });

describe('the HTML report’s charts keep every text whole', () => {
  it('the fixed review and one with long names and amounts in the hundreds of millions: no text leaves its chart', () => {
    for (const review of [fixedReview(), longNamesReview()]) {
      const html = renderReportHtml(review, { strategyName: review.strategyName });
      expect(overflows(html)).toEqual([]);
      // Nothing is shortened: every label is drawn whole (wrapped onto lines where long).
      expect(html).not.toMatch(/<tspan[^>]*>[^<]*…<\/tspan>/);
    }
  });

  it('the right end of a bar with a long value text: the chart grows to hold it (the “0 approved” case)', () => {
    const text = '965.8M unapproved (4) · 869.8M approved (4)';
    const svg = barChart({
      title: 'Off-strategy pipeline by owner',
      rows: [
        {
          label: 'Maximiliane Wolkenstein-Oberhausen',
          parts: [{ value: 1, color: '#000', title: '' }],
          text,
        },
      ],
      width: 520,
      valueWidth: 110,
    });
    expect(overflows(svg)).toEqual([]);
    const width = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)?.[1]);
    expect(width).toBeGreaterThan(520);
  });

  it('a label longer than its room wraps between words; a word longer than the room breaks inside', () => {
    expect(
      wrapLabel('Builds machines or automation lines for other manufacturers', 150).length,
    ).toBeGreaterThan(1);
    for (const line of wrapLabel('“INFORMATION_TECHNOLOGY_AND_SERVICES_AND_MORE”', 120)) {
      expect(textWidth(line)).toBeLessThanOrEqual(120);
    }
    expect(wrapLabel('Bo', 100)).toEqual(['Bo']);
  });

  it('the estimate is at least what headless Chromium draws at 13 px (Debian 12, DejaVu Sans, the widest default sans)', () => {
    // Measured 2026-12-07 with bench's browser (Chromium 156, font 13px system-ui → DejaVu Sans).
    const measured: [string, number][] = [
      ['254.7k unapproved (4) · 0 approved (0)', 258.1],
      ['Maximiliane Wolkenstein-Oberhausen', 245.1],
      ['MMMMMMMMMM', 112.2],
      ['WWW@@@%%%mmm', 152.6],
      ['1,234,567,890', 95.1],
      ['Other (not in the strategy)', 172.3],
      ['“INFORMATION_TECHNOLOGY_AND_SERVICES”', 305.1],
      ['Anna-Katharina Müller-Lüdenscheidt', 235.6],
      ['iiiilllll....', 49.0],
    ];
    for (const [text, px] of measured) expect([text, textWidth(text) >= px]).toEqual([text, true]);
  });
});
