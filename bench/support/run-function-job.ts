// Runs one bulk app function from a checkout as its page runs it: chunk after chunk, each with the
// last answer's cursor, waiting when an answer says HubSpot stopped it, until there is no cursor.
// The function's environment (PRIVATE_APP_ACCESS_TOKEN, HUBSPOT_API_BASE_URL) points at the
// bench's sandbox. Prints `{ chunks, seconds, ok }` as JSON. Used by requests.bench.ts for this
// checkout and for another one (the figures before a change).
// Usage: node run-function-job.ts <checkout root> <strategy_review|rescore_stale|strategy_simulate> [strategy.json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

const [root = '', job = '', strategyFile] = process.argv.slice(2);
const entry = join(root, 'src/app/functions/src/entries', `${job.replaceAll('_', '-')}.ts`);
const module: unknown = await import(pathToFileURL(entry).href);
const main = z.object({ main: z.function() }).parse(module).main as (
  c: unknown,
) => Promise<unknown>;
const strategy =
  strategyFile === undefined
    ? undefined
    : (JSON.parse(readFileSync(strategyFile, 'utf8')) as unknown);

const Answer = z.looseObject({
  ok: z.boolean(),
  value: z
    .looseObject({
      cursor: z.unknown().optional(),
      interrupted: z.looseObject({ retryAfterMs: z.number().optional() }).nullable().optional(),
    })
    .optional(),
  error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
});

const started = performance.now();
let cursor: unknown = null;
let chunks = 0;
let ok = true;
for (let stops = 0; chunks < 2_000 && stops < 20;) {
  // The contract carries no user (issue 10): the bulk functions are open to every page user.
  const parameters = {
    ...(strategy === undefined ? {} : { strategy }),
    ...(cursor === null || cursor === undefined ? {} : { cursor }),
  };
  const answer = Answer.parse(await main({ parameters, propertiesToSend: {}, secrets: {} }));
  chunks += 1;
  if (!answer.ok || answer.value === undefined) {
    process.stderr.write(`${job}: ${answer.error?.code}: ${answer.error?.message}\n`);
    ok = false;
    break;
  }
  const stopped = answer.value.interrupted;
  if (stopped !== null && stopped !== undefined) {
    stops += 1;
    await new Promise((r) => setTimeout(r, stopped.retryAfterMs ?? 1_000));
  }
  cursor = answer.value.cursor ?? null;
  if (cursor === null) break;
}
process.stdout.write(
  `${JSON.stringify({ chunks, seconds: (performance.now() - started) / 1000, ok })}\n`,
);
// A job that failed fails the bench (which then prints the reason above).
if (!ok) process.exitCode = 1;
