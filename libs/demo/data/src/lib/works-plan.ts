import { scheduleProject, WorkingCalendar } from '@worksite/scheduling-engine';
import { InterruptionKind, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { addDays, dayRange, instantOf, localDateOf } from '@worksite/shared-util-time';
import { COMPOUNDS } from './data/community.data';
import { DepartmentKey } from './data/organisations.data';
import { dutyStep } from './data/work-steps.data';
import { assignCrews } from './crew-rotation';
import { PlanLink, PlanTask } from './plan-types';
import { plannedStatusAt } from './task-status';
import { compoundChain, constraintOf, TaskDraft } from './works-chain';

export interface WorksPlanInput {
  code: string;
  /** Local date the project starts on; the plan depends on it, not on `now`. */
  startDate: string;
  zone: string;
  calendar: WorkingCalendar;
  /** Crews that take planned works, per department. */
  crews: Partial<Record<DepartmentKey, string[]>>;
  /** The seeding instant: sets statuses and progress only. */
  now: number;
}

export interface WorksPlan {
  tasks: PlanTask[];
  links: PlanLink[];
  finishDate: string;
}

/** Compounds start in batches: compound i on working day ⌊0.8·i⌋ of the project. */
const BATCH_SPACING = 0.8;
const MINUTE = 60_000;

/** First working instant of each day with working time, from `date` on. */
export function workingDayStarts(calendar: WorkingCalendar, date: string, zone: string, count: number): number[] {
  const starts: number[] = [];
  for (let d = 0; starts.length < count && d < 400; d++) {
    const { start, end } = dayRange(addDays(date, d), zone);
    if (calendar.workingMinutesBetween(start.getTime(), end.getTime()) > 0)
      starts.push(calendar.nextWorkingInstant(start.getTime()));
  }
  return starts;
}

/**
 * The 飞线入地 plan over the 26 compounds: each compound's chain across departments,
 * scheduled by the engine in the project calendar, crews rotated without double bookings
 * where possible, two approved power cuts pinned (manual), a safety watch on days without
 * working time while trenches are open, and statuses as of `now`.
 */
export function buildWorksPlan(input: WorksPlanInput): WorksPlan {
  const { code, calendar, zone } = input;
  const projectStart = instantOf(input.startDate, '00:00', zone).getTime();
  const batchDays = workingDayStarts(
    calendar,
    input.startDate,
    zone,
    Math.floor(BATCH_SPACING * (COMPOUNDS.length - 1)) + 1,
  );
  const drafts: TaskDraft[] = [];
  const links: PlanLink[] = [];
  COMPOUNDS.forEach((compound, i) => {
    const part = compoundChain(code, i, compound, batchDays[Math.floor(BATCH_SPACING * i)]);
    drafts.push(...part.drafts);
    links.push(...part.links);
  });

  const outcome = scheduleProject(
    {
      start: projectStart,
      tasks: drafts.map((d) => ({ id: d.key, duration: d.duration, constraint: constraintOf(d) })),
      links: links.map((l, k) => ({
        id: String(k),
        predecessorId: l.predecessor,
        successorId: l.successor,
        type: l.type,
        lag: l.lag,
      })),
    },
    calendar,
  );
  if (!outcome.ok) throw new Error(`the demo plan cannot be scheduled: ${JSON.stringify(outcome.error)}`);
  const times = new Map(outcome.result.tasks.map((t) => [t.id, t]));

  const tasks: PlanTask[] = drafts.map((draft) => {
    const { start, finish } = times.get(draft.key) as { start: number; finish: number };
    const interruption = draft.interruption && {
      kind: draft.interruption.kind,
      start: draft.interruption.span === 'whole' ? start : calendar.addWorkingMinutes(finish, -120),
      end: finish,
      locations: draft.interruption.locations,
    };
    return {
      key: draft.key,
      department: draft.department,
      crew: null,
      location: draft.location,
      text: draft.text,
      duration: draft.duration,
      start,
      finish,
      mode: SchedulingMode.Automatic,
      constraint: constraintOf(draft),
      needsUtilities: draft.needsUtilities,
      interruption,
      status: TaskStatus.Planned,
      progress: 0,
    };
  });

  pinApprovedPowerCuts(tasks, addDays(input.startDate, 15), zone);
  const crewOf = assignCrews(groupJobs(drafts, tasks, input.crews));
  drafts.forEach((draft, k) => (tasks[k].crew = crewOf.get(draft.crewGroup) ?? null));
  tasks.push(...safetyWatches(code, tasks, input.crews.construction ?? [], input.startDate, zone, calendar));
  setStatuses(tasks, links, input.now, zone, calendar);

  tasks.sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
  const finish = Math.max(...tasks.map((t) => t.finish));
  return { tasks, links, finishDate: localDateOf(finish, zone) };
}

function groupJobs(drafts: TaskDraft[], tasks: PlanTask[], crews: Partial<Record<DepartmentKey, string[]>>) {
  const jobs = new Map<string, { group: string; pool: string[]; intervals: { start: number; finish: number }[] }>();
  drafts.forEach((draft, k) => {
    const job = jobs.get(draft.crewGroup) ?? {
      group: draft.crewGroup,
      pool: crews[draft.department] ?? [],
      intervals: [],
    };
    job.intervals.push({ start: tasks[k].start, finish: tasks[k].finish });
    jobs.set(draft.crewGroup, job);
  });
  return [...jobs.values()];
}

/** Two power cuts more than a week ahead are approved and announced: pinned (manual). */
function pinApprovedPowerCuts(tasks: PlanTask[], fromDate: string, zone: string): void {
  const from = instantOf(fromDate, '00:00', zone).getTime();
  const candidates = tasks
    .filter((t) => t.department === 'power' && t.constraint && t.start >= from)
    .sort((a, b) => a.start - b.start || a.key.localeCompare(b.key))
    .slice(0, 2);
  for (const task of candidates) {
    task.mode = SchedulingMode.Manual;
    task.constraint = null;
    task.text = {
      ...task.text,
      content: `${task.text.content}停电计划已报批并提前7日公告，时间固定，不随前序调整。`,
    };
  }
}

/** On a day without working time, a free construction crew watches the newest open trench. */
function safetyWatches(
  code: string,
  tasks: PlanTask[],
  crews: string[],
  startDate: string,
  zone: string,
  calendar: WorkingCalendar,
): PlanTask[] {
  const trenches = tasks.filter((t) => t.key.endsWith('/管沟'));
  const restoreOf = (trench: PlanTask) => tasks.find((t) => t.key === trench.key.replace(/管沟$/, '市容')) as PlanTask;
  const last = localDateOf(Math.max(...tasks.map((t) => t.finish)), zone);
  const watches: PlanTask[] = [];
  for (let date = startDate; date <= last; date = addDays(date, 1)) {
    const { start, end } = dayRange(date, zone);
    if (calendar.workingMinutesBetween(start.getTime(), end.getTime()) > 0) continue;
    const open = trenches
      .filter((t) => t.start < start.getTime() && restoreOf(t).finish > end.getTime())
      .sort((a, b) => b.start - a.start)[0];
    if (!open) continue;
    const watchStart = instantOf(date, '09:00', zone).getTime();
    const watchFinish = watchStart + 90 * MINUTE;
    const free = crews.find(
      (crew) => !tasks.some((t) => t.crew === crew && t.start < watchFinish && t.finish > watchStart),
    );
    watches.push({
      key: `${code}/值守/${date}`,
      department: 'construction',
      crew: free ?? open.crew,
      location: open.location,
      text: dutyStep(open.location),
      duration: calendar.workingMinutesBetween(watchStart, watchFinish),
      start: watchStart,
      finish: watchFinish,
      mode: SchedulingMode.Manual,
      constraint: null,
      needsUtilities: [] as InterruptionKind[],
      interruption: null,
      status: TaskStatus.Planned,
      progress: 0,
    });
  }
  return watches;
}

/**
 * Statuses as of `now` (see {@link plannedStatusAt}), then two departures from the plan:
 * the latest finished automatic task whose successors have not started is running late
 * (80 %), and the first trench beyond tomorrow waits for its dig permit (blocked).
 */
function setStatuses(tasks: PlanTask[], links: PlanLink[], now: number, zone: string, calendar: WorkingCalendar): void {
  const readyBefore = dayRange(addDays(localDateOf(now, zone), 1), zone).end.getTime();
  for (const task of tasks) Object.assign(task, plannedStatusAt(task, now, readyBefore, calendar));
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const successorsStarted = (task: PlanTask) =>
    links.some((l) => l.predecessor === task.key && (byKey.get(l.successor) as PlanTask).start <= now);
  const late = tasks
    .filter((t) => t.status === TaskStatus.Done && t.mode === SchedulingMode.Automatic && !successorsStarted(t))
    .sort((a, b) => b.finish - a.finish)[0];
  if (late) Object.assign(late, { status: TaskStatus.InProgress, progress: 80 });
  const blocked = tasks
    .filter((t) => t.key.endsWith('/管沟') && t.start >= readyBefore + 2 * 86_400_000)
    .sort((a, b) => a.start - b.start)[0];
  if (blocked) {
    blocked.status = TaskStatus.Blocked;
    blocked.text = { ...blocked.text, content: `${blocked.text.content}【受阻】挖掘许可证待区城建局审批。` };
  }
}
