import type { DataQualityFinding, Todo } from '@strategy-fit/core';

/** A to-do as the cards list it; its text already names the tier it reaches. */
export type TodoView = { readonly key: string; readonly text: string };

/** A data-quality finding as the cards list it. */
export type FindingView = { readonly key: string; readonly text: string };

export const todoViews = (todos: readonly Todo[]): TodoView[] =>
  todos.map((t, i) => ({
    key: `${i}:${t.kind}:${t.property ?? t.question ?? ''}`,
    text: t.text,
  }));

export const findingViews = (findings: readonly DataQualityFinding[]): FindingView[] =>
  findings.map((f, i) => ({
    key: `${i}:${f.object}:${f.recordId}:${f.property}`,
    text: f.message,
  }));
