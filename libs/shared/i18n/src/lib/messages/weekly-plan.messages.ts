import { Messages } from './messages.type';

/** Weekly work plans, the crew leads' taps and PPC. */
export const WEEKLY_PLAN_MESSAGES = {
  weekly_plan_frozen: {
    'zh-CN': '{week} 这一周已经开始，周计划已冻结，不能再增减承诺任务。',
    en: 'The week of {week} has begun: its plan is frozen and commitments no longer change.',
  },
  weekly_plan_not_monday: {
    'zh-CN': '周计划按周一开始：{week} 不是周一。',
    en: 'Weekly plans start on a Monday: {week} is not one.',
  },
  weekly_plan_task_elsewhere: {
    'zh-CN': '任务 {ids} 不属于这个项目。',
    en: 'Tasks {ids} are not in this project.',
  },
  weekly_plan_not_committed: {
    'zh-CN': '这一周的计划中没有这个任务。',
    en: 'This task is not committed in that week.',
  },
  weekly_plan_commit_refused: {
    'zh-CN': '只有项目的协调员和管理员，或任务所属班组的班组长，可以承诺或撤回任务。',
    en: "Only the project's coordinators and administrators, or the lead of the task's crew, commit tasks or withdraw them.",
  },
  crew_report_reason_required: {
    'zh-CN': '“未完成”需要选择原因。',
    en: "'Not done' needs a reason.",
  },
  crew_report_task_cancelled: {
    'zh-CN': '任务已取消，不能再报告进度。',
    en: 'The task is cancelled: no more reports on it.',
  },
  crew_report_key_reused: {
    'zh-CN': '这个上报编号已用于另一个任务或另一种上报。',
    en: 'This report key was already used for another task or another kind of report.',
  },
  ppc_range_invalid: {
    'zh-CN': '周范围无效：from 不能晚于 to，且最多 {max} 周。',
    en: 'Invalid week range: from may not be after to, and at most {max} weeks.',
  },
} as const satisfies Messages;
