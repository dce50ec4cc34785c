import { createSimulationAccumulator } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { matrixView, pausesText, pauseText, progressView } from './simulation-view.ts';

describe('the simulation as the page shows it', () => {
  const sim = createSimulationAccumulator();
  sim.addOpenDeal({ companyId: '1', amount: '1000' });
  sim.addOpenDeal({ companyId: '2', amount: '40000.5' });
  sim.addOpenDeal({ companyId: '2', amount: null });
  sim.addCompany({ id: '1', oldTier: 'fit', newTier: 'fit' });
  sim.addCompany({ id: '2', oldTier: 'off_strategy', newTier: 'refused' });
  sim.addCompany({ id: '3', oldTier: null, newTier: 'dream' });
  const view = matrixView(sim.finish());

  it('rows that hold companies, every new tier as a column; moves are marked', () => {
    expect(view.rows.map((r) => r.label)).toEqual(['Fit', 'Off strategy', 'Never scored']);
    expect(view.columns).toEqual([
      'Dream',
      'Fit',
      'Stretch',
      'Needs data',
      'Off strategy',
      'Refused',
    ]);
    const off = view.rows[1]?.cells[5];
    expect(off).toEqual({ companies: 1, companiesText: '1', amountText: '40,001', moves: true });
    expect(view.rows[0]?.cells[1]?.moves).toBe(false);
    expect(view.rows[2]?.cells[0]?.moves).toBe(false);
  });

  it('the headline says how many companies and how much pipeline move', () => {
    expect(view.headline.map((h) => `${h.label}: ${h.text}`)).toEqual([
      'Change tier: 1 company, 2 open deals, 40,001 open pipeline',
      'Move up: 0 companies, 0 open deals, 0 open pipeline',
      'Move down: 1 company, 2 open deals, 40,001 open pipeline',
      'Scored for the first time: 1 company, 0 open deals, 0 open pipeline',
      'Stay in their tier: 1 company, 1 open deal, 1,000 open pipeline',
    ]);
  });

  it('progress with and without a total', () => {
    expect(progressView(300, 1200)).toEqual({
      value: 300,
      maxValue: 1200,
      text: '300 of 1,200 companies simulated',
    });
    expect(progressView(300, null).text).toBe('300 companies simulated so far');
  });
});

describe("the notes when HubSpot's rate limit paused the simulation", () => {
  it('the wait in whole seconds, at least one', () => {
    expect(pauseText(10_000)).toContain('continues by itself in 10 seconds, where it stopped');
    expect(pauseText(9_001)).toContain('in 10 seconds');
    expect(pauseText(200)).toContain('in 1 second,');
  });

  it('how often it paused, or nothing', () => {
    expect(pausesText(0)).toBeNull();
    expect(pausesText(1)).toContain('paused the simulation once;');
    expect(pausesText(3)).toContain('paused the simulation 3 times;');
  });
});
