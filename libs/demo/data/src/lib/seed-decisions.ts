import { clashParents, detectConflicts, PlaceNode } from '@worksite/scheduling-engine';
import { toConflictTask } from '@worksite/scheduling-network';
import { ConflictDecisionEntity, TaskEntity } from '@worksite/server-data-access';
import { conflictFingerprint, Role, TaskStatus } from '@worksite/shared-domain';
import { DEMO_USERS } from './data/users.data';
import { DepartmentKey } from './data/organisations.data';
import { demoId } from './demo-id';
import { demoDecision, TRIAGED_DAYS } from './demo-triage';
import { loadWorkingCalendar } from './seed-calendar';
import { SeededOrganisations } from './seed-organisations';
import { SeedWriter } from './seed-writer';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The coordinator's decisions on the clashes of a project, as at the last coordination
 * meeting: every clash of the next {@link TRIAGED_DAYS} days (and the past) decided as
 * {@link demoDecision} says, the exam-day watches escalated ahead. Clashes are found the way
 * the api finds them (the engine's detection over the tasks as stored), and each decision
 * holds its tasks' versions and fingerprints, so it stands until one of them changes. Only
 * for a project without decisions (a later run adds none). Returns how many it inserted.
 */
export async function seedDecisions(
  writer: SeedWriter,
  org: SeededOrganisations,
  projectCode: string,
  now: number,
): Promise<number> {
  const { manager } = writer;
  const [project]: { id: string; time_zone: string; calendar_id: string }[] = await manager.query(
    'SELECT id, time_zone, calendar_id FROM projects WHERE code = $1',
    [projectCode],
  );
  if (!project) return 0;
  // Decided once, when the demo project is new: a later run (days later) adds nothing.
  const [{ decided }] = await manager.query(
    'SELECT count(*)::int AS decided FROM conflict_decisions WHERE project_id = $1',
    [project.id],
  );
  if (decided > 0) return 0;
  const tasks = (await manager.findBy(TaskEntity, { projectId: project.id })).filter(
    (task) => task.status !== TaskStatus.Cancelled,
  );
  if (tasks.length === 0) return 0;
  const calendar = await loadWorkingCalendar(manager, project.calendar_id, project.time_zone);
  const places: { id: string; parent_id: string | null; kind: PlaceNode['kind'] }[] = await manager.query(
    'SELECT id, parent_id, kind FROM locations',
  );
  const conflicts = detectConflicts({
    tasks: tasks.map(toConflictTask),
    range: {
      start: Math.min(...tasks.map((task) => task.plannedStart.getTime())),
      end: Math.max(...tasks.map((task) => task.plannedFinish.getTime())) + 1,
    },
    locationParents: clashParents(new Map(places.map((p) => [p.id, { parentId: p.parent_id, kind: p.kind }]))),
    calendar,
  });

  const byId = new Map(tasks.map((task) => [task.id, task]));
  const departmentKey = new Map([...org.departments].map(([key, id]) => [id, key as DepartmentKey]));
  const departmentNames = new Map<string, string>(
    (await manager.query('SELECT id, name FROM departments')).map((d: { id: string; name: string }) => [d.id, d.name]),
  );
  const coordinator = await coordinatorOf(writer);
  const horizon = now + TRIAGED_DAYS * DAY;
  const rows = conflicts.flatMap((conflict) => {
    const clashTasks = conflict.taskIds.map((id) => byId.get(id) as TaskEntity);
    const decision = demoDecision(
      conflict,
      clashTasks.map((task) => ({ department: departmentKey.get(task.departmentId), mode: task.schedulingMode })),
      now,
    );
    // Escalations look ahead (an exam date is known weeks before); acceptances cover the meeting's range.
    if (!decision || (decision.action === 'accept' && conflict.window.start >= horizon)) return [];
    const departmentId = decision.department ? (org.departments.get(decision.department) ?? null) : null;
    return [
      {
        id: demoId('conflict-decision', projectCode, conflict.key),
        projectId: project.id,
        conflictKey: conflict.key,
        kind: conflict.kind,
        action: decision.action,
        reason: decision.reason,
        assigneeUserId: null,
        assigneeDepartmentId: departmentId,
        assigneeName: departmentId ? (departmentNames.get(departmentId) ?? null) : null,
        auditEntryId: null,
        changeSetId: null,
        taskIds: [...conflict.taskIds],
        taskStates: Object.fromEntries(
          clashTasks.map((task) => [task.id, { version: task.version, fingerprint: conflictFingerprint(task) }]),
        ),
        changedTaskIds: [],
        reopensId: null,
        decidedById: coordinator.id,
        decidedByName: coordinator.name,
        // The day before a past clash; this afternoon's meeting for the ones ahead.
        decidedAt: new Date(Math.min(conflict.window.start - DAY, now - 3 * HOUR)),
      },
    ];
  });
  return writer.insert(ConflictDecisionEntity, rows);
}

/** The demo coordinator's account (as seeded, or adopted by username). */
async function coordinatorOf(writer: SeedWriter): Promise<{ id: string | null; name: string }> {
  const demo = DEMO_USERS.find((user) => user.role === Role.Coordinator);
  if (!demo) throw new Error('the demo has no coordinator');
  const [found]: { id: string; name: string }[] = await writer.manager.query(
    'SELECT id, display_name AS name FROM users WHERE lower(username) = $1',
    [demo.username.toLowerCase()],
  );
  return found ?? { id: null, name: demo.displayName };
}
