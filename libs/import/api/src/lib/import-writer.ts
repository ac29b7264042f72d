import { ApiError } from '@worksite/api-core';
import { DependencyEntity, TaskEntity } from '@worksite/server-data-access';
import { EntityManager } from 'typeorm';

const CHUNK = 2_000;

const TASK_RECORD = `m(code int, id uuid, version int, project_id uuid, external_code text, title text, department_id uuid,
  crew_id uuid, location_id uuid, planned_start timestamptz, planned_finish timestamptz, start_date date,
  finish_date date, duration_minutes int, materials jsonb, tools jsonb, safety_notes text, status text,
  scheduling_mode text, constraint_type text, constraint_at timestamptz, interruption_kind text,
  interruption_starts_at timestamptz, interruption_ends_at timestamptz)`;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A task as one JSON record of the bulk statements (snake_case, as jsonb_to_recordset reads it). */
function record(task: TaskEntity) {
  return {
    code: task.code,
    id: task.id,
    version: task.version,
    project_id: task.projectId,
    external_code: task.externalCode,
    title: task.title,
    department_id: task.departmentId,
    crew_id: task.crewId,
    location_id: task.locationId,
    planned_start: iso(task.plannedStart),
    planned_finish: iso(task.plannedFinish),
    start_date: task.startDate,
    finish_date: task.finishDate,
    duration_minutes: task.durationMinutes,
    materials: task.materials,
    tools: task.tools,
    safety_notes: task.safetyNotes,
    status: task.status,
    scheduling_mode: task.schedulingMode,
    constraint_type: task.constraintType,
    constraint_at: iso(task.constraintAt),
    interruption_kind: task.interruptionKind,
    interruption_starts_at: iso(task.interruptionStartsAt),
    interruption_ends_at: iso(task.interruptionEndsAt),
  };
}

async function chunked<T>(items: readonly T[], write: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let at = 0; at < items.length; at += CHUNK) await write(items.slice(at, at + CHUNK));
}

/**
 * Inserts tasks (ids chosen by the caller) with a few multi-row statements. Their codes (the
 * project's sequential numbers) are the next ones of the project's counter, as the insert
 * trigger would give them one by one; the caller holds the project's lock.
 */
export async function insertTasks(
  manager: EntityManager,
  projectId: string,
  tasks: readonly TaskEntity[],
): Promise<void> {
  if (tasks.length === 0) return;
  // Reserve the block of codes from the project's counter (codes are never reused).
  const [{ highest }]: { highest: number }[] = await manager.query(
    `UPDATE projects SET last_task_code = last_task_code + $2 WHERE id = $1
     RETURNING (last_task_code - $2)::int AS highest`,
    [projectId, tasks.length],
  );
  tasks.forEach((task, index) => (task.code = highest + index + 1));
  await chunked(tasks, async (chunk) => {
    await manager.query(
      `INSERT INTO tasks (code, id, project_id, external_code, title, department_id, crew_id, location_id, planned_start,
         planned_finish, start_date, finish_date, duration_minutes, materials, tools, safety_notes, status,
         scheduling_mode, constraint_type, constraint_at, interruption_kind, interruption_starts_at, interruption_ends_at)
       SELECT m.code, m.id, m.project_id, m.external_code, m.title, m.department_id, m.crew_id, m.location_id, m.planned_start,
         m.planned_finish, m.start_date, m.finish_date, m.duration_minutes, m.materials,
         ARRAY(SELECT jsonb_array_elements_text(m.tools)), m.safety_notes, m.status::task_status,
         m.scheduling_mode::scheduling_mode, m.constraint_type::constraint_type, m.constraint_at,
         m.interruption_kind::interruption_kind, m.interruption_starts_at, m.interruption_ends_at
       FROM jsonb_to_recordset($1::jsonb) AS ${TASK_RECORD}`,
      [JSON.stringify(chunk.map(record))],
    );
  });
}

/**
 * Updates tasks in place, each row conditional on the version it was read at (version + 1).
 * A row changed meanwhile: 409 schedule_conflict naming it (the caller's transaction rolls back).
 */
