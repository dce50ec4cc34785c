import type { DealScore, ExceptionState } from '@strategy-fit/core';
import { existingBusinessRefusal } from '@strategy-fit/core';

import type { StatusVariant } from './tier.ts';

/** SCORING §7: the states of a deal's exception as a rep reads them. */
export type ExceptionStatusView = 'none' | 'requested' | 'approved' | 'expired' | 'rejected';

/** A deal's exception, what it means, and what the viewer may do about it. */
export type ExceptionView = {
  readonly status: ExceptionStatusView;
  /** "Approved until 2026-04-15" */
  readonly label: string;
  readonly variant: StatusVariant;
  readonly text: string;
  /** The rep's written reason, once requested, and who wrote it (as HubSpot recorded). */
  readonly note: string | null;
  readonly requestedBy: string | null;
  /** The request a decision answers (the event number the card saw). */
  readonly seq: number;
  /**
   * A rep may ask (again): off strategy, not an existing customer kept under the retain policy
   * (SCORING §12), and no open request or active approval.
   */
  readonly canRequest: boolean;
  /** The open request can be decided (by a strategy manager: the function checks who set it). */
  readonly canDecide: boolean;
};

const statusOf = (e: ExceptionState): ExceptionStatusView =>
  e.status === 'approved' && !e.active ? 'expired' : e.status;

const wordingOf = (
  e: ExceptionState,
  status: ExceptionStatusView,
): { label: string; variant: StatusVariant; text: string } => {
  const by = e.by === null ? '' : ` by ${e.by}`;
  switch (status) {
    case 'none':
      return {
        label: 'No exception',
        variant: 'default',
        text: 'If this deal deserves an exception, explain why; a strategy manager decides.',
      };
    case 'requested':
      return {
        label: 'Exception requested',
        variant: 'warning',
        text: 'Waiting for a strategy manager to approve or reject it.',
      };
    case 'approved':
      return {
        label: `Approved until ${e.expiresOn ?? '(no date)'}`,
        variant: 'success',
        text: `Approved${by}: this deal counts as an approved exception through ${e.expiresOn ?? 'its expiry date'}.`,
      };
    case 'expired':
      return {
        label: e.expiresOn === null ? 'Approval has no expiry date' : `Expired (${e.expiresOn})`,
        variant: 'danger',
        text:
          e.expiresOn === null
            ? `The approval${by} has no readable expiry date, so the deal counts as unapproved off-strategy pipeline.`
            : `The approval${by} ended on ${e.expiresOn}; the deal counts as unapproved off-strategy pipeline again.`,
      };
    case 'rejected':
      return {
        label: 'Exception rejected',
        variant: 'danger',
        text: `Rejected${by}. The deal counts as unapproved off-strategy pipeline.`,
      };
    default:
      return status satisfies never;
  }
};

/**
 * A deal's exception as the deal card shows it; null when there is nothing to show: the deal has
 * never had an exception and needs none (on strategy, or existing business kept under the retain
 * policy, SCORING §12).
 */
export const exceptionView = (deal: DealScore): ExceptionView | null => {
  const e = deal.exception;
  const needsNone = !deal.offStrategy || existingBusinessRefusal(deal) !== null;
  if (needsNone && e.status === 'none') return null;
  const status = statusOf(e);
  return {
    status,
    ...wordingOf(e, status),
    note: e.note,
    requestedBy: e.requestedBy,
    seq: e.seq,
    canRequest: !needsNone && (status === 'none' || status === 'expired' || status === 'rejected'),
    canDecide: status === 'requested',
  };
};

/** "Maya Okafor decides." / "Maya Okafor or Lukas Berg decide." — whom a rep asks (names only). */
export const whoDecides = (names: readonly string[]): string => {
  if (names.length === 0) return 'The strategy names no manager who could decide yet.';
  if (names.length === 1) return `${names[0] ?? ''} decides.`;
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''} decide.`;
};
