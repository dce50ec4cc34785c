// Progress of a bulk run: a cli-progress bar with rate and ETA on a terminal, plain periodic
// lines otherwise (CI logs, pipes). Everything goes to stderr so stdout keeps the results.
import cliProgress from 'cli-progress';

export type ProgressSnapshot = {
  /** Records read so far in this phase, including those of a resumed run. */
  done: number;
  /** Records written (a scoring run); absent for a read-only job, which shows no write counts. */
  changed?: number;
  failed?: number;
};

export type ProgressReporter = {
  /** Whether a phase's total is shown (a count search is worth its request). */
  readonly wantsTotal: boolean;
  /** A new phase: `total` records expected (null when unknown), `done` of them already. */
  start: (label: string, total: number | null, done: number) => void;
  update: (snapshot: ProgressSnapshot) => void;
  /** Ends the phase (the bar stays on screen; a plain final line is written). */
  stop: () => void;
};

export type ProgressOptions = {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Bar (true) or plain lines (false); default: whether the stream is a terminal. */
  tty?: boolean;
  /** Time between plain lines (default 5 s). */
  intervalMs?: number;
  clock?: () => number;
};

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const formatSeconds = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 90 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
};

export type PhaseState = {
  label: string;
  total: number | null;
  startDone: number;
  startMs: number;
  last: ProgressSnapshot;
};

/** The rate of this process (records of a resumed run before it do not count) and the ETA. */
const rateOf = (p: PhaseState, nowMs: number): { perSecond: number; etaSeconds: number } => {
  const seconds = (nowMs - p.startMs) / 1000;
  const perSecond = seconds > 0 ? (p.last.done - p.startDone) / seconds : 0;
  const left = p.total === null ? Number.NaN : Math.max(0, p.total - p.last.done);
  return { perSecond, etaSeconds: perSecond > 0 ? left / perSecond : Number.POSITIVE_INFINITY };
};

/** What a scoring run wrote so far; nothing for a read-only job (simulate, report, validate). */
const writes = (s: ProgressSnapshot): string =>
  s.changed === undefined
    ? ''
    : ` · changed ${number.format(s.changed)} · failed ${number.format(s.failed ?? 0)}`;

/**
 * One plain progress line, e.g. `companies: 1,200 of 5,000 (24 %) · 950/s · ETA 4 s · changed 80 ·
 * failed 0`; a read-only job's says what it read: `companies read: 1,200 · 950/s`.
 */
export const formatProgressLine = (p: PhaseState, nowMs: number, final: boolean): string => {
  const { perSecond, etaSeconds } = rateOf(p, nowMs);
  const { done } = p.last;
  const of =
    p.total === null || p.total === 0
      ? number.format(done)
      : `${number.format(done)} of ${number.format(p.total)} (${Math.floor((100 * done) / p.total)} %)`;
  const eta = final || p.total === null ? '' : ` · ETA ${formatSeconds(etaSeconds)}`;
  const elapsed = final ? ` in ${formatSeconds((nowMs - p.startMs) / 1000)}` : '';
  return `${p.label}: ${of}${elapsed} · ${number.format(perSecond)}/s${eta}${writes(p.last)}`;
};

const plainReporter = (options: ProgressOptions): ProgressReporter => {
  const clock = options.clock ?? Date.now;
  const intervalMs = options.intervalMs ?? 5000;
  let phase: PhaseState | null = null;
  let lastLineMs = 0;
  const write = (final: boolean): void => {
    if (phase !== null) options.stream.write(`${formatProgressLine(phase, clock(), final)}\n`);
  };
  return {
    wantsTotal: true,
    start: (label, total, done) => {
      const nowMs = clock();
      phase = {
        label,
        total,
        startDone: done,
        startMs: nowMs,
        last: { done },
      };
      lastLineMs = nowMs;
    },
    update: (snapshot) => {
      if (phase === null) return;
      phase.last = snapshot;
      const nowMs = clock();
      if (nowMs - lastLineMs >= intervalMs) {
        lastLineMs = nowMs;
        write(false);
      }
    },
    stop: () => {
      write(true);
      phase = null;
    },
  };
};

const barReporter = (options: ProgressOptions): ProgressReporter => {
  const clock = options.clock ?? Date.now;
  let bar: cliProgress.SingleBar | null = null;
  let phase: PhaseState | null = null;
  const payload = (p: PhaseState) => ({
    label: p.label.padEnd(9),
    rate: number.format(rateOf(p, clock()).perSecond),
    writes: writes(p.last).replaceAll(' · ', ' | '),
  });
  return {
    wantsTotal: true,
    start: (label, total, done) => {
      phase = {
        label,
        total,
        startDone: done,
        startMs: clock(),
        last: { done },
      };
      bar = new cliProgress.SingleBar(
        {
          stream: options.stream,
          format:
            total === null
              ? '{label} {value} records | {rate}/s{writes}'
              : '{label} |{bar}| {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}{writes}',
          barsize: 30,
          hideCursor: true,
          etaBuffer: 50,
          fps: 5,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total ?? 0, done, payload(phase));
    },
    update: (snapshot) => {
      if (phase === null || bar === null) return;
      phase.last = snapshot;
      if (phase.total !== null && snapshot.done > phase.total) bar.setTotal(snapshot.done);
      bar.update(snapshot.done, payload(phase));
    },
    stop: () => {
      if (phase !== null && bar !== null) {
        bar.update(phase.last.done, payload(phase));
        bar.stop();
      }
      bar = null;
      phase = null;
    },
  };
};

/** A bar on a terminal, plain lines elsewhere. */
export const createProgressReporter = (options: ProgressOptions): ProgressReporter =>
  (options.tty ?? options.stream.isTTY === true) ? barReporter(options) : plainReporter(options);

/** Reports nothing (library use, `--quiet`). */
export const silentProgress: ProgressReporter = {
  wantsTotal: false,
  start: () => undefined,
  update: () => undefined,
  stop: () => undefined,
};
