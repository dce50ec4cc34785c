// Fault injection, deterministic from the plan's seed: the n-th matching request after the plan
// was set always gets the same fault (schedule first, then one dice roll against the rates).
import { Random } from '../random.ts';
import {
  FaultPlanSchema,
  type FaultKind,
  type FaultPlan,
  type ResolvedFaultPlan,
} from '../schema.ts';

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'rateLimit' }
  | { kind: 'serverError'; status: 500 | 502 | 503 }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop' }
  | { kind: 'partialBatch'; pick: (size: number) => Set<number> };

const ORDER: readonly FaultKind[] = ['drop', 'serverError', 'rateLimit', 'slow', 'partialBatch'];

export class FaultInjector {
  private plan: ResolvedFaultPlan | undefined;
  private dice = new Random(1);
  private requests = 0;

  constructor(plan?: FaultPlan) {
    this.set(plan);
  }

  /** Replaces the plan (or switches faults off) and restarts the request count. */
  set(plan: FaultPlan | undefined): void {
    this.plan = plan === undefined ? undefined : FaultPlanSchema.parse(plan);
    this.dice = new Random(this.plan?.seed ?? 1);
    this.requests = 0;
  }

  get active(): boolean {
    return this.plan !== undefined;
  }

  /** The fault for the next request (one decision per request, in arrival order). */
  decide(path: string, method = 'GET'): FaultDecision {
    const plan = this.plan;
    if (plan === undefined) return { kind: 'none' };
    if (plan.paths.length > 0 && !plan.paths.some((prefix) => path.startsWith(prefix))) {
      return { kind: 'none' };
    }
    if (plan.methods.length > 0 && !plan.methods.some((m) => m === method.toUpperCase())) {
      return { kind: 'none' };
    }
    this.requests += 1;
    const roll = this.dice.next();
    const scheduled = plan.schedule.find(
      (entry) => this.requests >= entry.request && this.requests < entry.request + entry.count,
    );
    const kind = scheduled?.fault ?? this.byRate(plan, roll);
    return kind === undefined ? { kind: 'none' } : this.realise(plan, kind);
  }

  private byRate(plan: ResolvedFaultPlan, roll: number): FaultKind | undefined {
    let threshold = 0;
    for (const kind of ORDER) {
      threshold += plan.rates[kind];
      if (roll < threshold) return kind;
    }
    return undefined;
  }

  private realise(plan: ResolvedFaultPlan, kind: FaultKind): FaultDecision {
    switch (kind) {
      case 'rateLimit':
        return { kind: 'rateLimit' };
      case 'serverError':
        return { kind: 'serverError', status: this.dice.pick(plan.serverErrorStatuses) };
      case 'slow':
        return { kind: 'slow', delayMs: plan.slowMs };
      case 'drop':
        return { kind: 'drop' };
      case 'partialBatch': {
        const seed = Math.floor(this.dice.next() * 2 ** 31);
        const share = plan.partialBatchShare;
        return { kind: 'partialBatch', pick: (size) => pickFailures(seed, share, size) };
      }
      default:
        kind satisfies never;
        return { kind: 'none' };
    }
  }
}

/** At least one, about `share` of `size` input positions, chosen by a seeded shuffle. */
function pickFailures(seed: number, share: number, size: number): Set<number> {
  if (size === 0) return new Set();
  const random = new Random(seed);
  const count = Math.max(1, Math.round(size * share));
  const positions = Array.from({ length: size }, (_, i) => i);
  for (let i = positions.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [positions[i], positions[j]] = [positions[j] ?? 0, positions[i] ?? 0];
  }
  return new Set(positions.slice(0, count));
}
