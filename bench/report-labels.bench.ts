// Every text of the HTML report whole in a real browser (issue 12: "0 approved" was cut off at the
// right end of its bar). Renders the report of a seeded demo portal (`strategy-fit demo`, the
// report `npm start` writes) and of a review with long names and large numbers, opens each in
// headless Chromium at three widths, and checks that no SVG text runs past its chart's box, no
// table cell or section overflows, and the page does not scroll sideways. Writes a screenshot of
// each (.bench-out/report-*.png). Needs Debian's chromium (`apt-get install -y chromium`); not
// part of `npm test`, which checks the same layout rule with the estimated widths
// (tools/cli/src/report/html-layout.test.ts).
//
// Usage: npm run bench -- report-labels   (CHROMIUM=/path/to/chromium to use another browser)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { renderReportHtml } from '../tools/cli/src/report/index.ts';
import { longNamesReview } from '../tools/cli/src/report/long-names-fixture.test-support.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, '.bench-out');
const EXECUTABLE = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
const WIDTHS = [1280, 1024, 800];

if (!existsSync(EXECUTABLE)) {
  console.log(`report-labels: no browser at ${EXECUTABLE} (apt-get install -y chromium); skipped`);
  process.exit(0);
}

/** The report `npm start` writes, from a smaller demo portal (same seed data, same renderer). */
const demoReport = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-labels-'));
  try {
    const out = join(dir, 'report.html');
    const run = spawnSync(
      'npx',
      [
        'strategy-fit',
        'demo',
        '--companies',
        '600',
        '--deals',
        '900',
        '--no-rate-limit',
        '--no-progress',
        '--out',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`demo failed: ${run.stderr}`);
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

type Problem = { what: string; text: string; overBy: number };

/**
 * In the page (a script, as the browser runs it; the bench is typed without the DOM): every SVG
 * text inside its chart's box, no cell, card or section wider than its box, no sideways scroll.
 */
const FIND_PROBLEMS = `(() => {
  const problems = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      const overBy = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
      if (overBy > 0.5) problems.push({ what: 'svg text', text: text.textContent ?? '', overBy });
    }
  }
  for (const el of document.querySelectorAll('section, td, th, .card, .alert, .note')) {
    const overBy = el.scrollWidth - el.clientWidth;
    if (overBy > 0) problems.push({ what: el.tagName.toLowerCase(), text: (el.textContent ?? '').slice(0, 60), overBy });
  }
  const page = document.documentElement.scrollWidth - window.innerWidth;
  if (page > 0) problems.push({ what: 'page scrolls sideways', text: '', overBy: page });
  return problems;
})()`;

const reports: Record<string, string> = {
  demo: demoReport(),
  'long-names': renderReportHtml(longNamesReview(), {
    strategyName: 'A strategy with a rather long name, as managers write them',
  }),
};

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: EXECUTABLE,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let failures = 0;
try {
  for (const [name, html] of Object.entries(reports)) {
    const file = join(OUT, `report-${name}.html`);
    writeFileSync(file, html);
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      // No request leaves the page: the report is self-contained.
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${file}`);
      const problems = (await page.evaluate(FIND_PROBLEMS)) as Problem[];
      const texts = (await page.evaluate(
        "document.querySelectorAll('svg.chart text').length",
      )) as number;
      const shot = join(OUT, `report-${name}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      await page.close();
      const bad = problems.length + requests.length;
      failures += bad;
      console.log(
        `${name} at ${width} px: ${texts} chart texts, ${problems.length} overflowing, ${requests.length} external requests → ${bad === 0 ? 'ok' : 'FAIL'} (${shot})`,
      );
      for (const p of problems.slice(0, 10))
        console.log(`  ${p.what} over by ${p.overBy.toFixed(1)} px: ${p.text}`);
      for (const r of requests.slice(0, 5)) console.log(`  request: ${r}`);
    }
  }
} finally {
  await browser.close();
}
process.exit(failures === 0 ? 0 : 1);
