// The sandbox refuses every request without the token or with a wrong one (401, nothing read or
// written, the wrong token not echoed), and listens on loopback only: its socket is bound to
// 127.0.0.1 (read from /proc/net/tcp), and a connection to the machine's other addresses is refused.
// Both for the in-process sandbox (tests, the embedded backend) and the `strategy-fit sandbox` command.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BIN, REPO_ROOT } from '../e2e/support/cli.ts';
import { preparedPortal } from './support/portals.ts';
import type { ReliabilityPortal } from './support/portals.ts';

let portal: ReliabilityPortal;

beforeAll(async () => {
  portal = await preparedPortal({ seed: 91, companies: 5, deals: 5 });
});
afterAll(async () => {
  await portal.sandbox.close();
});

type Probe = { method: string; path: string; body?: unknown };

/** One request of each kind the adapter makes (HubSpot's 2026-09 paths): reads, searches, writes, definitions, schemas. */
const DATED_PROBES: Probe[] = [
  { method: 'GET', path: '/crm/objects/2026-09/companies?limit=10' },
  { method: 'GET', path: '/crm/objects/2026-09/companies/1001' },
  {
    method: 'PATCH',
    path: '/crm/objects/2026-09/companies/1001',
    body: { properties: { name: 'x' } },
  },
  {
    method: 'POST',
    path: '/crm/objects/2026-09/companies/batch/update',
    body: { inputs: [{ id: '1001', properties: { name: 'x' } }] },
  },
  {
    method: 'POST',
    path: '/crm/objects/2026-09/companies/batch/read',
    body: { inputs: [{ id: '1001' }] },
  },
  { method: 'POST', path: '/crm/objects/2026-09/deals/search', body: { filterGroups: [] } },
  {
    method: 'POST',
    path: '/crm/objects/2026-09/companies',
    body: { properties: { name: 'intruder' } },
  },
  { method: 'GET', path: '/crm/properties/2026-09/companies' },
  {
    method: 'POST',
    path: '/crm/properties/2026-09/companies',
    body: {
      name: 'intruder',
      label: 'x',
      type: 'string',
      fieldType: 'text',
      groupName: 'companyinformation',
    },
  },
  { method: 'GET', path: '/crm-object-schemas/2026-09/schemas' },
  { method: 'GET', path: '/crm/owners/2026-09' },
  { method: 'GET', path: '/crm/pipelines/2026-09/deals' },
  {
    method: 'POST',
    path: '/crm/associations/2026-09/deals/companies/batch/read',
    body: { inputs: [{ id: '1006' }] },
  },
  {
    method: 'PUT',
    path: '/crm/property-validations/2026-09/0-2/name/rule-type/MAX_LENGTH',
    body: { ruleArguments: ['1'] },
  },
];

/** The v3/v4 paths the sandbox keeps for other clients. */
const LEGACY_PROBES: Probe[] = [
  { method: 'GET', path: '/crm/v3/objects/companies?limit=10' },
  {
    method: 'POST',
    path: '/crm/v3/objects/companies/batch/update',
    body: { inputs: [{ id: '1001', properties: { name: 'x' } }] },
  },
  { method: 'GET', path: '/crm/v3/properties/companies' },
  { method: 'GET', path: '/crm-object-schemas/v3/schemas' },
  {
    method: 'POST',
    path: '/crm/v4/associations/deals/companies/batch/read',
    body: { inputs: [{ id: '1006' }] },
  },
];

const PROBES: Probe[] = [...DATED_PROBES, ...LEGACY_PROBES];

const send = async (probe: Probe, headers: Record<string, string>, query = '') => {
  const url = `${portal.baseUrl}${probe.path}${query === '' ? '' : `${probe.path.includes('?') ? '&' : '?'}${query}`}`;
  const response = await fetch(url, {
    method: probe.method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(probe.body === undefined ? {} : { body: JSON.stringify(probe.body) }),
  });
  return { status: response.status, text: await response.text() };
};

const WRONG = 'pat-na1-00000000-0000-0000-0000-000000000000';

