import { Messages } from './messages.type';

/** Make-ready constraints, the look-ahead and the agencies' blocks (issue 15). */
export const MAKE_READY_MESSAGES = {
  'noun.make-ready-constraint': { 'zh-CN': '开工条件', en: 'make-ready constraint' },
  make_ready_planners_only: {
    'zh-CN': '只有该项目的协调员和管理员可以添加、修改和删除开工条件。',
    en: "Only the project's coordinators and administrators add, change and delete make-ready constraints.",
  },
  make_ready_clear_planner_or_owner: {
    'zh-CN': '只有该项目的协调员、管理员或该条件的负责人（负责用户，或负责部门的单位用户）可以解除或重新打开它。',
    en: "Only the project's coordinators and administrators, or the constraint's owner (the owner user, or an agency user of the owner department), clear or reopen it.",
  },
  make_ready_stale: {
    'zh-CN': '该开工条件已被他人修改，请刷新后重试。',
    en: 'The constraint was changed meanwhile; reload and try again.',
  },
  make_ready_already_cleared: { 'zh-CN': '该开工条件已解除。', en: 'The constraint is already cleared.' },
  make_ready_already_open: { 'zh-CN': '该开工条件尚未解除。', en: 'The constraint is open already.' },
  make_ready_owner_both: {
    'zh-CN': '负责方只能是一个部门或一个用户，不能同时指定。',
    en: 'The owner is a department or a user, not both.',
  },
  make_ready_announcement_only_residents: {
    'zh-CN': '只有“已告知居民”类条件可以关联居民公告。',
    en: "Only a 'residents told' constraint links a resident announcement.",
  },
  make_ready_department_required: {
    'zh-CN': '请指定部门（departmentId）：只有单位用户默认查看本部门。',
    en: 'Name the department (departmentId): only agency users default to their own.',
  },
  make_ready_department_other: {
    'zh-CN': '单位用户只能查看本部门的阻碍。',
    en: "Agency users see their own department's blocks only.",
  },
  make_ready_blocks_agencies_only: {
    'zh-CN': '“我的任务被什么阻碍”供单位用户和协调员查看；施工班组请查看自己的任务。',
    en: "'What blocks my tasks' is for agencies and planners; crews see their own tasks.",
  },
  onlyWithResidentsTold: {
    'zh-CN': '只能用于“已告知居民”（residents_told）类条件',
    en: "only for a 'residents_told' constraint",
  },
} as const satisfies Messages;
