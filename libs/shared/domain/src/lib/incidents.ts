import type { DependencyType, DepartmentKind, InterruptionKind } from './enums';

/**
 * Emergencies (issue 14): incidents, their timeline, the departments called in, the playbooks
 * they are opened from and the departments' on-call rosters — the shapes the api returns and
 * the web app reads. Instants are ISO 8601 strings in UTC. Routes: docs/incidents-api.md.
 */

/** What happened; each kind has one playbook. */
export enum IncidentKind {
  /** 电缆着火 */
  CableFire = 'cable_fire',
  /** 供水主管爆裂 */
  WaterMainBurst = 'water_main_burst',
  /** 燃气泄漏 */
  GasLeak = 'gas_leak',
  /** 路面塌陷 */
  RoadCollapse = 'road_collapse',
}

export const INCIDENT_KINDS: readonly IncidentKind[] = Object.values(IncidentKind);

export enum IncidentSeverity {
  Minor = 'minor',
  Major = 'major',
  Critical = 'critical',
}

/** open → closed (closing needs the paperwork task 事故资料 done). */
export enum IncidentStatus {
  Open = 'open',
  Closed = 'closed',
}

/**
 * Where a called-in department stands. calling: the call-out is queued or being delivered;
 * notified: at least one channel accepted it; then acknowledged → on site → done (set by the
 * crew through the acknowledgement link or the api, or by a coordinator). Only forward moves.
 */
export enum IncidentDepartmentStatus {
  Calling = 'calling',
  Notified = 'notified',
  Acknowledged = 'acknowledged',
  OnSite = 'on_site',
  Done = 'done',
}

/** The order of IncidentDepartmentStatus: a status may only be set to a later one. */
export const INCIDENT_DEPARTMENT_STATUS_ORDER: readonly IncidentDepartmentStatus[] = [
  IncidentDepartmentStatus.Calling,
  IncidentDepartmentStatus.Notified,
  IncidentDepartmentStatus.Acknowledged,
  IncidentDepartmentStatus.OnSite,
  IncidentDepartmentStatus.Done,
];

/** What a timeline entry records. */
export enum IncidentEventKind {
  Reported = 'reported',
  /** A department's on-duty crew was called out (first channel accepted). */
  Notified = 'notified',
  Acknowledged = 'acknowledged',
  OnSite = 'on_site',
  Done = 'done',
  /** No acknowledgement within INCIDENT_ACK_MINUTES: the duty lead was sent an SMS. */
  Escalated = 'escalated',
  /** A department has no crew on duty (nobody could be called). */
  NoCrewOnDuty = 'no_crew_on_duty',
  /** Planned work of the next day that clashes with the incident was flagged. */
  ClashFlagged = 'clash_flagged',
  /** A rush task changed status (started, done). */
  TaskStatus = 'task_status',
  /** The coordinator was reminded of the paperwork before its deadline. */
  PaperworkReminded = 'paperwork_reminded',
  /** A post to the residents' group was sent (the announcements service records it). */
  ResidentPostSent = 'resident_post_sent',
  Closed = 'closed',
}

/** Who an event is attributed to. */
export type IncidentActorKind = 'user' | 'crew' | 'system';

export interface IncidentEventDto {
  id: string;
  incidentId: string;
  kind: IncidentEventKind;
  at: string;
  actorKind: IncidentActorKind;
  /** The user's display name, the crew's name, or 'system'. */
  actorName: string;
  departmentId: string | null;
  departmentName: string | null;
  taskId: string | null;
  /** Free details: channel kinds, the task's new status, the announcement id, a note. */
  detail: Record<string, unknown>;
}

/** Where the incident is, resolved from the location tree (compound → building → unit). */
export interface IncidentSiteDto {
  locationId: string;
  compoundId: string | null;
  compoundName: string | null;
  buildingId: string | null;
  buildingName: string | null;
  unitId: string | null;
  unitName: string | null;
  /** The most precise address known (the location's or its parents'). */
  address: string | null;
  /** Households of the location (a unit: its own; a building or compound: all inside). */
  households: number;
  /** Access notes the coordinator typed (gate code, where to park, who has the key). */
  accessNotes: string;
}

