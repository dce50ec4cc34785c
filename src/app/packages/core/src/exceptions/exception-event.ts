// A deal's exception is a sequence of events (request, approval, rejection), numbered 1, 2, 3…
// per deal and never changed once recorded: the audit trail (docs/security.md). Each one names
// the HubSpot user whose edit in HubSpot's UI it records. The deal's exception properties
// (SCORING §8) are a projection of the latest event, written after it.
import { z } from 'zod';

import { EXCEPTION_PROPERTIES } from '../scoring/exception.ts';

export const ExceptionEventKind = z.enum(['requested', 'approved', 'rejected']);
export type ExceptionEventKind = z.output<typeof ExceptionEventKind>;

export const ExceptionEvent = z.strictObject({
  dealId: z.string(),
  seq: z.number().int().min(1).describe('1, 2, 3… per deal; each number is recorded once'),
  kind: ExceptionEventKind,
  actorUserId: z.string().describe('the HubSpot user whose verified edit this event records'),
  actorName: z.string(),
  reason: z.string().nullable().describe("the rep's reason (a request; a decision repeats it)"),
  requesterName: z.string().nullable().describe('who asked (a decision repeats it)'),
  expiresOn: z.string().nullable().describe('YYYY-MM-DD, approvals only'),
  answersSeq: z.number().int().nullable().describe('the request a decision answers'),
  selfApproved: z.boolean().describe('decided by the requester, the only manager'),
  editedAtMs: z.number().describe('when HubSpot recorded the user’s edit'),
});
export type ExceptionEvent = z.output<typeof ExceptionEvent>;

/** The unique key of an event: one deal, one number. HubSpot refuses a second record with it. */
export const exceptionEventKey = (dealId: string, seq: number): string => `${dealId}:${seq}`;

/** The deal's exception properties that reflect `event` (what reports and cards read). */
export const exceptionProjection = (event: ExceptionEvent): Record<string, string> => ({
  [EXCEPTION_PROPERTIES.status]: event.kind,
  [EXCEPTION_PROPERTIES.note]: event.reason ?? '',
  [EXCEPTION_PROPERTIES.requestedBy]: event.requesterName ?? '',
  [EXCEPTION_PROPERTIES.by]: event.kind === 'requested' ? '' : event.actorName,
  [EXCEPTION_PROPERTIES.expires]: event.expiresOn ?? '',
  [EXCEPTION_PROPERTIES.seq]: String(event.seq),
  [EXCEPTION_PROPERTIES.at]: new Date(event.editedAtMs).toISOString(),
});

const at = (ms: number): string => new Date(ms).toISOString();

/** One line a person reads: "#3 requested by Priya Raman at …: “reason”". */
export const describeExceptionEvent = (event: ExceptionEvent): string => {
  switch (event.kind) {
    case 'requested':
      return `#${event.seq} requested by ${event.actorName} at ${at(event.editedAtMs)}: “${event.reason ?? ''}”`;
    case 'approved':
      return `#${event.seq} approved by ${event.actorName}${event.selfApproved ? ' (self-approved: the only manager)' : ''} at ${at(event.editedAtMs)}, valid through ${event.expiresOn ?? '?'}`;
    case 'rejected':
      return `#${event.seq} rejected by ${event.actorName} at ${at(event.editedAtMs)}`;
    default:
      return event.kind satisfies never;
  }
};