export async function updateTasks(manager: EntityManager, tasks: readonly TaskEntity[]): Promise<void> {
  await chunked(tasks, async (chunk) => {
    // In a CTE: the rows an UPDATE … RETURNING gives come back wrapped with the row count otherwise.
    const rows: { id: string }[] = await manager.query(
      `WITH written AS (UPDATE tasks AS t SET external_code = m.external_code, title = m.title, department_id = m.department_id,
         crew_id = m.crew_id, location_id = m.location_id, planned_start = m.planned_start,
         planned_finish = m.planned_finish, start_date = m.start_date, finish_date = m.finish_date,
         duration_minutes = m.duration_minutes, materials = m.materials,
         tools = ARRAY(SELECT jsonb_array_elements_text(m.tools)), safety_notes = m.safety_notes,
         status = m.status::task_status, scheduling_mode = m.scheduling_mode::scheduling_mode,
         constraint_type = m.constraint_type::constraint_type, constraint_at = m.constraint_at,
         interruption_kind = m.interruption_kind::interruption_kind,
         interruption_starts_at = m.interruption_starts_at, interruption_ends_at = m.interruption_ends_at,
         version = t.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS ${TASK_RECORD}
       WHERE t.id = m.id AND t.version = m.version
       RETURNING t.id) SELECT id FROM written`,
      [JSON.stringify(chunk.map(record))],
    );
    refuseStale(
      chunk,
      rows.map((row) => row.id),
    );
  });
}

function refuseStale(tasks: readonly TaskEntity[], written: string[]): void {
  const done = new Set(written);
  const stale = tasks.filter((task) => !done.has(task.id));
  if (stale.length === 0) return;
  throw ApiError.conflict(
    'schedule_conflict',
    { key: 'schedule_stale_tasks', params: { titles: stale.slice(0, 20).map((task) => `"${task.title}"`) } },
    { tasks: stale.slice(0, 100).map((task) => ({ id: task.id, title: task.title, version: task.version })) },
  );
}

export async function deleteTasks(manager: EntityManager, ids: readonly string[]): Promise<void> {
  await chunked(ids, async (chunk) => {
    await manager.query(
      'DELETE FROM dependencies WHERE predecessor_id = ANY($1::uuid[]) OR successor_id = ANY($1::uuid[])',
      [chunk],
    );
    await manager.query('DELETE FROM tasks WHERE id = ANY($1::uuid[])', [chunk]);
  });
}

export async function insertLinks(manager: EntityManager, links: readonly DependencyEntity[]): Promise<void> {
  await chunked(links, async (chunk) => {
    await manager.query(
      `INSERT INTO dependencies (id, project_id, predecessor_id, successor_id, type, lag_minutes)
       SELECT m.id, m.project_id, m.predecessor_id, m.successor_id, m.type::dependency_type, m.lag_minutes
       FROM jsonb_to_recordset($1::jsonb)
         AS m(id uuid, project_id uuid, predecessor_id uuid, successor_id uuid, type text, lag_minutes int)`,
      [JSON.stringify(chunk.map(linkRecord))],
    );
  });
}

export async function updateLinks(manager: EntityManager, links: readonly DependencyEntity[]): Promise<void> {
  await chunked(links, async (chunk) => {
    await manager.query(
      `UPDATE dependencies AS d SET type = m.type::dependency_type, lag_minutes = m.lag_minutes,
         version = d.version + 1, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb)
         AS m(id uuid, project_id uuid, predecessor_id uuid, successor_id uuid, type text, lag_minutes int)
       WHERE d.id = m.id`,
      [JSON.stringify(chunk.map(linkRecord))],
    );
  });
}

export async function deleteLinks(manager: EntityManager, ids: readonly string[]): Promise<void> {
  await chunked(ids, async (chunk) => {
    await manager.query('DELETE FROM dependencies WHERE id = ANY($1::uuid[])', [chunk]);
  });
}

function linkRecord(link: DependencyEntity) {
  return {
    id: link.id,
    project_id: link.projectId,
    predecessor_id: link.predecessorId,
    successor_id: link.successorId,
    type: link.type,
    lag_minutes: link.lagMinutes,
  };
}