describe('the sandbox refuses requests without the right token', () => {
  const credentials = (): [string, Record<string, string>, string][] => [
    ['no Authorization header', {}, ''],
    ['a wrong token', { authorization: `Bearer ${WRONG}` }, ''],
    ['the token with a character more', { authorization: `Bearer ${portal.token}x` }, ''],
    [
      'the token without its last character',
      { authorization: `Bearer ${portal.token.slice(0, -1)}` },
      '',
    ],
    ['the token in upper case', { authorization: `Bearer ${portal.token.toUpperCase()}` }, ''],
    ['the token without "Bearer"', { authorization: portal.token }, ''],
    [
      'the token as Basic credentials',
      { authorization: `Basic ${Buffer.from(`${portal.token}:`).toString('base64')}` },
      '',
    ],
    [
      'the token in the query string (hapikey, access_token)',
      {},
      `hapikey=${portal.token}&access_token=${portal.token}`,
    ],
    ['an empty Bearer', { authorization: 'Bearer ' }, ''],
  ];

  it('answers 401 to every kind of request, for every wrong credential, and writes nothing', async () => {
    const before = {
      companies: new Map(portal.sandbox.control.writeCounts('companies')),
      requests: portal.sandbox.control.requestCount(),
    };
    let probes = 0;
    for (const [what, headers, query] of credentials()) {
      for (const probe of PROBES) {
        const answer = await send(probe, headers, query);
        probes += 1;
        expect(answer.status, `${what}: ${probe.method} ${probe.path}`).toBe(401);
        expect(answer.text).toMatch(/INVALID_AUTHENTICATION/);
        // A refusal never echoes the credential it was given.
        expect(answer.text).not.toContain(portal.token.slice(9, 30));
        expect(answer.text).not.toContain(WRONG);
      }
    }
    expect(portal.sandbox.control.requestCount() - before.requests).toBe(probes);
    expect(portal.sandbox.control.writeCounts('companies')).toEqual(before.companies);
    // Nothing was created either: still the seeded companies, and no new property.
    const list = await send(PROBES[0] ?? { method: 'GET', path: '/' }, {
      authorization: `Bearer ${portal.token}`,
    });
    expect(list.text).not.toContain('intruder');
    const props = await send(
      { method: 'GET', path: '/crm/properties/2026-09/companies/intruder' },
      { authorization: `Bearer ${portal.token}` },
    );
    expect(props.status).toBe(404);
    const rules = await send(
      { method: 'GET', path: '/crm/property-validations/2026-09/0-2/name' },
      { authorization: `Bearer ${portal.token}` },
    );
    expect(JSON.parse(rules.text)).toEqual({ results: [] });
  });

  it('the right token is accepted (the probes above were refused for their credential alone)', async () => {
    const answer = await send(PROBES[0] ?? { method: 'GET', path: '/' }, {
      authorization: `Bearer ${portal.token}`,
    });
    expect(answer.status).toBe(200);
  });
});

/** The machine's addresses other than loopback (IPv4 and IPv6). */
const otherAddresses = (): string[] =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && !a.address.startsWith('fe80'))
    .map((a) => a?.address ?? '');

/** Whether a TCP connection to host:port is accepted (false: refused or unreachable). */
const accepts = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

/** Local addresses (hex, as /proc/net/tcp{,6} write them) of the sockets listening on `port`. */
const listeningOn = (port: number): string[] => {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (local === undefined || state !== '0A') continue;
      const [address, hexPort] = local.split(':');
      if (Number.parseInt(hexPort ?? '', 16) === port) found.push(address ?? '');
    }
  }
  return found;
};

/** 127.0.0.1 as /proc/net/tcp writes it (little-endian hex). */
const LOOPBACK_HEX = '0100007F';

const expectLoopbackOnly = async (baseUrl: string) => {
  const url = new URL(baseUrl);
  const port = Number(url.port);
  expect(url.hostname).toBe('127.0.0.1');
  if (existsSync('/proc/net/tcp')) expect(listeningOn(port)).toEqual([LOOPBACK_HEX]);
  expect(await accepts('127.0.0.1', port)).toBe(true);
  for (const address of [...otherAddresses(), '::1']) {
    expect(await accepts(address, port), `${address}:${port}`).toBe(false);
  }
};

describe('the sandbox listens on loopback only', () => {
  it('in-process (tests, benchmarks, the CLI’s embedded backend)', async () => {
    await expectLoopbackOnly(portal.baseUrl);
  });

  it('the `strategy-fit sandbox` command', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'sandbox', '--port', '0', '--memory', '--companies', '1', '--deals', '0'],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    try {
      for (let i = 0; i < 1000 && !printed.includes('HUBSPOT_ACCESS_TOKEN='); i += 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const baseUrl = /HUBSPOT_API_BASE_URL=(\S+)/.exec(printed)?.[1];
      if (baseUrl === undefined) throw new Error(`the sandbox printed ${printed}`);
      await expectLoopbackOnly(baseUrl);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('close', r));
    }
  });

  it('the proof has something to stand on: the socket table, or another address to try', () => {
    expect(existsSync('/proc/net/tcp') || otherAddresses().length > 0).toBe(true);
  });
});
