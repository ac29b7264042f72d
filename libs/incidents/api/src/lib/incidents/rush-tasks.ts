import { MaterialData, TaskEntity } from '@worksite/server-data-access';
import { ConstraintType, InterruptionKind, PlaybookStepDto, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { localDateOf } from '@worksite/shared-util-time';

/** The step key of the paperwork task 事故资料. */
export const PAPERWORK_STEP = 'paperwork';

/** Paperwork is due this long after the report. */
export const PAPERWORK_DUE_MS = 24 * 3600_000;

const PAPERWORK_MINUTES = 120;

export interface RushTaskPlan {
  stepKey: string;
  row: Partial<TaskEntity>;
}

/** Where and when the rush tasks start, and who does them. */
export interface RushTaskContext {
  projectId: string;
  timeZone: string;
  locationId: string;
  /** Locations whose residents a step's cut reaches (the building, or the location itself). */
  cutLocationIds: string[];
  /** When the rush tasks may start: the opening, to the minute. */
  startAt: Date;
  /** The paperwork is due 24 hours after this. */
  reportedAt: Date;
  crewOf: (departmentId: string) => string | null;
  language: 'zh-CN' | 'en';
}

/**
 * One task per playbook step, every one placed at the opening (automatic: the engine then
 * pushes each after its predecessors on the round-the-clock calendar), plus the paperwork task
 * 事故资料 with a finish-no-later-than 24 hours after the report.
 */
export function rushTaskRows(
  steps: readonly PlaybookStepDto[],
  paperworkDepartmentId: string,
  ctx: RushTaskContext,
): RushTaskPlan[] {
  const start = ctx.startAt.getTime();
  const row = (fields: {
    title: string;
    content: string;
    departmentId: string;
    crewId: string | null;
    minutes: number;
    materials: MaterialData[];
    tools: string[];
    safetyNotes: string;
    interruption: InterruptionKind | null;
    deadline?: Date;
  }): Partial<TaskEntity> => {
    const finish = new Date(start + fields.minutes * 60_000);
    return {
      projectId: ctx.projectId,
      title: fields.title,
      content: fields.content,
      departmentId: fields.departmentId,
      crewId: fields.crewId,
      locationId: ctx.locationId,
      plannedStart: ctx.startAt,
      plannedFinish: finish,
      startDate: localDateOf(start, ctx.timeZone),
      finishDate: localDateOf(finish.getTime(), ctx.timeZone),
      durationMinutes: fields.minutes,
      materials: fields.materials,
      tools: fields.tools,
      safetyNotes: fields.safetyNotes,
      status: TaskStatus.Planned,
      schedulingMode: SchedulingMode.Automatic,
      constraintType: fields.deadline ? ConstraintType.FinishNoLaterThan : null,
      constraintAt: fields.deadline ?? null,
      interruptionKind: fields.interruption,
      interruptionStartsAt: fields.interruption ? ctx.startAt : null,
      interruptionEndsAt: fields.interruption ? finish : null,
      interruptionLocationIds: fields.interruption ? ctx.cutLocationIds : [],
    };
  };
  const tag = ctx.language === 'en' ? '[EMERGENCY] ' : '【紧急抢修】';
  const plans: RushTaskPlan[] = steps.map((step) => ({
    stepKey: step.key,
    row: row({
      title: `${tag}${step.title}`.slice(0, 200),
      content: step.content,
      departmentId: step.departmentId,
      crewId: ctx.crewOf(step.departmentId),
      minutes: step.durationMinutes,
      materials: step.materials,
      tools: step.tools,
      safetyNotes: step.safetyNotes,
      interruption: (step.interruption as InterruptionKind | null | undefined) ?? null,
    }),
  }));
  plans.push({
    stepKey: PAPERWORK_STEP,
    row: row({
      title: ctx.language === 'en' ? 'Incident paperwork (within 24 hours)' : '事故资料（24小时内完成）',
      content:
        ctx.language === 'en'
          ? 'Incident report, residents’ damage register, the departments’ repair records and the police record; filed with the sub-district.'
          : '填写事故情况报告、居民损失登记表，汇总各部门抢修记录及派出所出警记录，报街道及相关部门。',
      departmentId: paperworkDepartmentId,
      crewId: null,
      minutes: PAPERWORK_MINUTES,
      materials: [],
      tools: [],
      safetyNotes:
        ctx.language === 'en' ? 'Residents’ personal data for the report only.' : '居民个人信息仅限报送用途。',
      interruption: null,
      deadline: new Date(ctx.reportedAt.getTime() + PAPERWORK_DUE_MS),
    }),
  });
  return plans;
}
