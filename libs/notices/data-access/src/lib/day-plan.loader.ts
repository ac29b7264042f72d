import { Injectable } from '@nestjs/common';
import { DayTaskInput, NoticeDayInput, NoticeLanguage, NoticeLocation } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { dayRange, weekdayOf } from '@worksite/shared-util-time';
import { EntityManager } from 'typeorm';

interface CrewRow {
  id: string;
  name: string;
  leader_name: string;
  leader_phone: string | null;
  language: NoticeLanguage;
  contractor_name: string;
  department_name: string;
}

interface TaskRow {
  id: string;
  project_id: string;
  project_name: string;
  time_zone: string;
  coordinator_name: string | null;
  coordinator_phone: string | null;
  weekly_windows: Record<string, { start: string; end: string }[]>;
  title: string;
  content: string;
  planned_start: Date;
  planned_finish: Date;
  status: string;
  materials: DayTaskInput['materials'];
  tools: string[];
  safety_notes: string;
  location_id: string | null;
  interruption_kind: string | null;
  interruption_starts_at: Date | null;
  interruption_ends_at: Date | null;
}

interface LocationRow {
  start_id: string;
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  address: string | null;
  depth: number;
}

/** The day of one crew as the database has it, plus the site (compound or street) of each task. */
export interface CrewDay {
  input: NoticeDayInput;
  projectIds: string[];
}

/**
 * Reads everything one crew's notice for one local date says: the crew, its tasks on the
 * date (not cancelled, any project), where they are (compound → building → unit, address),
 * their predecessors and whether those are done, the other crews on the same sites that day
 * and the projects' coordinators. Five indexed queries, no N+1.
 */
@Injectable()
export class DayPlanLoader {
  constructor(private readonly config: AppConfig) {}

