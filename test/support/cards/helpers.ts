// Test runners for the cards' injected `run` (createRenderer does not mock hubspot.serverless).
import { Text } from '@hubspot/ui-extensions';
import { vi } from 'vitest';

import type { FunctionRunner } from '@strategy-fit/function-calls';

/**
 * A runner answering each function by name from a script: the n-th call gets the n-th answer,
 * and the last answer repeats.
 */
export const runnerAnswering = (script: Readonly<Record<string, readonly unknown[]>>) => {
  const calls = new Map<string, number>();
  return vi.fn<FunctionRunner>(async (name) => {
    const answers = script[name];
    if (answers === undefined || answers.length === 0) throw new Error(`no answer for ${name}`);
    const n = calls.get(name) ?? 0;
    calls.set(name, n + 1);
    return answers[Math.min(n, answers.length - 1)];
  });
};

/** A promise the test resolves or rejects when it wants to. */
export const deferred = <T>() => {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** What HubSpot rejects `hubspot.serverless` with when the function cannot run (HUBSPOT.md §3). */
export const serverlessFailure = (): Error =>
  new Error(
    "There was a problem reaching the app's API: The serverless function 'score_record' failed to execute: Task timed out after 15.00 seconds.",
  );

type TextNode = { text: string | null; childNodes?: readonly TextNode[] };

/** All the text under a rendered node, its descendants' included (`.text` is direct text only). */
export const allText = (node: TextNode): string =>
  node.childNodes === undefined || node.childNodes.length === 0
    ? (node.text ?? '')
    : node.childNodes.map(allText).join(' ');

/**
 * Types into a rendered input: calls its `onInput` with the text, as HubSpot does on each
 * keystroke. (0.17's `trigger` types its argument as the handler itself, so not through it.)
 */
export const typeInto = (
  node: { props: { onInput?: ((value: string) => void) | undefined } },
  text: string,
): void => node.props.onInput?.(text);

type ListNode = { findAllChildren: (component: typeof Text) => readonly { text: string | null }[] };

/** The items of a rendered `List` whose items are `Text`s, in order. */
export const listItems = (list: ListNode): string[] =>
  list.findAllChildren(Text).map((item) => item.text ?? '');
