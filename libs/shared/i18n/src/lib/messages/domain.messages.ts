import { Messages } from './messages.type';

/** Messages of the records themselves: the database's own checks, plans, schedules, places, notices. */
export const DOMAIN_MESSAGES = {
  // Refusals PostgreSQL reports for input (unique keys, references, nulls, values it cannot store).
  already_exists: {
    'zh-CN': '已存在{columns}相同的{entity}。',
    en: 'A {entity} with the same {columns} already exists.',
  },
  reference_missing: {
    'zh-CN': '{field} 指向的{entity}不存在。',
    en: '{field} refers to a {entity} that does not exist.',
  },
  still_referenced: {
    'zh-CN': '此记录仍被{entity}使用，请先删除或修改它们。',
    en: 'This record is still used by {entity}; remove or change those first.',
  },
  not_null: {
    'zh-CN': '{field} 不能为 null；不需要时请省略该字段。',
    en: '{field} must not be null; leave the field out instead.',
  },
  text_unstorable: {
    'zh-CN': '请求中的文本包含无法保存的字符（例如 \\u0000）。',
    en: 'A text in the request contains a character that cannot be stored (such as \\u0000).',
  },
  value_out_of_range: {
    'zh-CN': '请求中的某个值超出范围或格式不正确。',
    en: 'A value in the request is out of range or malformed.',
  },
  version_conflict: {
    'zh-CN': '{entity} {id} 已被他人修改（当前版本 {version}），请刷新后重试。',
    en: 'The {entity} {id} was changed by someone else (now version {version}); reload and try again.',
  },

  // Projects, calendars, tasks and dependencies.
  project_time_zone_locked: {
    'zh-CN': '已有任务的项目不能更改时区。',
    en: 'The time zone of a project with tasks cannot change.',
  },
  project_end_before_start: {
    'zh-CN': '项目的结束日期不能早于开始日期。',
    en: 'A project cannot end before it starts.',
  },
  calendar_no_working_time: { 'zh-CN': '一周内没有任何工作时间。', en: 'The week has no working time at all.' },
  calendar_window_invalid: {
    'zh-CN': '每个工作时段都必须在开始之后结束（HH:mm，24:00 只能作结束）。',
    en: 'Each working window must end after it starts (HH:mm; 24:00 only as an end).',
  },
  blackout_end_before_start: {
    'zh-CN': '禁止施工时段必须在开始之后结束。',
    en: 'A blackout window must end after it starts.',
  },
  dependency_self: { 'zh-CN': '任务不能依赖自身。', en: 'A task cannot depend on itself.' },
  dependency_tasks_missing: {
    'zh-CN': '依赖关系所指的任务不存在。',
    en: 'The dependency names tasks that do not exist.',
  },
  dependency_cross_project: {
    'zh-CN': '依赖关系的两个任务必须属于同一个项目。',
    en: 'Both tasks of a dependency must belong to the same project.',
  },
  dependency_would_cycle: {
    'zh-CN': '此依赖关系会形成循环：{path}',
    en: 'This dependency would close a cycle: {path}',
  },
  task_finish_and_duration: {
    'zh-CN': '请给出 plannedFinish 或 durationMinutes，不能同时给出。',
    en: 'Give plannedFinish or durationMinutes, not both.',
  },
  task_finish_before_start: {
    'zh-CN': '任务的结束时间不能早于开始时间。',
    en: 'A task cannot finish before it starts.',
  },
  task_finish_or_duration_missing: {
    'zh-CN': '请给出 plannedFinish 或 durationMinutes。',
    en: 'Give plannedFinish or durationMinutes.',
  },
  predecessors_changed: {
    'zh-CN': '任务“{title}”的前置任务刚被别人改过，这次没有保存；请看一下现在的前置任务，再保存一次。',
    en: 'The predecessors of "{title}" were just changed by someone else and nothing was saved; look at them as they are now and save again.',
  },
  task_has_dependencies: {
    'zh-CN':
      '任务“{title}”有 {count} 个依赖关系（{dependents} 个任务在等待它）；如要一并删除，请加上 removeLinks=true。',
    en: 'Task "{title}" has {count} dependencies ({dependents} tasks wait for it); delete with removeLinks=true to remove them too.',
  },
  task_department_missing: {
    'zh-CN': '任务需要 departmentId 或 crewId。',
    en: 'A task needs a departmentId or a crewId.',
  },
  task_locations_missing: {
    'zh-CN': 'interruptionLocationIds 中有不存在的位置。',
    en: 'interruptionLocationIds names locations that do not exist.',
  },
  task_outside_calendar: {
    'zh-CN': '任务的时间超出了项目日历能安排的范围。',
    en: "The task's times are outside what the project calendar can plan.",
  },
  task_constraint_pair: {
    'zh-CN': 'constraintType 和 constraintAt 必须同时给出。',
    en: 'constraintType and constraintAt go together.',
  },
  task_interruption_incomplete: {
    'zh-CN': '停水停电等中断需要同时给出类型、开始和结束时间。',
    en: 'An interruption needs its kind, start and end together.',
  },
  task_interruption_end_before_start: {
    'zh-CN': '中断必须在开始之后结束。',
    en: 'An interruption must end after it starts.',
  },

  // Schedules.
  dependency_cycle: {
    'zh-CN': '依赖关系形成了循环：{path}',
    en: 'The dependencies form a cycle: {path}',
  },
  schedule_invalid_value: {
    'zh-CN': '任务“{title}”无法排程：{field} 的值无效。',
    en: '"{title}" cannot be scheduled: its {field} is invalid.',
  },
  schedule_changed_meanwhile: {
    'zh-CN': '计算排程期间项目发生了变化，请重试。',
    en: 'The project changed while its schedule was computed; try again.',
  },
  schedule_outside_calendar: {
    'zh-CN': '排程涉及项目日历无法安排的日期。',
    en: 'The schedule reaches dates the project calendar cannot plan.',
  },
  schedule_stale_tasks: {
    'zh-CN': '{titles} 在计算排程期间被修改，未写入任何内容。请刷新后重试。',
    en: '{titles} changed while the schedule was computed; nothing was written. Reload and try again.',
  },
  conflict_range_reversed: { 'zh-CN': 'to 不能早于 from。', en: 'to must not be before from.' },
  conflict_range_too_long: {
    'zh-CN': '每次最多查询 {max} 天。',
    en: 'Ask for at most {max} days at a time.',
  },

  // Places, crews and notices.
  location_self_parent: { 'zh-CN': '位置不能包含自身。', en: 'A location cannot contain itself.' },
  location_kind_locked: {
    'zh-CN': '包含其他位置的位置不能更改类型。',
    en: 'A location that contains others cannot change its kind.',
  },
  location_hierarchy: { 'zh-CN': '位置层级无效：{problem}', en: 'Invalid location hierarchy: {problem}' },
  channel_address_invalid: {
    'zh-CN': '地址与渠道类型不符。',
    en: 'The address does not fit the kind of channel.',
  },
  webhook_refused: {
    'zh-CN': '不允许使用此 {kind} 机器人网址：{problem}。',
    en: 'This {kind} webhook address is not allowed: {problem}.',
  },
  notice_date_out_of_range: {
    'zh-CN': '只能发送今天（{today}）或明天（{tomorrow}）的通知。',
    en: 'Notices can be sent for today ({today}) or tomorrow ({tomorrow}) only.',
  },
  notice_ack_time_out_of_range: {
    'zh-CN': '确认时间无效：不能比现在晚 {minutes} 分钟以上，也不能早于 {days} 天前。',
    en: 'The time of the acknowledgement is out of range: at most {minutes} minutes ahead of now and at most {days} days ago.',
  },
  not_resent: {
    'zh-CN': '无法重发通知：班组已不存在，或刚刚生成了新版本。',
    en: 'The notice could not be resent: its crew no longer exists or a revision was just created.',
  },
} as const satisfies Messages;
