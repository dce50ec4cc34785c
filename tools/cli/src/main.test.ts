import { describe, expect, it } from 'vitest';

import { buildProgram } from './main.ts';

/** What `strategy-fit --help` prints. */
async function help(): Promise<string> {
  let out = '';
  const program = buildProgram()
    .exitOverride()
    .configureOutput({ writeOut: (text) => (out += text), writeErr: (text) => (out += text) });
  await program.parseAsync(['node', 'strategy-fit', '--help']).catch(() => undefined);
  return out;
}

describe('strategy-fit --help', () => {
  it('names the installed app’s access token (its Auth tab) as HUBSPOT_ACCESS_TOKEN, never a legacy private app', async () => {
    const text = await help();
    expect(text).toContain(
      'HUBSPOT_ACCESS_TOKEN   the access token of the Strategy Fit app installed',
    );
    expect(text).toContain("shown on the app's Auth tab in HubSpot");
    expect(text).not.toMatch(/private app/i);
  });
});