/** One channel of a call-out (or of the duty lead's escalation SMS). */
export interface IncidentCalloutDto {
  id: string;
  purpose: 'callout' | 'escalation';
  kind: string;
  status: string;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
}

/** A department called in, with its on-duty crew and where it stands. */
export interface IncidentDepartmentDto {
  departmentId: string;
  departmentName: string;
  departmentKind: DepartmentKind;
  /** The crew on duty when the incident was opened (null: nobody on duty, see NoCrewOnDuty). */
  crewId: string | null;
  crewName: string | null;
  crewLeader: string | null;
  crewPhone: string | null;
  dutyLeadName: string | null;
  dutyLeadPhone: string | null;
  status: IncidentDepartmentStatus;
  notifiedAt: string | null;
  acknowledgedAt: string | null;
  onSiteAt: string | null;
  doneAt: string | null;
  escalatedAt: string | null;
  /** Visible to admins and coordinators only (empty for others). */
  callouts: IncidentCalloutDto[];
}

/** One rush task (or the paperwork task) of the incident, as the board lists it. */
export interface IncidentTaskDto {
  taskId: string;
  code: number;
  /** The playbook step it came from; 'paperwork' for 事故资料. */
  stepKey: string;
  title: string;
  departmentId: string;
  crewId: string | null;
  status: string;
  plannedStart: string;
  plannedFinish: string;
  /** Task ids this one waits for. */
  predecessorIds: string[];
}

/** Planned work that clashes with the incident (flagged to the coordinators). */
export interface IncidentClashDto {
  taskId: string;
  taskTitle: string;
  projectId: string;
  crewId: string | null;
  crewName: string | null;
  locationName: string | null;
  start: string;
  finish: string;
  /** same-crew: the on-duty crew is booked on it; same-location: it is at or inside the incident's building. */
  reason: 'same-crew' | 'same-location';
}

