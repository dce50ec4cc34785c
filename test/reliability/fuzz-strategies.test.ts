// Fuzzed strategies (fast-check: arbitrary JSON, and mutations of the valid examples) never crash
// validation or publishing: the answer is a strategy, or a list of errors each with a code, a
// message and a JSON path into the input; publishing refuses them and the version published
// before stays current. Through parseStrategy, the CLI's `strategy publish` (in-process for many
// cases, then the real process for a few) and the adapter's publishStrategy.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  checkStrategyProperties,
  parseStrategy,
  StrategyPublishResponse,
  StrategySchema,
  StrategyValidateResponse,
} from '@strategy-fit/core';
import type { Strategy, StrategyFitError } from '@strategy-fit/core';
import {
  publishStrategy,
  readPropertyDefinitions,
  readPublishedStrategy,
} from '@strategy-fit/hubspot';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { main as strategyPublish } from '../../src/app/functions/src/entries/strategy-publish.ts';
import { main as strategyValidate } from '../../src/app/functions/src/entries/strategy-validate.ts';
import { useFunctionEnv } from '../support/functions/hubspot-env.ts';
import { hubspotContext } from '../support/functions/test-portal.ts';
import { publishFile } from '../../tools/cli/src/commands/strategy.ts';
import { runCli } from '../e2e/support/cli.ts';
import { EXAMPLE_STRATEGY, loadStrategy } from '../e2e/support/sandbox.ts';
import { preparedPortal, scratchDir } from './support/portals.ts';
import type { ReliabilityPortal } from './support/portals.ts';
import { anyStrategyInput, mutatedStrategy, pointsInto } from './support/strategy-fuzz.ts';

const scratch = scratchDir('fuzz');
let portal: ReliabilityPortal;

beforeAll(async () => {
  portal = await preparedPortal({ seed: 71, companies: 10, deals: 10 });
});
afterAll(async () => {
  await portal.sandbox.close();
  scratch.cleanup();
});

const currentVersion = async (): Promise<number | null> => {
  const current = await readPublishedStrategy(portal.hs);
  if (!current.ok) throw new Error(current.error.message);
  return current.value?.version ?? null;
};

/** `error [code] path: message` lines of the CLI (output.ts's format). */
const ERROR_LINE = /^error \[([a-z_]+)\] (?:(.+?): )?(.+)$/;

describe('parseStrategy on fuzzed input', () => {
  it('never throws; every refusal lists issues with a code, a message and a JSON path into the input', () => {
    fc.assert(
      fc.property(fc.oneof(anyStrategyInput, fc.anything()), (input) => {
        const parsed = parseStrategy(input);
        if (parsed.ok) {
          expect(StrategySchema.safeParse(parsed.value).success).toBe(true);
          return;
        }
        expect(parsed.error.length).toBeGreaterThan(0);
        for (const issue of parsed.error) {
          expect(issue.code).toMatch(/^[a-z_]+$/);
          expect(issue.message.trim()).not.toBe('');
          expect(pointsInto(input, issue.path), `${issue.code} at "${issue.path}"`).toBe(true);
        }
      }),
      { seed: 20261102, numRuns: 1500 },
    );
  });

  it('the same for JSON text, including text that is not JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mutatedStrategy.map((s) => JSON.stringify(s)),
          mutatedStrategy.map((s) => JSON.stringify(s).slice(0, -3)),
          fc.string(),
        ),
        (text) => {
          const parsed = parseStrategy(text);
          if (!parsed.ok) for (const issue of parsed.error) expect(issue.message).not.toBe('');
        },
      ),
      { seed: 20261103, numRuns: 500 },
    );
  });
});

