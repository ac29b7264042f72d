import { Messages } from './messages.type';

/** Messages of standard work steps and of bulk edits of tasks. */
export const TASK_ACTION_MESSAGES = {
  bulk_nothing_to_do: {
    'zh-CN': '请说明要做什么：shiftWorkingDays、crewId、status 或 delete。',
    en: 'Say what to do: shiftWorkingDays, crewId, status or delete.',
  },
  bulk_delete_alone: {
    'zh-CN': '删除不能与其他批量修改同时进行。',
    en: 'A delete cannot be combined with other bulk changes.',
  },
  bulk_duplicate_tasks: {
    'zh-CN': '同一任务在列表中出现了多次。',
    en: 'The same task is listed more than once.',
  },
  bulk_tasks_not_found: {
    'zh-CN': '有 {count} 个任务不在此项目中或您无权查看。',
    en: '{count} of the tasks are not in this project or not visible to you.',
  },
  bulk_stale_tasks: {
    'zh-CN': '{titles} 在您读取后已被别人修改，未写入任何内容。请刷新后重试。',
    en: '{titles} changed since you read them; nothing was written. Reload and try again.',
  },
  bulk_tasks_have_dependencies: {
    'zh-CN': '所选任务中有 {tasks} 个任务共有 {count} 个依赖关系；如要一并删除，请加上 removeLinks: true。',
    en: '{tasks} of the selected tasks have {count} dependencies; delete with removeLinks: true to remove them too.',
  },
  bulk_shift_no_working_day: {
    'zh-CN': '任务“{title}”移动 {days} 个工作日后落在项目日历之外。',
    en: 'Task "{title}" moved by {days} working days falls outside the project calendar.',
  },
  // Replacing a task's predecessors (PUT /api/tasks/:id/predecessors): field rules.
  predecessorRef: {
    'zh-CN': '必须给出 predecessorId 或 code 之一（只能一个）',
    en: 'give either predecessorId or code (one of them)',
  },
  noTaskWithCode: {
    'zh-CN': '本项目中没有编号为 {code} 的任务（或您无权查看）',
    en: 'no task of this project has code {code} (or you may not see it)',
  },
  noTaskInProject: {
    'zh-CN': '本项目中没有此任务（或您无权查看）',
    en: 'no such task in this project (or you may not see it)',
  },
  predecessorIsSelf: { 'zh-CN': '任务不能是自己的前置任务', en: 'a task cannot be its own predecessor' },
  predecessorTwice: {
    'zh-CN': '同一前置任务出现了多次',
    en: 'the same predecessor is listed more than once',
  },
} as const satisfies Messages;
