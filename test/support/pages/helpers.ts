// Test runners for the page's injected `run` (createRenderer does not mock hubspot.serverless).
import { vi } from 'vitest';

import type { ReviewChunks, StrategyReviewValue } from '@strategy-fit/core';
import { addReviewChunk, reviewValueOf, StrategyReviewResponse } from '@strategy-fit/core';
import type { FunctionRunner } from '@strategy-fit/function-calls';

/**
 * A runner answering each function by name from a script: the n-th call gets the n-th answer
 * (a promise is awaited, an Error is thrown), and the last answer repeats.
 */
export const runnerAnswering = (script: Readonly<Record<string, readonly unknown[]>>) => {
  const calls = new Map<string, number>();
  return vi.fn<FunctionRunner>(async (name) => {
    const answers = script[name];
    if (answers === undefined || answers.length === 0) throw new Error(`no answer for ${name}`);
    const n = calls.get(name) ?? 0;
    calls.set(name, n + 1);
    const answer = await answers[Math.min(n, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    return answer;
  });
};

/** A promise the test resolves when it wants to. */
export const deferred = <T>() => {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
};

type TextNode = { text: string | null; childNodes?: readonly TextNode[] };

/** All the text under a rendered node, its descendants' included. */
export const allText = (node: TextNode): string =>
  node.childNodes === undefined || node.childNodes.length === 0
    ? (node.text ?? '')
    : node.childNodes.map(allText).join(' ');

/**
 * The review the page shows from these `strategy_review` answers, merged in order as its loop
 * merges chunks; `why`: a read that stopped (the figures so far, partial).
 */
export const reviewValueOfAnswers = (
  answers: readonly unknown[],
  why?: string,
): StrategyReviewValue => {
  let merged: ReviewChunks | null = null;
  for (const [i, raw] of answers.entries()) {
    const answer = StrategyReviewResponse.parse(raw);
    if (!answer.ok) throw new Error(`answer ${i} is an error: ${answer.error.code}`);
    merged = addReviewChunk(merged, answer.value);
  }
  if (merged === null) throw new Error('no chunk');
  return why === undefined ? reviewValueOf(merged) : reviewValueOf(merged, why);
};
