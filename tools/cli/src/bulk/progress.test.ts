import { describe, expect, it } from 'vitest';

import { createProgressReporter } from './progress.ts';

const sink = () => {
  let text = '';
  const stream = {
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
};

describe('plain progress lines (not a terminal)', () => {
  it('writes a line per interval with rate and ETA, and a final line per phase', () => {
    let nowMs = 0;
    const out = sink();
    const progress = createProgressReporter({
      stream: out.stream,
      tty: false,
      intervalMs: 1000,
      clock: () => nowMs,
    });
    progress.start('companies', 5000, 0);
    nowMs = 500;
    progress.update({ done: 500, changed: 20, failed: 0 });
    nowMs = 1000;
    progress.update({ done: 1000, changed: 40, failed: 1 });
    nowMs = 2500;
    progress.update({ done: 5000, changed: 90, failed: 1 });
    progress.stop();
    expect(out.text()).toMatchInlineSnapshot(`
      "companies: 1,000 of 5,000 (20 %) · 1,000/s · ETA 4 s · changed 40 · failed 1
      companies: 5,000 of 5,000 (100 %) · 2,000/s · ETA 0 s · changed 90 · failed 1
      companies: 5,000 of 5,000 (100 %) in 3 s · 2,000/s · changed 90 · failed 1
      "
    `);
  });

  it('counts only this process for the rate of a resumed phase, and copes without a total', () => {
    let nowMs = 0;
    const out = sink();
    const progress = createProgressReporter({ stream: out.stream, tty: false, clock: () => nowMs });
    progress.start('deals', null, 3000);
    nowMs = 2000;
    progress.update({ done: 4000, changed: 0, failed: 0 });
    progress.stop();
    expect(out.text()).toBe('deals: 4,000 in 2 s · 500/s · changed 0 · failed 0\n');
  });
});

describe('a read-only job’s progress (simulate, report, validate --portal)', () => {
  it('says what it read and shows no changed / failed counts', () => {
    let nowMs = 0;
    const out = sink();
    const progress = createProgressReporter({ stream: out.stream, tty: false, clock: () => nowMs });
    progress.start('open deals read', null, 0);
    nowMs = 2000;
    progress.update({ done: 1200 });
    progress.stop();
    expect(out.text()).toBe('open deals read: 1,200 in 2 s · 600/s\n');
    expect(out.text()).not.toMatch(/changed|failed/);
  });
});
