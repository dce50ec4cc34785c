// The demo portal's deal pipelines and owners, in the response shapes of the pipelines and owners APIs.

export type Stage = {
  id: string;
  label: string;
  displayOrder: number;
  /** 0..1; 1 means closed won (deal stages only; ticket stages have a ticket state instead). */
  probability: number;
  isClosed: boolean;
  /** A ticket stage's `ticketState` (OPEN or CLOSED) instead of deal metadata. */
  ticketState?: 'OPEN' | 'CLOSED';
};

export type PipelineInfo = { id: string; label: string; displayOrder: number; stages: Stage[] };

const stage = (
  id: string,
  label: string,
  displayOrder: number,
  probability: number,
  isClosed = false,
): Stage => ({ id, label, displayOrder, probability, isClosed });

/** HubSpot's default "Sales Pipeline" (stage ids as in every new portal) and the demo's second one. */
export const DEAL_PIPELINES: readonly PipelineInfo[] = [
  {
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    stages: [
      stage('appointmentscheduled', 'Appointment Scheduled', 0, 0.2),
      stage('qualifiedtobuy', 'Qualified To Buy', 1, 0.4),
      stage('presentationscheduled', 'Presentation Scheduled', 2, 0.6),
      stage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, 0.8),
      stage('contractsent', 'Contract Sent', 4, 0.9),
      stage('closedwon', 'Closed Won', 5, 1, true),
      stage('closedlost', 'Closed Lost', 6, 0, true),
    ],
  },
  {
    id: '19824735',
    label: 'Enterprise Pipeline',
    displayOrder: 1,
    stages: [
      stage('51234001', 'Discovery', 0, 0.1),
      stage('51234002', 'Solution Fit', 1, 0.3),
      stage('51234003', 'Business Case', 2, 0.5),
      stage('51234004', 'Procurement', 3, 0.7),
      stage('51234005', 'Contracting', 4, 0.9),
      stage('51234006', 'Closed Won', 5, 1, true),
      stage('51234007', 'Closed Lost', 6, 0, true),
    ],
  },
];

/**
 * A new portal's ticket pipeline: "Support Pipeline" with New, Waiting on contact, Waiting on us
 * and Closed (HubSpot's default statuses; the ids 0 and 1–4 are those integrations see in new
 * portals, not confirmed by the reference).
 */
export const TICKET_PIPELINES: readonly PipelineInfo[] = [
  {
    id: '0',
    label: 'Support Pipeline',
    displayOrder: 0,
    stages: [
      { ...stage('1', 'New', 0, 0), ticketState: 'OPEN' },
      { ...stage('2', 'Waiting on contact', 1, 0), ticketState: 'OPEN' },
      { ...stage('3', 'Waiting on us', 2, 0), ticketState: 'OPEN' },
      { ...stage('4', 'Closed', 3, 0, true), ticketState: 'CLOSED' },
    ],
  },
];

/**
 * The object types with pipelines besides deals and custom objects (HubSpot's pipelines guide:
 * https://developers.hubspot.com/docs/methods/pipelines/pipelines_overview): their ids, the names a
 * path may use, and the demo portal's pipelines (none set up except the tickets' default).
 */
export const PIPELINE_OBJECT_TYPES: readonly {
  objectTypeId: string;
  names: readonly string[];
  pipelines: readonly PipelineInfo[];
}[] = [
  { objectTypeId: '0-5', names: ['tickets', 'ticket'], pipelines: TICKET_PIPELINES },
  { objectTypeId: '0-421', names: ['appointments', 'appointment'], pipelines: [] },
  { objectTypeId: '0-410', names: ['courses', 'course'], pipelines: [] },
  { objectTypeId: '0-420', names: ['listings', 'listing'], pipelines: [] },
  { objectTypeId: '0-123', names: ['orders', 'order'], pipelines: [] },
  { objectTypeId: '0-162', names: ['services', 'service'], pipelines: [] },
  { objectTypeId: '0-136', names: ['leads', 'lead'], pipelines: [] },
];

const PIPELINE_TIME = '2020-01-01T00:00:00Z';

/** A pipeline in the client's `Pipeline` model shape. */
export function pipelineResponse(pipeline: PipelineInfo): Record<string, unknown> {
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    archived: false,
    createdAt: PIPELINE_TIME,
    updatedAt: PIPELINE_TIME,
    stages: pipeline.stages.map(stageResponse),
  };
}

export function stageResponse(s: Stage): Record<string, unknown> {
  return {
    id: s.id,
    label: s.label,
    displayOrder: s.displayOrder,
    metadata:
      s.ticketState === undefined
        ? { isClosed: String(s.isClosed), probability: String(s.probability) }
        : { ticketState: s.ticketState },
    archived: false,
    createdAt: PIPELINE_TIME,
    updatedAt: PIPELINE_TIME,
    writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
  };
}

export type Owner = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  team: { id: string; name: string };
  archived: boolean;
};

const TEAMS = {
  enterprise: { id: '4810001', name: 'Enterprise' },
  midMarket: { id: '4810002', name: 'Mid-Market' },
  smb: { id: '4810003', name: 'SMB' },
} as const;

const owner = (
  id: string,
  firstName: string,
  lastName: string,
  userId: number,
  team: Owner['team'],
  archived = false,
): Owner => ({
  id,
  firstName,
  lastName,
  email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@demo-sales.example`,
  userId,
  team,
  archived,
});

/** The demo's sales team; the last one has left the company (archived). */
export const OWNERS: readonly Owner[] = [
  owner('70110001', 'Maya', 'Okafor', 9100001, TEAMS.enterprise),
  owner('70110002', 'Lukas', 'Berg', 9100002, TEAMS.enterprise),
  owner('70110003', 'Priya', 'Raman', 9100003, TEAMS.midMarket),
  owner('70110004', 'Diego', 'Alvarez', 9100004, TEAMS.midMarket),
  owner('70110005', 'Hannah', 'Schulz', 9100005, TEAMS.midMarket),
  owner('70110006', 'Tom', 'Whitfield', 9100006, TEAMS.smb),
  owner('70110007', 'Aiko', 'Tanaka', 9100007, TEAMS.smb),
  owner('70110008', 'Sam', 'Carter', 9100008, TEAMS.smb),
  owner('70110009', 'Olivia', 'Novak', 9100009, TEAMS.enterprise, true),
];

const OWNER_TIME = '2021-03-01T09:00:00Z';

/** An owner in the client's `PublicOwner` model shape. */
export function ownerResponse(o: Owner): Record<string, unknown> {
  return {
    id: o.id,
    email: o.email,
    type: 'PERSON',
    firstName: o.firstName,
    lastName: o.lastName,
    userId: o.userId,
    userIdIncludingInactive: o.userId,
    createdAt: OWNER_TIME,
    updatedAt: OWNER_TIME,
    archived: o.archived,
    ...(o.archived ? {} : { teams: [{ id: o.team.id, name: o.team.name, primary: true }] }),
  };
}
