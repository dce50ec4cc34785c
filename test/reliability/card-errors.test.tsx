// What a rep sees when HubSpot fails the function behind a card: the real functions' answers
// under each failure (unreachable, rate limited, slower than the budget) rendered by the real
// cards with HubSpot's test renderer: a clear error for the code, with Retry, and Retry works.
import { Alert, Button, ErrorState, Flex, LoadingButton, Tag } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { ExceptionResponse, ScoreRecordResponse } from '@strategy-fit/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { CompanyFitCard } from '../../src/app/cards/CompanyFitCard.tsx';
import { DealFitCard } from '../../src/app/cards/DealFitCard.tsx';
import type { FunctionRunner } from '@strategy-fit/function-calls';
import { runnerAnswering } from '../support/cards/helpers.ts';
import { errorView } from '../../src/app/cards/view-model/card-error.ts';
import { createRuntime } from '../../src/app/functions/src/lib/runtime.ts';
import { invokeRequestException, invokeScoreRecord } from '../support/functions/invoke.ts';
import {
  closedOrigin,
  COMPANIES,
  createCompany,
  createDeal,
  exceptionEventsOf,
  hubspotContext,
  plainDeal,
  REP,
  startTestPortal,
  writeReason,
} from '../support/functions/test-portal.ts';
import type { TestPortal } from '../support/functions/test-portal.ts';

let portal: TestPortal;
let companyId: string;
let dealId: string;

beforeAll(async () => {
  portal = await startTestPortal();
  companyId = await createCompany(portal.hs, COMPANIES.fit);
  dealId = await createDeal(portal.hs, plainDeal('Grocery pilot'), {
    companyId: await createCompany(portal.hs, COMPANIES.off_strategy),
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  portal.sandbox.control.setFaults(undefined);
  portal.sandbox.control.setRateLimit(false);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await portal.close();
});

type Failure = 'unreachable' | 'rate limited' | 'slower than the budget';

/** A runtime for one call: on the portal, or on an origin nothing listens on; a short budget. */
const runtimeFor = async (failure: Failure) => {
  const basePath = failure === 'unreachable' ? await closedOrigin() : portal.sandbox.baseUrl;
  if (failure === 'rate limited') portal.sandbox.control.setRateLimit({ perTenSeconds: 1 });
  if (failure === 'slower than the budget') {
    portal.sandbox.control.setFaults({ rates: { slow: 1 }, slowMs: 1_500 });
  }
  return createRuntime({ accessToken: portal.sandbox.token, basePath, budgetMs: 600 });
};

const companyContext = () => hubspotContext({ objectType: 'company' }, { hs_object_id: companyId });

/** score_record's real answer for this company under `failure`, and once HubSpot is back. */
const scoreAnswers = async (failure: Failure) => {
  const failed = await invokeScoreRecord(await runtimeFor(failure), companyContext(), true);
  portal.sandbox.control.setFaults(undefined);
  portal.sandbox.control.setRateLimit(false);
  await new Promise((r) => setTimeout(r, failure === 'slower than the budget' ? 1_500 : 0));
  const healthy = await invokeScoreRecord(portal.runtime, companyContext(), true);
  return { failed: ScoreRecordResponse.parse(failed), healthy: ScoreRecordResponse.parse(healthy) };
};

const EXPECTED_CODE: Record<Failure, string> = {
  unreachable: 'hubspot_unavailable',
  'rate limited': 'hubspot_rate_limited',
  'slower than the budget': 'hubspot_unavailable',
};

describe('the company card when HubSpot fails the function', () => {
  it.each<Failure>(['unreachable', 'rate limited', 'slower than the budget'])(
    '%s: the error for its code with Retry; Retry scores again',
    async (failure) => {
      const { failed, healthy } = await scoreAnswers(failure);
      expect(failed.ok ? null : failed.error.code).toBe(EXPECTED_CODE[failure]);
      expect(healthy.ok).toBe(true);
      if (failed.ok) return;

      const run = runnerAnswering({ score_record: [failed, healthy] });
      const renderer = createRenderer('crm.record.tab');
      renderer.render(
        <CompanyFitCard
          context={renderer.mocks.context}
          actions={renderer.mocks.actions}
          run={run}
        />,
      );
      const { findByTestId, waitFor } = renderer;
      await waitFor(() => expect(findByTestId(ErrorState, 'fit-error')).toBeDefined());
      const view = errorView(failed.error);
      expect(view.retry).toBe(true);
      expect(findByTestId(ErrorState, 'fit-error').props.title).toBe(view.title);
      findByTestId(Button, 'fit-retry').trigger('onClick');
      await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Fit'));
      expect(run).toHaveBeenCalledTimes(2);
    },
  );
});

describe('the deal card when HubSpot fails the exception request', () => {
  it('rate limited: the request says why and stays for another try; nothing was recorded', async () => {
    const dealContext = hubspotContext({ objectType: 'deal' }, { hs_object_id: dealId });
    const scored = ScoreRecordResponse.parse(
      await invokeScoreRecord(portal.runtime, dealContext, true),
    );
    if (!scored.ok) throw new Error(scored.error.message);
    expect(scored.value.deal?.tier).toBe('off_strategy');
    await writeReason(portal, REP, dealId, 'Strategic logo in a new region');
    const failed = ExceptionResponse.parse(
      await invokeRequestException(
        await runtimeFor('rate limited'),
        hubspotContext({}, { hs_object_id: dealId }),
        true,
      ),
    );
    portal.sandbox.control.setRateLimit(false);
    expect(failed.ok ? null : failed.error.code).toBe('hubspot_rate_limited');
    expect(await exceptionEventsOf(portal, dealId)).toEqual([]); // nothing was recorded

    const run: FunctionRunner = runnerAnswering({
      score_record: [scored],
      request_exception: [failed],
    });
    const renderer = createRenderer('crm.record.tab');
    renderer.render(
      <DealFitCard context={renderer.mocks.context} actions={renderer.mocks.actions} run={run} />,
    );
    const { findByTestId, waitFor } = renderer;
    await waitFor(() => expect(findByTestId(Tag, 'fit-tier').text).toBe('Off strategy'));
    findByTestId(LoadingButton, 'exception-submit').trigger('onClick');
    if (failed.ok) return;
    await waitFor(() =>
      expect(findByTestId(Alert, 'exception-error').props.title).toBe(
        errorView(failed.error).title,
      ),
    );
    expect(findByTestId(Flex, 'exception-request')).toBeDefined();
  });
});
