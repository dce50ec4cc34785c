import { describe, expect, it } from 'vitest';

import { FIT_PROPERTIES } from '@strategy-fit/core';

import {
  appendLogLine,
  decisionLine,
  EXCEPTION_LOG_PROPERTY,
  MAX_LOG_CHARS,
  requestLine,
} from './exception-log.ts';

const maya = {
  userId: '9100001',
  email: 'maya.okafor@demo-sales.example',
  name: 'Maya Okafor',
  ownerId: '70110001',
  teamIds: ['4810001'],
};
const AT = Date.UTC(2026, 10, 27, 10, 3);

describe('the exception audit trail', () => {
  it('is a deal property that setup creates and scoring never writes', () => {
    expect(FIT_PROPERTIES.find((p) => p.name === EXCEPTION_LOG_PROPERTY)).toMatchObject({
      objects: ['deals'],
      type: 'string',
      writtenByScoring: false,
    });
  });

  it('says who asked or decided, and when, one line each', () => {
    expect(requestLine(AT, maya, 'Big logo,\nnew market')).toBe(
      '2026-11-27T10:03:00.000Z requested by Maya Okafor <maya.okafor@demo-sales.example> (user 9100001): Big logo, new market',
    );
    expect(decisionLine(AT, maya, 'approved', '2027-02-25')).toBe(
      '2026-11-27T10:03:00.000Z approved by Maya Okafor <maya.okafor@demo-sales.example> (user 9100001), valid through 2027-02-25',
    );
    expect(decisionLine(AT, { ...maya, name: '' }, 'rejected', null)).toBe(
      '2026-11-27T10:03:00.000Z rejected by maya.okafor@demo-sales.example (user 9100001)',
    );
  });

  it('appends newest last and drops the oldest lines beyond HubSpot’s 65,536 characters', () => {
    expect(appendLogLine(null, 'a')).toBe('a');
    expect(appendLogLine('a\nb', 'c')).toBe('a\nb\nc');
    const line = 'x'.repeat(1000);
    let trail = '';
    for (let i = 0; i < 100; i += 1) trail = appendLogLine(trail, `${i} ${line}`);
    expect(trail.length).toBeLessThanOrEqual(MAX_LOG_CHARS);
    expect(trail.split('\n').at(-1)).toMatch(/^99 /);
    expect(trail.split('\n')[0]).toMatch(/^\d+ /);
  });
});
