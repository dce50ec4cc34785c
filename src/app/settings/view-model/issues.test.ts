import type { EditorIssue } from '@strategy-fit/core';
import { describe, expect, it } from 'vitest';

import { describePath, indexIssues } from './issues.ts';

const issue = (path: string, message = `at ${path}`): EditorIssue => ({
  source: 'schema',
  code: 'required',
  path,
  message,
});

describe('issues at their fields', () => {
  it('a field shows its own issues and its list items’, never its neighbours’', () => {
    const index = indexIssues([
      issue('segments[0].criteria[1].values[2]'),
      issue('segments[0].criteria[1].value'),
      issue('segments[0].criteria'),
      issue('name'),
    ]);
    expect(index.field('segments[0].criteria[1].values')).toEqual({
      error: true,
      validationMessage: 'at segments[0].criteria[1].values[2]',
    });
    expect(index.field('segments[0].criteria[1].valu')).toEqual({ error: false });
    expect(index.exact('segments[0].criteria').map((i) => i.path)).toEqual([
      'segments[0].criteria',
    ]);
    expect(index.all).toHaveLength(4);
  });

  it('the same issue twice counts once', () => {
    expect(indexIssues([issue('name'), issue('name')]).all).toHaveLength(1);
  });

  it.each([
    ['', 'The strategy'],
    ['name', 'name'],
    ['segments[2].criteria[0].values[1]', 'Segment 3 › criterion 1 › value 2'],
    ['dreamCustomer.abilityToPay[0].property', 'Dream-customer test › criterion 1 › property'],
    ['thresholds.stretch', 'Thresholds › stretch'],
  ])('%j reads “%s”', (path, words) => {
    expect(describePath(path)).toBe(words);
  });
});
