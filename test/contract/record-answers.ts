// Shared by the contract suites: every answer the sandbox gives while a scenario runs, recorded by
// spying on global fetch (which the api-client's transport uses).

/** One answer: the request's method and path (without query), its status and JSON body. */
export type Recorded = { method: string; path: string; status: number; body: unknown };

/** Starts recording the answers of `origin`; `stop()` puts global fetch back. */
export function recordAnswers(origin: () => string): { recorded: Recorded[]; stop: () => void } {
  const recorded: Recorded[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    if (url.origin === origin()) {
      const text = await response.clone().text();
      recorded.push({
        method: (init?.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        status: response.status,
        body: text === '' ? undefined : JSON.parse(text),
      });
    }
    return response;
  };
  return {
    recorded,
    stop: () => {
      globalThis.fetch = original;
    },
  };
}
