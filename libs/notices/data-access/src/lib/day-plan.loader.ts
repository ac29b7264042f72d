import { Injectable } from '@nestjs/common';
import {
  DayTaskInput,
  isHeld,
  NoticeConstraint,
  NoticeContent,
  NoticeDayInput,
  NoticeLocation,
} from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { dayRange, weekdayOf } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';
import { Batcher } from './batcher';
import { DAY_PLAN_SQL, DAY_PLANS_SQL } from './day-plan.sql';
import { queryPrepared } from './sql';

/** A task as DAY_PLAN_SQL returns it (inside JSON: timestamps are strings). */
interface TaskJson {
  id: string;
  project_id: string;
  project_name: string;
  time_zone: string;
  coordinator_name: string | null;
  coordinator_phone: string | null;
  not_ready_policy: 'mark' | 'hold';
  weekly_windows: Record<string, { start: string; end: string }[]>;
  title: string;
  content: string;
  planned_start: string;
  planned_finish: string;
  status: string;
  materials: DayTaskInput['materials'] | null;
  tools: string[] | null;
  safety_notes: string;
  interruption_kind: string | null;
  interruption_starts_at: string | null;
  interruption_ends_at: string | null;
}

type PathStep = { kind: string; name: string; address: string | null } | null;

interface DayRow {
  crew: (NoticeContent['crew'] & { language: string }) | null;
  first_notice: { id: string; runId: string | null } | null;
  tasks: {
    task: TaskJson;
    path: PathStep[] | null;
    predecessors: DayTaskInput['predecessors'] | null;
    neighbours: DayTaskInput['neighbours'] | null;
    constraints: NoticeConstraint[] | null;
  }[];
}

/** The day of one crew as the database has it. */
export interface CrewDay {
  input: NoticeDayInput;
  projectIds: string[];
  /** The crew's first notice for the date, if it has one already. */
  firstNotice: { id: string; runId: string | null } | null;
  /** Tasks on the date its projects hold back from the notice (not ready, policy 'hold'). */
  heldTaskIds: string[];
}

/** ISO instant in UTC, as the notice content stores instants. */
const iso = (value: string) => new Date(value).toISOString();

/**
 * Reads everything one crew's notice for one local date says: the crew, its tasks on the
 * date (not cancelled, any project), where they are (compound → building → unit, address),
 * their predecessors and whether those are done, the other crews on the same sites that day
 * the projects' coordinators, and each task's open make-ready constraints. One query (DAY_PLAN_SQL): composing 10,000 notices a
 * night, round trips are what costs.
 */
@Injectable()
export class DayPlanLoader {
  /** Per date: the crews whose day is asked for at about the same time, read together. */
  private readonly batchers = new Map<string, Batcher<string, DayRow>>();

  constructor(private readonly config: AppConfig) {}

  async load(manager: EntityManager, crewId: string, date: string): Promise<CrewDay | undefined> {
    // Outside a transaction, the crews of a night run read together (DAY_PLANS_SQL, prepared):
    // planning the query cost several times what running it does, and every round trip costs
    // both processes (PostgreSQL's statement log and the worker's profile of a night run).
    const row = manager.queryRunner
      ? ((await manager.query(DAY_PLAN_SQL, [crewId, date])) as DayRow[])[0]
      : await batcherOf(this.batchers, manager, date).load(crewId);
    if (!row?.crew) return undefined;
    const onDate = row.tasks.filter(({ task }) => worksOn(task, date));
    const inputs: DayTaskInput[] = onDate.map(({ task, path, predecessors, neighbours, constraints }) => {
      const windows = task.weekly_windows[String(weekdayOf(date))] ?? [];
      return {
        id: task.id,
        projectId: task.project_id,
        projectName: task.project_name,
        timeZone: task.time_zone,
        title: task.title,
        content: task.content,
        plannedStart: iso(task.planned_start),
        plannedFinish: iso(task.planned_finish),
        status: task.status,
        materials: task.materials ?? [],
        tools: task.tools ?? [],
        safetyNotes: task.safety_notes,
        location: path ? locationOf(path.filter((step): step is NonNullable<PathStep> => step !== null)) : null,
        interruption:
          task.interruption_kind && task.interruption_starts_at && task.interruption_ends_at
            ? {
                kind: task.interruption_kind,
                startsAt: iso(task.interruption_starts_at),
                endsAt: iso(task.interruption_ends_at),
              }
            : null,
        workingDay: windows.length ? { start: windows[0].start, end: windows[windows.length - 1].end } : null,
        predecessors: predecessors ?? [],
        neighbours: (neighbours ?? []).map((other) => ({
          ...other,
          plannedStart: iso(other.plannedStart),
          plannedFinish: iso(other.plannedFinish),
        })),
        openConstraints: constraints ?? [],
        notReadyPolicy: task.not_ready_policy,
      };
    });
    const projects = new Map(onDate.map(({ task }) => [task.project_id, task]));
    const { language, ...crew } = row.crew;
    return {
      firstNotice: row.first_notice,
      heldTaskIds: inputs.filter(isHeld).map((task) => task.id),
      projectIds: [...projects.keys()],
      input: {
        crew,
        date,
        timeZone: onDate[0]?.task.time_zone ?? this.config.APP_TIMEZONE,
        language: language === 'en' ? 'en' : 'zh-CN',
        tasks: inputs,
        contacts: [...projects.values()]
          .filter((p) => p.coordinator_name)
          .map((p) => ({
            name: p.coordinator_name as string,
            phone: p.coordinator_phone,
            projectName: p.project_name,
          })),
      },
    };
  }
}

/** The batcher of one date (a night run has one; the map is kept small). */
function batcherOf(
  batchers: Map<string, Batcher<string, DayRow>>,
  manager: EntityManager,
  date: string,
): Batcher<string, DayRow> {
  let batcher = batchers.get(date);
  if (!batcher) {
    if (batchers.size >= 16) batchers.clear();
    batcher = new Batcher<string, DayRow>(async (crewIds) => {
      const rows = await queryPrepared<DayRow & { for_crew_id: string }>(manager.connection, DAY_PLANS_SQL, [
        crewIds,
        date,
      ]);
      return new Map(rows.map((row) => [row.for_crew_id, row]));
    });
    batchers.set(date, batcher);
  }
  return batcher;
}

/** Compound, building, unit or street names along the path (nearest first), and the nearest address. */
export function locationOf(path: { kind: string; name: string; address: string | null }[]): NoticeLocation {
  const named = (kind: string) => path.find((step) => step.kind === kind)?.name ?? null;
  return {
    compound: named('compound'),
    building: named('building'),
    unit: named('unit'),
    street: named('street_segment'),
    address: path.find((step) => step.address)?.address ?? null,
  };
}

/** Whether a task has work on the local date (one ending exactly at its midnight has none). */
function worksOn(task: TaskJson, date: string): boolean {
  const day = dayRange(date, task.time_zone);
  const start = Date.parse(task.planned_start);
  const finish = Date.parse(task.planned_finish);
  if (finish === start) return start >= day.start.getTime() && start < day.end.getTime();
  return start < day.end.getTime() && finish > day.start.getTime();
}
