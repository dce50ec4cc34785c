// The benches' memory figure: the peak RSS of a child process (VmHWM in /proc), sampled while it
// runs.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Peak RSS of a process in bytes (VmHWM); null off Linux or once it has exited. */
export function readPeakRss(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

/**
 * Waits for `child` to end (its output read to the end), sampling its peak RSS every `everyMs`;
 * its exit code and the highest peak seen (null off Linux).
 */
export async function untilEnd(
  child: ChildProcess,
  everyMs: number,
): Promise<{ code: number | null; peakRssBytes: number | null }> {
  let peak: number | null = null;
  const timer = setInterval(() => {
    const now = child.pid === undefined ? null : readPeakRss(child.pid);
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, everyMs);
  const code = await new Promise<number | null>((done) => child.once('close', done));
  clearInterval(timer);
  return { code, peakRssBytes: peak };
}
