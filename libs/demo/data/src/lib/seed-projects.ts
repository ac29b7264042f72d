import { DependencyEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { WorkingCalendar } from '@worksite/scheduling-engine';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { COORDINATOR } from './data/organisations.data';
import { cableFirePlan, FIRE_PROJECT, fireDateBefore } from './cable-fire';
import { demoId } from './demo-id';
import { PlanLink, PlanTask } from './plan-types';
import { loadWorkingCalendar } from './seed-calendar';
import { SeededOrganisations } from './seed-organisations';
import { SeedWriter } from './seed-writer';
import { buildWorksPlan } from './works-plan';

export const WORKS_PROJECT = {
  code: 'HPXC-FXRD',
  name: '和平新村社区飞线入地改造',
  description:
    '和平新村社区26个老旧小区飞线入地：电力动力线入地及表箱改接，城建开挖综合管沟，中国移动、中国电信、中国联通光缆入地割接，市容拆除飞线并恢复路面；燃气、供水、供热配合管线交底与迁改。社区协调员每晚将次日施工内容、时间安排、物料工具通知到各施工班组。',
};

export interface SeedContext {
  writer: SeedWriter;
  org: SeededOrganisations;
  locations: Map<string, string>;
  calendarId: string;
  timeZone: string;
  now: number;
}

interface StoredProject {
  id: string;
  startDate: string;
  timeZone: string;
  calendarId: string;
}

/** The 飞线入地 project and the cable-fire emergency, with their tasks and dependencies. */
export async function seedProjects(
  ctx: SeedContext,
): Promise<{ code: string; tasks: number; links: number; startDate: string; endDate: string }[]> {
  const today = localDateOf(ctx.now, ctx.timeZone);
  const works = await seedProject(ctx, WORKS_PROJECT, addDays(today, -7), (project, calendar) => {
    const plan = buildWorksPlan({
      code: WORKS_PROJECT.code,
      startDate: project.startDate,
      zone: project.timeZone,
      calendar,
      crews: ctx.org.workCrews,
      now: ctx.now,
    });
    return { ...plan, endDate: plan.finishDate };
  });
  const fire = await seedProject(ctx, FIRE_PROJECT, fireDateBefore(today), (project, calendar) => ({
    ...cableFirePlan(project.startDate, project.timeZone, calendar, ctx.now),
    endDate: addDays(project.startDate, 1),
  }));
  return [works, fire];
}

/**
 * One project: adopted when its code exists (its own start date, zone and calendar then
 * anchor the plan, so a later run computes the same task keys), else created.
 */
async function seedProject(
  ctx: SeedContext,
  meta: { code: string; name: string; description: string },
  startDate: string,
  plan: (
    project: StoredProject,
    calendar: WorkingCalendar,
  ) => { tasks: PlanTask[]; links: PlanLink[]; endDate: string },
) {
  const { writer } = ctx;
  const [stored]: StoredProject[] = await writer.manager.query(
    `SELECT id, to_char(start_date, 'YYYY-MM-DD') AS "startDate", time_zone AS "timeZone", calendar_id AS "calendarId"
     FROM projects WHERE code = $1`,
    [meta.code],
  );
  const project: StoredProject = stored ?? {
    id: demoId('project', meta.code),
    startDate,
    timeZone: ctx.timeZone,
    calendarId: ctx.calendarId,
  };
  const calendar = await loadWorkingCalendar(writer.manager, project.calendarId, project.timeZone);
  const { tasks, links, endDate } = plan(project, calendar);
  await writer.ensure(
    ProjectEntity,
    [
      {
        key: meta.code,
        id: project.id,
        row: {
          ...meta,
          timeZone: project.timeZone,
          calendarId: project.calendarId,
          startDate: project.startDate,
          endDate,
          coordinatorName: COORDINATOR.name,
          coordinatorPhone: COORDINATOR.phone,
        },
      },
    ],
    new Map(stored ? [[meta.code, stored.id]] : []),
  );
  const taskId = (key: string) => demoId('task', key);
  await writer.insert(
    TaskEntity,
    tasks.map((t) => taskRow(ctx, project, t, taskId(t.key))),
  );
  await writer.insert(
    DependencyEntity,
    links.map((l) => ({
      id: demoId('dependency', `${l.predecessor}→${l.successor}`),
      projectId: project.id,
      predecessorId: taskId(l.predecessor),
      successorId: taskId(l.successor),
      type: l.type,
      lagMinutes: l.lag,
    })),
  );
  return { code: meta.code, tasks: tasks.length, links: links.length, startDate: project.startDate, endDate };
}

function taskRow(
  ctx: SeedContext,
  project: StoredProject,
  t: PlanTask,
  id: string,
): QueryDeepPartialEntity<TaskEntity> {
  const location = (key: string) => {
    const found = ctx.locations.get(key);
    if (!found) throw new Error(`demo plan refers to an unknown location ${key}`);
    return found;
  };
  return {
    id,
    projectId: project.id,
    title: t.text.title,
    content: t.text.content,
    departmentId: ctx.org.departments.get(t.department),
    crewId: t.crew ? (ctx.org.crews.get(t.crew) ?? null) : null,
    locationId: location(t.location),
    plannedStart: new Date(t.start),
    plannedFinish: new Date(t.finish),
    startDate: localDateOf(t.start, project.timeZone),
    finishDate: localDateOf(t.finish, project.timeZone),
    durationMinutes: t.duration,
    materials: t.text.materials,
    tools: t.text.tools,
    safetyNotes: t.text.safetyNotes,
    status: t.status,
    progress: t.progress,
    schedulingMode: t.mode,
    constraintType: t.constraint?.type ?? null,
    constraintAt: t.constraint ? new Date(t.constraint.at) : null,
    needsUtilities: t.needsUtilities,
    interruptionKind: t.interruption?.kind ?? null,
    interruptionStartsAt: t.interruption ? new Date(t.interruption.start) : null,
    interruptionEndsAt: t.interruption ? new Date(t.interruption.end) : null,
    interruptionLocationIds: t.interruption ? t.interruption.locations.map(location) : [],
  };
}