/** An incident as lists show it. */
export interface IncidentDto {
  id: string;
  version: number;
  /** e.g. INC-20261204-01 */
  code: string;
  kind: IncidentKind;
  severity: IncidentSeverity;
  status: IncidentStatus;
  /** What happened, one line (e.g. 八经街32号楼1单元缓步台电缆起火). */
  title: string;
  description: string;
  callerName: string;
  callerPhone: string | null;
  reportedAt: string;
  reportedById: string;
  reportedByName: string;
  site: IncidentSiteDto;
  /** The incident's project (24-hour calendar) holding its rush tasks. */
  projectId: string;
  /** That project's time zone: the board shows local times and days in it. */
  timeZone: string;
  paperworkTaskId: string;
  /** reportedAt + 24 h. */
  paperworkDueAt: string;
  paperworkDone: boolean;
  closedAt: string | null;
  closedByName: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/incidents/:id and the stream's `incident` event: the board's whole state. */
export interface IncidentDetailDto extends IncidentDto {
  departments: IncidentDepartmentDto[];
  tasks: IncidentTaskDto[];
  /** Oldest first. */
  events: IncidentEventDto[];
  clashes: IncidentClashDto[];
  /** Server time of the snapshot (elapsed times are computed against it). */
  now: string;
}

/** POST /api/incidents */
export interface CreateIncidentRequest {
  kind: IncidentKind;
  severity: IncidentSeverity;
  title: string;
  description?: string;
  callerName: string;
  callerPhone?: string;
  /** Default: now. At most 24 h in the past, never in the future. */
  reportedAt?: string;
  /** A compound, building or unit of the location tree. */
  locationId: string;
  accessNotes?: string;
}

/** POST /api/incidents/:id/departments/:departmentId/status */
export interface SetIncidentDepartmentStatusRequest {
  status: IncidentDepartmentStatus.Acknowledged | IncidentDepartmentStatus.OnSite | IncidentDepartmentStatus.Done;
  note?: string;
}

/** POST /api/incidents/:id/close */
export interface CloseIncidentRequest {
  note?: string;
}

/** POST /api/incidents/:id/resident-posts — a post to the residents' group was sent (by hand or by the announcements service). */
export interface RecordResidentPostRequest {
  /** The announcement it was (when the announcements service sent it). */
  announcementId?: string;
  /** Where it went, e.g. "32号楼居民群". */
  channel?: string;
  text?: string;
}

/** A dependency of a playbook step on an earlier step (by key). */
export interface PlaybookStepLinkDto {
  step: string;
  /** Default FS. */
  type?: DependencyType | `${DependencyType}`;
  /** Minutes (the incident calendar runs 24 h), default 0. */
  lagMinutes?: number;
}

/** One step of a playbook; becomes one rush task when an incident is opened. */
export interface PlaybookStepDto {
  /** Unique within the playbook, e.g. 'power-safe'. */
  key: string;
  title: string;
  departmentId: string;
  /** Usual duration in minutes. */
  durationMinutes: number;
  dependsOn: PlaybookStepLinkDto[];
  content: string;
  materials: { name: string; quantity?: number; unit?: string }[];
  tools: string[];
  safetyNotes: string;
  /** What the step cuts for residents while it runs (e.g. power while the cable is made safe). */
  interruption?: InterruptionKind | `${InterruptionKind}` | null;
}

export interface PlaybookDto {
  id: string;
  version: number;
  kind: IncidentKind;
  name: string;
  /** Departments called in at once when an incident of the kind is opened (besides the steps'). */
  departmentIds: string[];
  steps: PlaybookStepDto[];
  /** Department of the paperwork task 事故资料 (usually the community). */
  paperworkDepartmentId: string;
  safetyNotes: string;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/playbooks (PATCH: any subset plus `version`). */
export interface PlaybookRequest {
  kind: IncidentKind;
  name: string;
  departmentIds: string[];
  steps: PlaybookStepDto[];
  paperworkDepartmentId: string;
  safetyNotes?: string;
}

/** One duty period of a crew. */
export interface OnCallShiftDto {
  crewId: string;
  crewName?: string;
  startsAt: string;
  endsAt: string;
}

/** GET /api/on-call/:departmentId — a department's roster. */
export interface OnCallRosterDto {
  departmentId: string;
  departmentName: string;
  version: number;
  /** The duty lead (值班负责人) escalations go to by SMS. */
  dutyLeadName: string | null;
  dutyLeadPhone: string | null;
  /** On duty whenever no shift covers the moment (null: nobody). */
  defaultCrewId: string | null;
  defaultCrewName: string | null;
  shifts: OnCallShiftDto[];
  /** The crew on duty at the time of the request. */
  onDutyCrewId: string | null;
  onDutyCrewName: string | null;
}

/** PUT /api/on-call/:departmentId — replaces the roster (version: the one read; 0 or absent when there was none). */
export interface OnCallRosterRequest {
  version?: number;
  dutyLeadName?: string | null;
  dutyLeadPhone?: string | null;
  defaultCrewId?: string | null;
  shifts: { crewId: string; startsAt: string; endsAt: string }[];
}

/**
 * The hook the announcements service implements to tell residents (provided in Nest under
 * the token INCIDENT_RESIDENT_POSTS of @worksite/incidents-data-access; optional). Called
 * after an incident is opened and after a step that cuts a utility is done (e.g. power
 * restored), outside the incident's transaction; when the post is sent, the implementer
 * records it with IncidentTimeline.recordResidentPost (ResidentPostSent event).
 */
export interface IncidentResidentPosts {
  incidentOpened(incident: IncidentResidentContext): Promise<void>;
  incidentUpdated(incident: IncidentResidentContext, change: IncidentResidentChange): Promise<void>;
}

/** What residents need to know about an incident. */
export interface IncidentResidentContext {
  incidentId: string;
  code: string;
  kind: IncidentKind;
  title: string;
  reportedAt: string;
  site: IncidentSiteDto;
  /** Utilities cut by the rush tasks, with the buildings' location ids and planned times. */
  interruptions: {
    kind: InterruptionKind | `${InterruptionKind}`;
    taskId: string;
    startsAt: string;
    endsAt: string;
    locationIds: string[];
  }[];
  departmentNames: string[];
  coordinatorName: string;
  coordinatorPhone: string | null;
}

export type IncidentResidentChange =
  | { kind: 'restored'; utility: InterruptionKind | `${InterruptionKind}`; taskId: string; at: string }
  | { kind: 'closed'; at: string };