describe('strategy-fit strategy publish on fuzzed files', () => {
  it('never crashes: it publishes a valid strategy, or lists errors with paths and keeps the current version', async () => {
    let refused = 0;
    let published = 0;
    await fc.assert(
      fc.asyncProperty(anyStrategyInput, async (input) => {
        const file = join(scratch.dir, 'fuzzed.json');
        writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
        const before = await currentVersion();
        const out: string[] = [];
        const err: string[] = [];
        const code = await publishFile(
          portal.hs,
          { file, json: false, nowMs: Date.now() },
          { out: (t) => out.push(t), err: (t) => err.push(t) },
        );
        const after = await currentVersion();
        const parsed = parseStrategy(typeof input === 'string' ? input : JSON.stringify(input));
        if (code === 0) {
          published += 1;
          // Only a strategy valid against the schema and the portal is published; one equal to
          // the current version makes none (SCORING §14: nothing to publish).
          expect(parsed.ok).toBe(true);
          const unchanged = out.join('').startsWith('Nothing to publish');
          expect(after).toBe(unchanged ? before : (before ?? 0) + 1);
          return;
        }
        refused += 1;
        // One exit code for a strategy that is not valid (docs/cli.md).
        expect(code).toBe(3);
        expect(after).toBe(before);
        const lines = err.join('').trim().split('\n');
        const errors = lines.filter((l) => l.startsWith('error ['));
        expect(errors.length, err.join('')).toBeGreaterThan(0);
        for (const line of errors) expect(line).toMatch(ERROR_LINE);
        expect(lines.at(-1)).toMatch(/Nothing was published\.$/);
        if (!parsed.ok) {
          // Every schema issue is listed, with its path (the portal's problems with them).
          expect(errors.length).toBeGreaterThanOrEqual(parsed.error.length);
          for (const issue of parsed.error.filter((i) => i.path !== '')) {
            expect(err.join('')).toContain(issue.path);
          }
        }
      }),
      { seed: 20261104, numRuns: 120 },
    );
    expect(refused).toBeGreaterThan(60);
    expect(published + refused).toBe(120);
  });

  it('the real process (a few seeded cases): exit 3, the errors with their paths, nothing published', async () => {
    const samples = fc.sample(
      mutatedStrategy.filter((s) => !parseStrategy(s).ok),
      { seed: 20261105, numRuns: 3 },
    );
    for (const [i, sample] of samples.entries()) {
      const file = join(scratch.dir, `process-${i}.json`);
      writeFileSync(file, JSON.stringify(sample));
      const before = await currentVersion();
      const run = await runCli(['strategy', 'publish', file], portal);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stdout).toBe('');
      const parsed = parseStrategy(sample);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        for (const issue of parsed.error) {
          expect(run.stderr).toContain(
            `error [${issue.code === 'strategy_too_large' ? 'strategy_too_large' : 'strategy_invalid'}] ${issue.path === '' ? '' : `${issue.path}: `}`,
          );
        }
      }
      expect(await currentVersion()).toBe(before);
    }
  });
});

describe('publishStrategy (the adapter) on schema-valid strategies the portal cannot serve', () => {
  /**
   * A criterion's property renamed or a deal property (SCORING §14: a segment reads the company),
   * or an enumeration value no option has: valid against the schema, wrong for the portal.
   */
  const portalBreaking = fc
    .record({
      segment: fc.nat(),
      criterion: fc.nat(),
      kind: fc.constantFrom('unknownProperty', 'unknownOption', 'wrongObject'),
      name: fc.stringMatching(/^[a-z][a-z0-9_]{2,30}$/),
    })
    .map(({ segment, criterion, kind, name }) => {
      const strategy: Strategy = structuredClone(loadStrategy(EXAMPLE_STRATEGY));
      const s = strategy.segments[segment % strategy.segments.length];
      const c = s?.criteria[criterion % s.criteria.length];
      if (c === undefined) throw new Error('no criterion');
      if (kind === 'unknownProperty') c.property = `zz_${name}`;
      else if (kind === 'wrongObject') {
        c.property = 'amount';
        c.operator = 'HAS_PROPERTY';
        delete c.value;
        delete c.values;
        delete c.highValue;
      } else {
        c.property = 'industry';
        c.operator = 'IN';
        c.values = [`NOT_AN_INDUSTRY_${name.toUpperCase()}`];
        delete c.value;
        delete c.highValue;
      }
      return strategy;
    });

  it('refuses each with strategy_property_* naming the path and property; the current version stays', async () => {
    const definitions = {
      company: await readPropertyDefinitions(portal.hs, 'companies'),
      deal: await readPropertyDefinitions(portal.hs, 'deals'),
    };
    if (!definitions.company.ok || !definitions.deal.ok) throw new Error('no definitions');
    const defs = { company: definitions.company.value, deal: definitions.deal.value };
    await fc.assert(
      fc.asyncProperty(portalBreaking, async (strategy) => {
        // Still valid against the schema: only the portal check can refuse it.
        expect(parseStrategy(strategy).ok).toBe(true);
        const issues = checkStrategyProperties(strategy, defs);
        const before = await currentVersion();
        const published = await publishStrategy(portal.hs, strategy, {
          publishedBy: 'fuzz',
          nowMs: Date.now(),
        });
        expect(await currentVersion()).toBe(before);
        expect(published.ok).toBe(false);
        if (published.ok) return;
        const error: StrategyFitError = published.error;
        expect(error.code).toMatch(/^strategy_property_(unknown|unreadable)$/);
        expect(error.path).toMatch(/^segments\[\d+\]\.criteria\[\d+\]/);
        expect(issues.map((i) => i.path)).toContain(error.path);
      }),
      { seed: 20261106, numRuns: 40 },
    );
  });
});

