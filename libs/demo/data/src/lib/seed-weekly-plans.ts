import { TaskEntity, WeeklyCommitmentEntity, WeeklyPlanEntity } from '@worksite/server-data-access';
import { SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { weekStartOf } from '@worksite/shared-make-ready';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { COMPOUNDS } from './data/community.data';
import { COORDINATOR } from './data/organisations.data';
import { HistoryCommitment, WEEKLY_HISTORY } from './data/weekly-history.data';
import { demoId } from './demo-id';
import { locationKey } from './plan-types';
import { SeedContext } from './seed-projects';

const MINUTES = 240;

interface Project {
  id: string;
  startDate: string;
  timeZone: string;
}

/**
 * Weekly plans of the 飞线入地 project, so that PPC, TMR and the Pareto of reasons show
 * something on first start: five weeks of 前期 work before the project's start week (tasks done
 * or not, with reasons), then the start week and the current week committed from the plan's own
 * tasks (done ones marked done; the current week still running). Anchored on the project's
 * stored start date, like its tasks, so a later run finds the same rows.
 */
export async function seedWeeklyPlans(ctx: SeedContext, projectCode: string): Promise<number> {
  const { manager } = ctx.writer;
  const [project]: Project[] = await manager.query(
    `SELECT id, to_char(start_date, 'YYYY-MM-DD') AS "startDate", time_zone AS "timeZone" FROM projects WHERE code = $1`,
    [projectCode],
  );
  const startWeek = weekStartOf(project.startDate);
  const planId = (week: string) => demoId('weekly-plan', projectCode, week);
  const weeks = new Set<string>();
  const tasks: QueryDeepPartialEntity<TaskEntity>[] = [];
  const commitments: QueryDeepPartialEntity<WeeklyCommitmentEntity>[] = [];
  for (const h of WEEKLY_HISTORY) {
    const week = addDays(startWeek, -7 * h.weeksBefore);
    weeks.add(week);
    const task = historyTask(ctx, project, week, h);
    tasks.push(task);
    commitments.push({
      id: demoId('weekly-commitment', task.id as string),
      planId: planId(week),
      taskId: task.id as string,
      crewId: task.crewId as string | null,
      departmentId: task.departmentId as string,
      madeReady: !h.notMadeReady,
      outcome: h.done ? 'done' : 'not_done',
      reason: h.done ? null : (h.reason ?? 'other'),
      note: h.note ?? '',
      committedByName: COORDINATOR.name,
    });
  }
  // The start week (over) and the next one (the current week when the demo is first seeded).
  for (const week of [startWeek, addDays(startWeek, 7)]) {
    const over = week === startWeek;
    weeks.add(week);
    const own: { id: string; crewId: string; departmentId: string; status: string }[] = await manager.query(
      `SELECT id, crew_id AS "crewId", department_id AS "departmentId", status FROM tasks
        WHERE project_id = $1 AND crew_id IS NOT NULL AND start_date BETWEEN $2::date AND $3::date
          AND scheduling_mode = 'automatic'
        ORDER BY planned_start, id LIMIT 12`,
      [project.id, week, addDays(week, 6)],
    );
    for (const t of own) {
      commitments.push({
        id: demoId('weekly-commitment', planId(week), t.id),
        planId: planId(week),
        taskId: t.id,
        crewId: t.crewId,
        departmentId: t.departmentId,
        madeReady: true,
        outcome: t.status === TaskStatus.Done ? 'done' : over ? 'not_done' : null,
        reason: t.status !== TaskStatus.Done && over ? 'predecessor_unfinished' : null,
        committedByName: COORDINATOR.name,
      });
    }
  }
  await ctx.writer.insert(TaskEntity, tasks);
  await ctx.writer.insert(
    WeeklyPlanEntity,
    [...weeks].map((week) => ({
      id: planId(week),
      projectId: project.id,
      weekStart: week,
      // Frozen as the week began (recorded again by the api for a week not begun yet).
      frozenAt: week <= localDateOf(ctx.now, project.timeZone) ? instantOf(week, '00:00', project.timeZone) : null,
    })),
  );
  return ctx.writer.insert(WeeklyCommitmentEntity, commitments);
}

/** A 前期 task of the history: four hours from 08:00 on its day, pinned (manual), done. */
function historyTask(
  ctx: SeedContext,
  project: Project,
  week: string,
  h: HistoryCommitment,
): QueryDeepPartialEntity<TaskEntity> {
  const date = addDays(week, h.day);
  const compound = COMPOUNDS[h.compound].name;
  const start = instantOf(date, '08:00', project.timeZone);
  const finish = instantOf(date, '12:00', project.timeZone);
  const crew = ctx.org.workCrews[h.department]?.[0];
  return {
    id: demoId('task', `${project.id}/前期/${h.weeksBefore}/${h.day}/${h.department}/${h.compound}`),
    projectId: project.id,
    title: `${compound}${h.title}（前期）`,
    content: `${compound}${h.title}，为飞线入地主体施工做准备。`,
    departmentId: ctx.org.departments.get(h.department),
    crewId: crew ? (ctx.org.crews.get(crew) ?? null) : null,
    locationId: ctx.locations.get(locationKey.compound(compound)) ?? null,
    plannedStart: start,
    plannedFinish: finish,
    startDate: date,
    finishDate: date,
    durationMinutes: MINUTES,
    status: TaskStatus.Done,
    progress: 100,
    schedulingMode: SchedulingMode.Manual,
  };
}
