import { Messages } from './messages.type';

/** Messages of emergencies: incidents, playbooks, on-call rosters. */
export const INCIDENT_MESSAGES = {
  incident_coordinators_only: {
    'zh-CN': '只有管理员和协调员可以上报、关闭事件或登记居民群通知。',
    en: 'Only administrators and coordinators report and close incidents or record residents’ posts.',
  },
  incident_status_own_department: {
    'zh-CN': '只能更新本部门（或本班组）在此事件中的状态。',
    en: 'You may only update the status of your own department (or crew) in this incident.',
  },
  incident_reported_at: { 'zh-CN': '接报时间不正确。', en: 'The report time is not valid.' },
  incidentReportedAtRange: {
    'zh-CN': '{field} 不能晚于现在，也不能早于24小时前',
    en: '{field} must not be in the future nor more than 24 hours ago',
  },
  incident_location_kind: { 'zh-CN': '事发地点须为小区、楼或单元。', en: 'The place must be a compound, building or unit.' },
  incidentLocationKind: { 'zh-CN': '{field} 须为小区、楼或单元', en: '{field} must be a compound, building or unit' },
  incident_no_playbook: {
    'zh-CN': '尚无“{kind}”的应急预案，请管理员先建立预案。',
    en: 'There is no playbook for “{kind}” yet; an administrator must create one first.',
  },
  incident_closed: { 'zh-CN': '该事件已关闭。', en: 'The incident is closed.' },
  incident_not_called_in: {
    'zh-CN': '该部门未被调度参与此事件。',
    en: 'That department was not called in to this incident.',
  },
  incident_status_backwards: {
    'zh-CN': '该部门已处于“{status}”或之后的状态，状态只能向前推进。',
    en: 'The department is already at “{status}” or later; its status only moves forward.',
  },
  incident_paperwork_open: {
    'zh-CN': '事故资料任务尚未完成，不能关闭事件（截止 {due}）。',
    en: 'The incident paperwork is not done, so the incident cannot be closed (due {due}).',
  },
  playbook_cycle: {
    'zh-CN': '预案步骤之间存在循环依赖：{steps}。',
    en: 'The playbook’s steps depend on each other in a cycle: {steps}.',
  },
  playbookStepKeyTaken: { 'zh-CN': '{field}：步骤标识 {key} 重复', en: '{field}: the step key {key} is used twice' },
  playbookStepUnknown: { 'zh-CN': '{field}：没有标识为 {key} 的步骤', en: '{field}: there is no step with the key {key}' },
  on_call_invalid: { 'zh-CN': '值班表有误，请检查标出的字段。', en: 'The roster has problems; see the fields listed.' },
  onCallCrewDepartment: { 'zh-CN': '{field}：该班组不属于此部门', en: '{field}: the crew does not belong to this department' },
  onCallShiftReversed: { 'zh-CN': '{field}：结束时间须晚于开始时间', en: '{field}: the end must be after the start' },
} as const satisfies Messages;
