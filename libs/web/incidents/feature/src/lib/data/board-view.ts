import {
  INCIDENT_DEPARTMENT_STATUS_ORDER,
  IncidentDepartmentDto,
  IncidentDepartmentStatus,
  IncidentDetailDto,
  IncidentEventDto,
  IncidentTaskDto,
} from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';
import { elapsedBetween } from './elapsed';

/** The four steps a department card shows, in order. */
export const CARD_STEPS = ['notified', 'acknowledged', 'on_site', 'done'] as const;
export type CardStep = (typeof CARD_STEPS)[number];

const STEP_TIME: Record<CardStep, keyof IncidentDepartmentDto> = {
  notified: 'notifiedAt',
  acknowledged: 'acknowledgedAt',
  on_site: 'onSiteAt',
  done: 'doneAt',
};

export interface CardStepView {
  step: CardStep;
  /** When it happened (null: not yet). */
  at: string | null;
  /** Milliseconds since the report (null: not yet). */
  sinceReport: number | null;
  /** It happened on another local day than the report: its date is shown with its time. */
  otherDay: boolean;
}

/** What a coordinator may set next on a department: the later statuses only. */
export type SettableStatus =
  | IncidentDepartmentStatus.Acknowledged
  | IncidentDepartmentStatus.OnSite
  | IncidentDepartmentStatus.Done;

export interface DepartmentCardView {
  department: IncidentDepartmentDto;
  steps: CardStepView[];
  /** The statuses later than the current one (forward moves only). */
  next: SettableStatus[];
  /** Not acknowledged yet: minutes waiting count, so the card is marked. */
  waiting: boolean;
  /** Nobody was on duty to call: the coordinator must phone the department. */
  noCrew: boolean;
  /** Its duty lead was escalated to on another local day than the report (the date is shown). */
  escalatedOtherDay: boolean;
}

const SETTABLE: SettableStatus[] = [
  IncidentDepartmentStatus.Acknowledged,
  IncidentDepartmentStatus.OnSite,
  IncidentDepartmentStatus.Done,
];

const rank = (status: IncidentDepartmentStatus) => INCIDENT_DEPARTMENT_STATUS_ORDER.indexOf(status);

/** The departments called in, those with a crew on duty first (in the server's order otherwise). */
export function departmentCards(incident: IncidentDetailDto): DepartmentCardView[] {
  const dayOf = (instant: string) => localDateOf(Date.parse(instant), incident.timeZone);
  const reportDay = dayOf(incident.reportedAt);
  const cards = incident.departments.map((department) => ({
    department,
    steps: CARD_STEPS.map((step) => {
      const at = department[STEP_TIME[step]] as string | null;
      return {
        step,
        at,
        sinceReport: elapsedBetween(incident.reportedAt, at),
        otherDay: at !== null && dayOf(at) !== reportDay,
      };
    }),
    next: SETTABLE.filter((status) => rank(status) > rank(department.status)),
    waiting: rank(department.status) < rank(IncidentDepartmentStatus.Acknowledged),
    noCrew: department.crewId === null,
    escalatedOtherDay: department.escalatedAt !== null && dayOf(department.escalatedAt) !== reportDay,
  }));
  return [...cards.filter((card) => !card.noCrew), ...cards.filter((card) => card.noCrew)];
}

/** The timeline's events of one local day. */
export interface TimelineDay {
  date: string;
  events: IncidentEventDto[];
}

/** Events oldest first, by local day of `zone`; `spansDays` says whether the dates must show. */
export function timelineDays(
  events: readonly IncidentEventDto[],
  zone: string,
): { days: TimelineDay[]; spansDays: boolean } {
  // Stable: events of the same instant keep the server's order.
  const sorted = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const days: TimelineDay[] = [];
  for (const event of sorted) {
    const date = localDateOf(new Date(event.at), zone);
    const last = days[days.length - 1];
    if (last?.date === date) last.events.push(event);
    else days.push({ date, events: [event] });
  }
  return { days, spansDays: days.length > 1 };
}

/** A rush task with the codes of the tasks it waits for. */
export interface RushTaskView {
  task: IncidentTaskDto;
  after: number[];
}

/** The rush tasks in order (planned start, then code), the paperwork task apart. */
export function rushTasks(incident: IncidentDetailDto): { tasks: RushTaskView[]; paperwork: IncidentTaskDto | null } {
  const codes = new Map(incident.tasks.map((task) => [task.taskId, task.code]));
  const paperwork = incident.tasks.find((task) => task.taskId === incident.paperworkTaskId) ?? null;
  const tasks = incident.tasks
    .filter((task) => task !== paperwork)
    .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.code - b.code)
    .map((task) => ({
      task,
      after: task.predecessorIds
        .map((id) => codes.get(id))
        .filter((code): code is number => code !== undefined)
        .sort((a, b) => a - b),
    }));
  return { tasks, paperwork };
}
