import { addDays, dayRange, instantOf, localDateOf, localTimeOf } from '@worksite/shared-util-time';
import {
  NoticeConstraint,
  NoticeContact,
  NoticeContent,
  NoticeInterruption,
  NoticeLanguage,
  NoticeLocation,
  NoticeMaterial,
  NoticeNeighbour,
  NoticeTask,
} from './notice-content';

/** A task of the crew on the date, as the database gives it (instants as ISO strings). */
export interface DayTaskInput {
  id: string;
  projectId: string;
  projectName: string;
  /** Zone of the task's project. */
  timeZone: string;
  title: string;
  content: string;
  plannedStart: string;
  plannedFinish: string;
  status: string;
  materials: NoticeMaterial[];
  tools: string[];
  safetyNotes: string;
  location: NoticeLocation | null;
  interruption: { kind: string; startsAt: string; endsAt: string } | null;
  /** First working-window start and last end of the date's weekday in the project calendar (HH:mm). */
  workingDay: { start: string; end: string } | null;
  predecessors: { taskId: string; title: string; crewName: string | null; departmentName: string; status: string }[];
  neighbours: {
    crewName: string;
    departmentName: string;
    taskTitle: string;
    plannedStart: string;
    plannedFinish: string;
  }[];
  /** Open make-ready constraints of the task (none: ready). */
  openConstraints?: NoticeConstraint[];
  /** The project's policy for a task that is not ready: say so ('mark', the default) or hold it back. */
  notReadyPolicy?: 'mark' | 'hold';
}

/** Everything needed to compose one crew's notice for one local date. */
export interface NoticeDayInput {
  crew: NoticeContent['crew'];
  date: string;
  timeZone: string;
  language: NoticeLanguage;
  tasks: DayTaskInput[];
  contacts: NoticeContact[];
}

interface Span {
  start: number;
  end: number;
  fromEarlier: boolean;
  later: boolean;
}

/**
 * The part of a task that falls on `date`: a task spanning several days shows, on a middle
 * day, the calendar's working day (or the whole day when the calendar has no window).
 */
export function spanOnDate(
  plannedStart: number,
  plannedFinish: number,
  date: string,
  zone: string,
  workingDay: { start: string; end: string } | null,
): Span {
  const day = dayRange(date, zone);
  const fromEarlier = plannedStart < day.start.getTime();
  const later = plannedFinish > day.end.getTime();
  const start = fromEarlier
    ? workingDay
      ? instantOf(date, workingDay.start, zone).getTime()
      : day.start.getTime()
    : plannedStart;
  const end = later
    ? workingDay
      ? instantOf(date, workingDay.end, zone).getTime()
      : day.end.getTime()
    : plannedFinish;
  return { start, end: Math.max(end, start), fromEarlier, later };
}

/** Local HH:mm; the end of the day reads 24:00 rather than 00:00. */
function clock(instant: number, date: string, zone: string): string {
  const time = localTimeOf(instant, zone);
  return time === '00:00' && instant >= dayRange(date, zone).end.getTime() ? '24:00' : time;
}

/**
 * A task's cut of a utility as the notice of `date` shows it: only when it touches that day
 * (a task lasting several days may cut the network on one of them only), with the local
 * dates of its start and end so that a cut beyond the day is shown with its dates.
 */
export function interruptionOn(
  cut: { kind: string; startsAt: string; endsAt: string },
  date: string,
  zone: string,
): NoticeInterruption | null {
  const start = Date.parse(cut.startsAt);
  const end = Math.max(Date.parse(cut.endsAt), start);
  const day = dayRange(date, zone);
  const touches =
    start === end
      ? start >= day.start.getTime() && start < day.end.getTime()
      : start < day.end.getTime() && end > day.start.getTime();
  if (!touches) return null;
  const startDate = localDateOf(start, zone);
  // An end at midnight is the end of the day before (24:00), not 00:00 of the next.
  const endsAtMidnight = end > start && localTimeOf(end, zone) === '00:00';
  const endDate = endsAtMidnight ? addDays(localDateOf(end, zone), -1) : localDateOf(end, zone);
  return {
    kind: cut.kind,
    start: localTimeOf(start, zone),
    end: endsAtMidnight ? '24:00' : localTimeOf(end, zone),
    startDate,
    endDate,
  };
}

/** A task its project holds back from the crews' notices: not ready, under the policy 'hold'. */
export function isHeld(task: Pick<DayTaskInput, 'openConstraints' | 'notReadyPolicy'>): boolean {
  return task.notReadyPolicy === 'hold' && (task.openConstraints?.length ?? 0) > 0;
}

/**
 * The notice content from the day's data: tasks clipped to the date and in time order. A task
 * that is not ready is marked with its open constraints, or left out when its project holds
 * such tasks back (isHeld).
 */
export function composeNoticeContent(input: NoticeDayInput): NoticeContent {
  const shown = input.tasks.filter((task) => !isHeld(task));
  const tasks: NoticeTask[] = shown.map((task) => {
    const span = spanOnDate(
      Date.parse(task.plannedStart),
      Date.parse(task.plannedFinish),
      input.date,
      task.timeZone,
      task.workingDay,
    );
    const neighbours: NoticeNeighbour[] = task.neighbours
      .map((other) => {
        const otherSpan = spanOnDate(
          Date.parse(other.plannedStart),
          Date.parse(other.plannedFinish),
          input.date,
          task.timeZone,
          task.workingDay,
        );
        return {
          crewName: other.crewName,
          departmentName: other.departmentName,
          taskTitle: other.taskTitle,
          start: clock(otherSpan.start, input.date, task.timeZone),
          end: clock(otherSpan.end, input.date, task.timeZone),
        };
      })
      .sort((a, b) => a.start.localeCompare(b.start) || a.crewName.localeCompare(b.crewName));
    return {
      taskId: task.id,
      projectId: task.projectId,
      projectName: task.projectName,
      title: task.title,
      content: task.content,
      start: clock(span.start, input.date, task.timeZone),
      end: clock(span.end, input.date, task.timeZone),
      startsAt: new Date(span.start).toISOString(),
      endsAt: new Date(span.end).toISOString(),
      continuesFromEarlier: span.fromEarlier,
      continuesLater: span.later,
      location: task.location,
      materials: task.materials.map((m) => ({ ...m })),
      tools: [...task.tools],
      safetyNotes: task.safetyNotes,
      status: task.status,
      interruption: task.interruption ? interruptionOn(task.interruption, input.date, task.timeZone) : null,
      predecessors: task.predecessors
        .map((p) => ({ ...p, done: p.status === 'done' }))
        .sort((a, b) => a.title.localeCompare(b.title)),
      neighbours,
      // Only on a task that is not ready: a ready task's content stays as it was before make-ready.
      ...(task.openConstraints?.length ? { notReady: task.openConstraints.map((c) => ({ ...c })) } : {}),
    };
  });
  tasks.sort(
    (a, b) =>
      a.startsAt.localeCompare(b.startsAt) || a.endsAt.localeCompare(b.endsAt) || a.taskId.localeCompare(b.taskId),
  );
  return {
    crew: input.crew,
    date: input.date,
    timeZone: input.timeZone,
    language: input.language,
    tasks,
    contacts: input.contacts,
  };
}
