import { ProjectScheduleDto } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';

/** How many projects' schedules one api process keeps (a 10,000-task schedule is about 15 MB of JSON). */
const CAPACITY = 4;

/** A computed schedule of a whole project, and its JSON once someone asked for all of it. */
export interface CachedSchedule {
  revision: string;
  schedule: ProjectScheduleDto;
  json?: string;
}

/**
 * The revision of everything a project's schedule is computed from: the project, its tasks
 * and links, its calendar with holidays and blackouts. Every write bumps a version, a count
 * or an updated_at among these, so an unchanged revision means an unchanged schedule.
 */
export async function scheduleRevision(manager: EntityManager, projectId: string): Promise<string> {
  const summary = (table: string, where: string) =>
    `(SELECT count(*) || ':' || coalesce(sum(x.version), 0) || ':' || coalesce(extract(epoch FROM max(x.updated_at)), 0)
        FROM ${table} x ${where})`;
  const [{ revision }] = await manager.query(
    `SELECT concat_ws('|',
       ${summary('projects', 'WHERE x.id = $1')},
       ${summary('tasks', 'WHERE x.project_id = $1')},
       ${summary('dependencies', 'WHERE x.project_id = $1')},
       ${summary('calendars', 'JOIN projects p ON p.calendar_id = x.id WHERE p.id = $1')},
       ${summary('calendar_exceptions', 'JOIN projects p ON p.calendar_id = x.calendar_id WHERE p.id = $1')},
       ${summary('blackout_windows', 'JOIN projects p ON p.calendar_id = x.calendar_id WHERE p.id = $1')}
     ) AS revision`,
    [projectId],
  );
  return revision;
}

/**
 * Recently computed project schedules, per api process, checked against the database's
 * revision on every use, so a stale entry is never served (reopening a 10,000-task Gantt
 * skips loading and computing it again).
 */
export class ScheduleCache {
  private readonly entries = new Map<string, CachedSchedule>();

  get(projectId: string, revision: string): CachedSchedule | undefined {
    const entry = this.entries.get(projectId);
    if (!entry || entry.revision !== revision) return undefined;
    // Most recently used last.
    this.entries.delete(projectId);
    this.entries.set(projectId, entry);
    return entry;
  }

  set(projectId: string, entry: CachedSchedule): void {
    this.entries.delete(projectId);
    this.entries.set(projectId, entry);
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
  }
}
