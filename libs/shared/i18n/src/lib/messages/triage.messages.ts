import { Messages } from './messages.type';

/** Messages of conflict decisions and baselines (and their field rules). */
export const TRIAGE_MESSAGES = {
  decide_only_own_projects: {
    'zh-CN': '只能在您协调的项目中处理冲突和管理基线。',
    en: 'Clashes can only be decided, and baselines kept, in the projects you coordinate.',
  },
  conflict_not_found: {
    'zh-CN': '计划中已没有这个冲突（{key}），可能已被别人的修改消除，请刷新。',
    en: 'The plan no longer has this clash ({key}); an edit may have removed it. Reload.',
  },
  conflict_decision_stale: {
    'zh-CN': '冲突中的任务已被修改（{tasks}），请刷新后重新决定。',
    en: 'Tasks of this clash have changed ({tasks}); reload and decide again.',
  },
  conflict_already_open: {
    'zh-CN': '这个冲突本来就是待处理状态，无需重新打开。',
    en: 'This clash is open already; there is nothing to reopen.',
  },
  conflict_resolve_no_edit: {
    'zh-CN': '冲突中的任务还没有任何修改记录，无法标记为已解决：请先修改任务，或改为接受并说明理由。',
    en: 'No task of this clash has been edited yet, so it cannot be marked resolved: edit a task first, or accept it with a reason.',
  },
  conflict_assignee_inactive: {
    'zh-CN': '用户 {name} 已停用，不能接收上报。',
    en: 'The user {name} is deactivated and cannot take an escalation.',
  },
  baseline_not_found_other: {
    'zh-CN': '要对比的基线 {id} 不存在。',
    en: 'The baseline {id} to compare with does not exist.',
  },

  // Field rules of decisions and baselines.
  notBlank: { 'zh-CN': '{field} 不能为空白', en: '{field} must not be blank' },
  baselineRef: {
    'zh-CN': '{field} 必须是 current 或基线 id',
    en: '{field} must be current or a baseline id',
  },
  taskVersions: {
    'zh-CN': '{field} 必须是任务 id 到版本号（正整数）的对应，最多 20 个',
    en: '{field} must map task ids to versions (positive integers), at most 20',
  },
  reasonRequired: { 'zh-CN': '接受冲突时必须说明理由', en: 'accepting a clash needs a reason' },
  noteRequired: { 'zh-CN': '上报时必须写明说明', en: 'an escalation needs a note' },
  oneAssignee: {
    'zh-CN': '必须且只能指定一个接收人或接收部门',
    en: 'name exactly one user or one department',
  },
  exactTaskVersions: {
    'zh-CN': '必须给出冲突中每个任务（{tasks}）的版本号，且不能有其他任务',
    en: 'must give the version of each task of the clash ({tasks}) and of no other task',
  },
  editOfOtherTasks: {
    'zh-CN': '不是这个项目中任务或依赖关系的修改记录',
    en: 'is not an edit of a task or dependency of this project',
  },
  changeSetUnknown: {
    'zh-CN': '没有这个修改（变更集）',
    en: 'is not a known edit (change set)',
  },
  changeSetOfOtherTasks: {
    'zh-CN': '这个修改没有改动冲突中的任务（{tasks}）或它们的依赖关系',
    en: "is an edit that changed none of the clash's tasks ({tasks}) nor their links",
  },
  changeSetNotOfEdit: {
    'zh-CN': '与所选修改记录（auditEntryId）不属于同一次修改',
    en: 'is not the change set of the chosen edit (auditEntryId)',
  },
} as const satisfies Messages;
