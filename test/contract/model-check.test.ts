import { describe, expect, it } from 'vitest';
import { checkModel } from './model-check.ts';

const object = {
  id: '1',
  properties: { name: 'Acme', domain: null },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
  archived: false,
};

describe('checkModel (the contract suite\u2019s own check)', () => {
  it('accepts a complete SimplePublicObject', () => {
    expect(checkModel(object, 'SimplePublicObject', 'crm/companies')).toEqual([]);
  });

  it('reports a missing required field, a wrong type and a date that does not parse', () => {
    const withoutCreatedAt = { ...object, createdAt: undefined };
    expect(
      checkModel(
        { ...withoutCreatedAt, id: 1, updatedAt: 'yesterday' },
        'SimplePublicObject',
        'crm/companies',
      ),
    ).toEqual([
      { path: '$.createdAt', model: 'SimplePublicObject', problem: 'required field missing' },
      { path: '$.id', model: 'string', problem: 'expected string, got 1' },
      { path: '$.updatedAt', model: 'Date', problem: 'expected an ISO date-time, got "yesterday"' },
    ]);
  });

  it('follows nested models, arrays and enums', () => {
    const batch = {
      status: 'DONE',
      results: [{ ...object, properties: { a: 5 } }],
      startedAt: object.createdAt,
      completedAt: object.createdAt,
    };
    expect(
      checkModel(batch, 'BatchResponseSimplePublicObject', 'crm/companies').map((p) => [
        p.path,
        p.problem,
      ]),
    ).toEqual([
      ['$.results[0].properties.a', 'expected string, got 5'],
      ['$.status', '"DONE" is not one of PENDING, PROCESSING, CANCELED, COMPLETE'],
    ]);
  });

  it('reads the JSON name of renamed fields (`_from` is `from` on the wire)', () => {
    expect(
      checkModel({ to: { id: '2' } }, 'PublicDefaultAssociationMultiPost', 'crm/associations/v4'),
    ).toEqual([
      {
        path: '$.from',
        model: 'PublicDefaultAssociationMultiPost',
        problem: 'required field missing',
      },
    ]);
  });
});