  async load(manager: EntityManager, crewId: string, date: string): Promise<CrewDay | undefined> {
    const [crew] = (await manager.query(
      `SELECT c.id, c.name, c.leader_name, c.leader_phone, c.language,
              ct.name AS contractor_name, d.name AS department_name
         FROM crews c JOIN contractors ct ON ct.id = c.contractor_id JOIN departments d ON d.id = c.department_id
        WHERE c.id = $1`,
      [crewId],
    )) as CrewRow[];
    if (!crew) return undefined;
    const tasks = (await manager.query(
      `SELECT t.id, t.project_id, p.name AS project_name, p.time_zone, p.coordinator_name, p.coordinator_phone,
              cal.weekly_windows, t.title, t.content, t.planned_start, t.planned_finish, t.status, t.materials,
              t.tools, t.safety_notes, t.location_id, t.interruption_kind, t.interruption_starts_at,
              t.interruption_ends_at
         FROM tasks t JOIN projects p ON p.id = t.project_id JOIN calendars cal ON cal.id = p.calendar_id
        WHERE t.crew_id = $1 AND t.start_date <= $2 AND t.finish_date >= $2 AND t.status <> 'cancelled'
        ORDER BY t.planned_start, t.id`,
      [crewId, date],
    )) as TaskRow[];
    const onDate = tasks.filter((task) => worksOn(task, date));
    const taskIds = onDate.map((task) => task.id);
    const locations = await this.locations(manager, onDate);
    const predecessors = await this.predecessors(manager, taskIds);
    const neighbours = await this.neighbours(manager, crewId, date, [
      ...new Set([...locations.values()].map((l) => l.siteId)),
    ]);

    const inputs: DayTaskInput[] = onDate.map((task) => {
      const place = task.location_id ? locations.get(task.location_id) : undefined;
      const windows = task.weekly_windows[String(weekdayOf(date))] ?? [];
      return {
        id: task.id,
        projectId: task.project_id,
        projectName: task.project_name,
        timeZone: task.time_zone,
        title: task.title,
        content: task.content,
        plannedStart: task.planned_start.toISOString(),
        plannedFinish: task.planned_finish.toISOString(),
        status: task.status,
        materials: task.materials ?? [],
        tools: task.tools ?? [],
        safetyNotes: task.safety_notes,
        location: place?.location ?? null,
        interruption:
          task.interruption_kind && task.interruption_starts_at && task.interruption_ends_at
            ? {
                kind: task.interruption_kind,
                startsAt: task.interruption_starts_at.toISOString(),
                endsAt: task.interruption_ends_at.toISOString(),
              }
            : null,
        workingDay: windows.length ? { start: windows[0].start, end: windows[windows.length - 1].end } : null,
        predecessors: predecessors.get(task.id) ?? [],
        neighbours: place ? (neighbours.get(place.siteId) ?? []) : [],
      };
    });
    const projects = new Map(onDate.map((task) => [task.project_id, task]));
    return {
      projectIds: [...projects.keys()],
      input: {
        crew: {
          id: crew.id,
          name: crew.name,
          leaderName: crew.leader_name,
          leaderPhone: crew.leader_phone,
          contractorName: crew.contractor_name,
          departmentName: crew.department_name,
        },
        date,
        timeZone: onDate[0]?.time_zone ?? this.config.APP_TIMEZONE,
        language: crew.language === 'en' ? 'en' : 'zh-CN',
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

  /** Each task location's path up to its compound or street, and that top-level site. */
  private async locations(
    manager: EntityManager,
    tasks: TaskRow[],
  ): Promise<Map<string, { location: NoticeLocation; siteId: string }>> {
    const ids = [...new Set(tasks.map((task) => task.location_id).filter((id): id is string => !!id))];
    const result = new Map<string, { location: NoticeLocation; siteId: string }>();
    if (!ids.length) return result;
    const rows = (await manager.query(
      `WITH RECURSIVE up AS (
         SELECT l.id AS start_id, l.id, l.parent_id, l.kind, l.name, l.address, 0 AS depth
           FROM locations l WHERE l.id = ANY($1::uuid[])
         UNION ALL
         SELECT up.start_id, p.id, p.parent_id, p.kind, p.name, p.address, up.depth + 1
           FROM locations p JOIN up ON p.id = up.parent_id WHERE up.depth < 10
       ) SELECT * FROM up ORDER BY start_id, depth`,
      [ids],
    )) as LocationRow[];
    for (const id of ids) {
      const path = rows.filter((row) => row.start_id === id);
      const named = (kind: string) => path.find((row) => row.kind === kind)?.name ?? null;
      result.set(id, {
        siteId: path[path.length - 1].id,
        location: {
          compound: named('compound'),
          building: named('building'),
          unit: named('unit'),
          street: named('street_segment'),
          address: path.find((row) => row.address)?.address ?? null,
        },
      });
    }
    return result;
  }

  private async predecessors(
    manager: EntityManager,
    taskIds: string[],
  ): Promise<Map<string, DayTaskInput['predecessors']>> {
    const result = new Map<string, DayTaskInput['predecessors']>();
    if (!taskIds.length) return result;
    const rows = (await manager.query(
      `SELECT d.successor_id, p.id, p.title, p.status, c.name AS crew_name, dep.name AS department_name
         FROM dependencies d
         JOIN tasks p ON p.id = d.predecessor_id
         JOIN departments dep ON dep.id = p.department_id
         LEFT JOIN crews c ON c.id = p.crew_id
        WHERE d.successor_id = ANY($1::uuid[])`,
      [taskIds],
    )) as {
      successor_id: string;
      id: string;
      title: string;
      status: string;
      crew_name: string | null;
      department_name: string;
    }[];
    for (const row of rows) {
      const list = result.get(row.successor_id) ?? [];
      list.push({
        taskId: row.id,
        title: row.title,
        status: row.status,
        crewName: row.crew_name,
        departmentName: row.department_name,
      });
      result.set(row.successor_id, list);
    }
    return result;
  }

  /** Other crews' tasks on the date anywhere inside the given sites. */
  private async neighbours(
    manager: EntityManager,
    crewId: string,
    date: string,
    siteIds: string[],
  ): Promise<Map<string, DayTaskInput['neighbours']>> {
    const result = new Map<string, DayTaskInput['neighbours']>();
    if (!siteIds.length) return result;
    const rows = (await manager.query(
      // Locations are at most three deep (compound → building → unit), so "inside the site" is
      // plain joins: a recursive CTE made the planner expect thousands of locations and scan
      // every task of the date for each crew (a night of 10,000 crews became quadratic).
      `WITH inside AS (
         SELECT s.id AS site_id, s.id FROM locations s WHERE s.id = ANY($1::uuid[])
         UNION ALL
         SELECT c.parent_id, c.id FROM locations c WHERE c.parent_id = ANY($1::uuid[])
         UNION ALL
         SELECT c.parent_id, g.id FROM locations c JOIN locations g ON g.parent_id = c.id WHERE c.parent_id = ANY($1::uuid[])
       )
       SELECT inside.site_id, t.title, t.planned_start, t.planned_finish, c.name AS crew_name, d.name AS department_name
         FROM inside
         JOIN tasks t ON t.location_id = inside.id
         JOIN crews c ON c.id = t.crew_id
         JOIN departments d ON d.id = t.department_id
        WHERE t.start_date <= $2 AND t.finish_date >= $2 AND t.crew_id <> $3 AND t.status <> 'cancelled'
        ORDER BY t.planned_start, t.id`,
      [siteIds, date, crewId],
    )) as {
      site_id: string;
      title: string;
      planned_start: Date;
      planned_finish: Date;
      crew_name: string;
      department_name: string;
    }[];
    for (const row of rows) {
      const list = result.get(row.site_id) ?? [];
      list.push({
        crewName: row.crew_name,
        departmentName: row.department_name,
        taskTitle: row.title,
        plannedStart: row.planned_start.toISOString(),
        plannedFinish: row.planned_finish.toISOString(),
      });
      result.set(row.site_id, list);
    }
    return result;
  }
}

/** Whether a task has work on the local date (one ending exactly at its midnight has none). */
function worksOn(task: TaskRow, date: string): boolean {
  const day = dayRange(date, task.time_zone);
  const start = task.planned_start.getTime();
  const finish = task.planned_finish.getTime();
  if (finish === start) return start >= day.start.getTime() && start < day.end.getTime();
  return start < day.end.getTime() && finish > day.start.getTime();
}
