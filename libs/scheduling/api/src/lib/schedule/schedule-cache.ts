import { ProjectNetwork, ScheduledNetwork } from '@worksite/scheduling-data-access';
import { ChainIndex } from '@worksite/scheduling-engine';
import { CompactColumns, ScheduleSource } from '@worksite/schedule-wire';
import { ProjectScheduleDto } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';
import type { ScheduleBody } from './schedule-body';

/** How many projects' schedules one api process keeps (a 10,000-task schedule is about 15 MB of JSON). */
const CAPACITY = 4;

/**
 * A computed schedule of a whole project: the rows and the engine's result (the critical
 * path and the chains read them), the schedule with instants as epoch ms (the compact form is
 * encoded from it), the DTO once someone needs it, and the bodies by form and encoding once
 * someone asked for all of it.
 */
export interface CachedSchedule {
  revision: string;
  network: ProjectNetwork;
  scheduled: ScheduledNetwork;
  source: ScheduleSource;
  schedule?: ProjectScheduleDto;
  bodies: Map<string, ScheduleBody>;
  /** What the compact form's text was made from, once made (the next revision's text is made from it). */
  columns?: CompactColumns;
  /** An earlier revision's, to make this one's compact text from; dropped once used. */
  earlierColumns?: CompactColumns;
  /** Its engine went on to a later revision's schedule (see advancedSchedule): build one to go on from here. */
  engineTaken?: boolean;
  /** The chains' index over the result, built on the first chain asked for. */
  chains?: ChainIndex;
}

/** Anything computed from a project's plan at one revision. */
export interface Revisioned {
  revision: string;
}

/**
 * SQL of a revision of a table's rows (`x`): their count, sum of versions and latest change,
 * which changes whenever one of them does.
 */
export const rowsRevision = (table: string, where = '') =>
  `(SELECT count(*) || ':' || coalesce(sum(x.version), 0) || ':' || coalesce(extract(epoch FROM max(x.updated_at)), 0)
      FROM ${table} x ${where})`;

/**
 * The revision of everything a project's schedule is computed from: the project, its tasks
 * and links, its calendar with holidays and blackouts. Every write bumps a version, a count
 * or an updated_at among these, so an unchanged revision means an unchanged schedule.
 */
export async function scheduleRevision(manager: EntityManager, projectId: string): Promise<string> {
  const [{ revision }] = await manager.query(
    `SELECT concat_ws('|',
       ${rowsRevision('projects', 'WHERE x.id = $1')},
       ${rowsRevision('tasks', 'WHERE x.project_id = $1')},
       ${rowsRevision('dependencies', 'WHERE x.project_id = $1')},
       ${rowsRevision('calendars', 'JOIN projects p ON p.calendar_id = x.id WHERE p.id = $1')},
       ${rowsRevision('calendar_exceptions', 'JOIN projects p ON p.calendar_id = x.calendar_id WHERE p.id = $1')},
       ${rowsRevision('blackout_windows', 'JOIN projects p ON p.calendar_id = x.calendar_id WHERE p.id = $1')}
     ) AS revision`,
    [projectId],
  );
  return revision;
}

/** Which of the tables behind a schedule revision changed between two revisions (see scheduleRevision). */
export function revisionChanges(before: string, after: string): { plan: boolean; tasks: boolean; links: boolean } {
  const [project, tasks, links, ...calendar] = before.split('|');
  const [project2, tasks2, links2, ...calendar2] = after.split('|');
  return {
    plan: project !== project2 || calendar.join('|') !== calendar2.join('|'),
    tasks: tasks !== tasks2,
    links: links !== links2,
  };
}

/** The revision of the places (which building is in which compound): conflicts depend on it too. */
export async function locationsRevision(manager: EntityManager): Promise<string> {
  const [{ revision }] = await manager.query(`SELECT ${rowsRevision('locations')} AS revision`);
  return revision;
}

/**
 * What was recently computed from project plans (schedules, conflicts), per api process,
 * checked against the database's revision on every use, so a stale entry is never served
 * (reopening a 10,000-task Gantt skips loading and computing it again). Keyed by project,
 * or by project and whatever else the result depends on (a range of days).
 */
export class RevisionCache<T extends Revisioned> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = CAPACITY) {}

  get(key: string, revision: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** The entry kept for `key` whatever its revision (a stale one is a start for the next). */
  latest(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: T): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
