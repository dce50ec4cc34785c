// Shared by the sandbox's client-driven tests (which import @hubspot/api-client themselves).
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../src/index.ts';

/** The seeded history ends here in every test, so generated data never depends on the clock. */
export const AS_OF = '2026-11-01';

/** A small, in-memory, rate-limit-free sandbox: the default for tests. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    rateLimit: false,
    seed: { seed: 7, companies: 60, deals: 90, asOf: AS_OF },
    ...options,
  });
}

export type ApiFailure = {
  code: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
};

/** The ApiException a client call rejects with (fails the test when the call succeeds). */
export async function apiFailure(call: Promise<unknown>): Promise<ApiFailure> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: unknown; body?: unknown; headers?: unknown };
    if (typeof e.code !== 'number') throw error;
    return {
      code: e.code,
      body: (typeof e.body === 'object' && e.body !== null ? e.body : { raw: e.body }) as Record<
        string,
        unknown
      >,
      headers: (e.headers ?? {}) as Record<string, string>,
    };
  }
  throw new Error('the call succeeded, a failure was expected');
}

/** A raw HTTP call with the sandbox token, for what the client cannot send. */
export async function raw(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
  token: string = sandbox.token,
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}