describe('the strategy editor’s functions on fuzzed strategies', () => {
  let restoreEnv: () => void = () => undefined;
  beforeAll(async () => {
    restoreEnv = useFunctionEnv({
      PRIVATE_APP_ACCESS_TOKEN: portal.token,
      HUBSPOT_API_BASE_URL: portal.baseUrl,
    });
    // The example as the current version, so that publishes have a version to be based on
    // (unless it is current already: then there is nothing to publish, SCORING §14).
    const stored = await publishStrategy(portal.hs, loadStrategy(EXAMPLE_STRATEGY), {
      publishedBy: 'fuzz',
      nowMs: Date.now(),
    });
    if (!stored.ok && stored.error.code !== 'strategy_unchanged') {
      throw new Error(stored.error.message);
    }
  });
  afterAll(() => restoreEnv());

  /** An answer's issues: each with its source, code, message and a path into the input. */
  const expectIssues = (
    input: unknown,
    issues: readonly { code: string; path: string; message: string }[],
  ) => {
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.message.trim()).not.toBe('');
      expect(pointsInto(input, issue.path), `${issue.code} at "${issue.path}"`).toBe(true);
    }
  };

  it('strategy_validate and strategy_publish: never a crash; invalid strategies get every issue with its path, and the current version stays', async () => {
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(anyStrategyInput, async (strategy) => {
        const before = await currentVersion();
        const validated = StrategyValidateResponse.parse(
          await strategyValidate(hubspotContext({ strategy })),
        );
        const published = StrategyPublishResponse.parse(
          await strategyPublish(hubspotContext({ strategy, basedOnVersion: before ?? 1 })),
        );
        const after = await currentVersion();
        if (!validated.ok || !published.ok) {
          // Only a strategy too large for the parameters may be refused as input; one equal to
          // the current version is nothing to publish (SCORING §14).
          for (const answer of [validated, published]) {
            if (!answer.ok)
              expect(['invalid_input', 'strategy_unchanged']).toContain(answer.error.code);
          }
          expect(after).toBe(before);
          return;
        }
        if (published.value.outcome === 'awaiting_approval') {
          // A valid strategy is only prepared: a manager approves it in HubSpot before it counts.
          expect(validated.value.valid).toBe(true);
          expect(parseStrategy(strategy).ok).toBe(true);
          expect(after).toBe(before);
          return;
        }
        invalid += 1;
        expect(published.value.outcome).toBe('invalid');
        expect(after).toBe(before);
        if (published.value.outcome !== 'invalid') return;
        expectIssues(strategy, published.value.issues);
        // Publishing adds one rule to validation: a version names at least one manager
        // (SCORING §14), so that someone can approve the next one.
        const unmanaged = published.value.issues.filter((i) => i.path === 'managers');
        const rest = published.value.issues.filter((i) => i.path !== 'managers');
        expect(unmanaged.every((i) => i.code === 'required')).toBe(true);
        expect(rest).toEqual(validated.value.issues.filter((i) => i.path !== 'managers'));
        if (unmanaged.length === 0) {
          expect(validated.value.valid).toBe(false);
          expectIssues(strategy, validated.value.issues);
        }
      }),
      { seed: 20261108, numRuns: 80 },
    );
    expect(invalid).toBeGreaterThan(40);
  });
});
