// The exception events' custom object (docs/security.md, "The audit trail"): one record per
// request or decision of a deal's exception, keyed `<deal id>:<n>`. The key requires unique
// values, so of two transitions that start from the same state HubSpot records one.
import { ExceptionEvent } from '@strategy-fit/core';
import type { ExceptionEvent as Event } from '@strategy-fit/core';

import type { CustomObjectDefinition } from '../custom-object.ts';
import type { PropertySpec } from '../ensure-properties.ts';

const NAME = 'strategy_fit_exception_event';
const group = `${NAME}_information`;

const text = (name: string, label: string, description: string): PropertySpec => ({
  name,
  label,
  description,
  groupName: group,
  type: 'string',
  fieldType: 'text',
});

const EVENT_PROPERTIES: readonly PropertySpec[] = [
  {
    ...text('event_key', 'Event', 'The deal id and the event number, e.g. 1234:3. Unique.'),
    hasUniqueValue: true,
  },
  text('deal_id', 'Deal', 'The deal whose exception this event is about.'),
  {
    ...text('seq', 'Number', 'The event number on its deal: 1, 2, 3…'),
    type: 'number',
    fieldType: 'number',
  },
  {
    ...text('kind', 'What happened', 'requested, approved or rejected.'),
    type: 'enumeration',
    fieldType: 'select',
    options: [
      { label: 'Requested', value: 'requested', displayOrder: 0 },
      { label: 'Approved', value: 'approved', displayOrder: 1 },
      { label: 'Rejected', value: 'rejected', displayOrder: 2 },
    ],
  },
  text(
    'actor_user_id',
    'By (user id)',
    'The HubSpot user whose edit in HubSpot this event records.',
  ),
  text('actor_name', 'By', 'Their name, as HubSpot lists its users.'),
  { ...text('reason', 'Reason', "The rep's reason."), fieldType: 'textarea' },
  text('requester_name', 'Requested by', 'Who asked for the exception.'),
  {
    ...text('expires_on', 'Approved until', 'The last day an approval is valid.'),
    type: 'date',
    fieldType: 'date',
  },
  {
    ...text('answers_seq', 'Answers request', 'The number of the request a decision answers.'),
    type: 'number',
    fieldType: 'number',
  },
  {
    ...text('self_approved', 'Self-approved', 'Decided by the requester, who is the only manager.'),
    type: 'bool',
    fieldType: 'booleancheckbox',
    options: [
      { label: 'Yes', value: 'true', displayOrder: 0 },
      { label: 'No', value: 'false', displayOrder: 1 },
    ],
  },
  {
    ...text('edited_at', 'Edited at', 'When HubSpot recorded the edit this event records.'),
    type: 'datetime',
    fieldType: 'date',
  },
];

/** The custom object of exception events, for `ensureCustomObject`. */
export const EVENT_DEFINITION: CustomObjectDefinition = {
  name: NAME,
  labels: { singular: 'Strategy Fit exception event', plural: 'Strategy Fit exception events' },
  description:
    'Every exception request and decision of Strategy Fit, one record each, written by the app and never changed: the audit trail.',
  primaryDisplayProperty: 'event_key',
  secondaryDisplayProperties: ['kind', 'actor_name'],
  searchableProperties: ['event_key', 'deal_id'],
  requiredProperties: ['event_key', 'deal_id', 'seq', 'kind'],
  properties: EVENT_PROPERTIES,
  uniqueProperty: 'event_key',
};

export const EVENT_PROPERTY_NAMES = EVENT_PROPERTIES.map((p) => p.name);

/** The record properties of an event. */
export const toEventProperties = (event: Event): Record<string, string> => ({
  event_key: `${event.dealId}:${event.seq}`,
  deal_id: event.dealId,
  seq: String(event.seq),
  kind: event.kind,
  actor_user_id: event.actorUserId,
  actor_name: event.actorName,
  reason: event.reason ?? '',
  requester_name: event.requesterName ?? '',
  expires_on: event.expiresOn ?? '',
  answers_seq: event.answersSeq === null ? '' : String(event.answersSeq),
  self_approved: String(event.selfApproved),
  edited_at: new Date(event.editedAtMs).toISOString(),
});

const blank = (v: string | null | undefined): string | null =>
  v === null || v === undefined || v.trim() === '' ? null : v.trim();

/** An event from its record's properties; null when they do not make one. */
export function fromEventProperties(p: Record<string, string | null>): Event | null {
  const editedAt = blank(p['edited_at']);
  const expires = blank(p['expires_on']);
  const parsed = ExceptionEvent.safeParse({
    dealId: blank(p['deal_id']) ?? '',
    seq: Number(p['seq']),
    kind: blank(p['kind']),
    actorUserId: blank(p['actor_user_id']) ?? '',
    actorName: blank(p['actor_name']) ?? '',
    reason: blank(p['reason']),
    requesterName: blank(p['requester_name']),
    expiresOn:
      expires === null
        ? null
        : /^\d+$/.test(expires)
          ? new Date(Number(expires)).toISOString().slice(0, 10)
          : expires.slice(0, 10),
    answersSeq: blank(p['answers_seq']) === null ? null : Number(p['answers_seq']),
    selfApproved: p['self_approved'] === 'true',
    editedAtMs:
      editedAt === null
        ? Number.NaN
        : /^\d+$/.test(editedAt)
          ? Number(editedAt)
          : Date.parse(editedAt),
  });
  return parsed.success && Number.isFinite(parsed.data.editedAtMs) ? parsed.data : null;
}
