// The demo's last step on a sandbox: it finds a deal worth showing and prints what score_record
// answers for it and its company, through the cards' view models.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  COMPANIES,
  createCompany,
  createDeal,
  loadExampleStrategy,
  plainDeal,
  startTestPortal,
} from '../../../../test/support/functions/test-portal.ts';
import type { TestPortal } from '../../../../test/support/functions/test-portal.ts';
import { findDemoDeal, repCardsText, scoreRecordAnswer } from './rep-cards.ts';

let portal: TestPortal;
const ids = { plain: '', rich: '', off: '' };

beforeAll(async () => {
  portal = await startTestPortal();
  const fit = await createCompany(portal.hs, COMPANIES.fit);
  const off = await createCompany(portal.hs, COMPANIES.off_strategy);
  ids.plain = await createDeal(portal.hs, plainDeal('Brightloop pilot', '30000'), {
    companyId: fit,
  });
  ids.rich = await createDeal(
    portal.hs,
    { ...plainDeal('Brightloop rollout', '35000'), competitors: 'Forecastly' },
    {
      companyId: fit,
      lineItems: [{ name: 'Seats', price: '1000', quantity: '50', discount: '300' }],
    },
  );
  ids.off = await createDeal(portal.hs, plainDeal('Grocery pilot'), { companyId: off });
}, 60_000);
afterAll(() => portal.close());

const origin = () => ({ accessToken: portal.sandbox.token, basePath: portal.sandbox.baseUrl });

describe('what a rep sees (npm start)', () => {
  it('finds no deal before anything is scored', async () => {
    expect(await findDemoDeal(portal.hs, loadExampleStrategy())).toEqual({ ok: true, value: null });
    expect(await repCardsText(portal.hs, origin())).toEqual({ ok: true, value: null });
  });

  it('prefers an open dream or fit deal with price competition and a listed competitor', async () => {
    for (const id of Object.values(ids)) {
      const answer = await scoreRecordAnswer(portal.runtime, 'deal', id);
      expect(answer.ok).toBe(true);
    }
    expect(await findDemoDeal(portal.hs, loadExampleStrategy())).toEqual({
      ok: true,
      value: { id: ids.rich, name: 'Brightloop rollout' },
    });
  });

  it('prints the company card and the deal card as score_record answers them', async () => {
    const text = await repCardsText(portal.hs, origin());
    if (!text.ok || text.value === null) throw new Error('the cards as text');
    const [company, deal] = text.value.split('\n\n');
    expect(company).toContain('Company card · Brightloop (company ');
    expect(company).toContain('  Fit · score 100/100 · Mid-market tech');
    expect(company).toContain(
      '    Value proposition: One pipeline view the whole team trusts, without a RevOps hire.',
    );
    expect(deal).toContain(`Deal card · Brightloop rollout (deal ${ids.rich})`);
    expect(deal).toContain('    What sets us apart in Mid-market tech:');
    expect(deal).toContain('      Forecastly goes after this segment too.');
    expect(deal).toContain('  Positioning for Mid-market tech');
  });
});
