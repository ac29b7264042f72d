import { DayTaskInput, NoticeDayInput } from '../lib/compose-content';

/** A task of 电缆一班 on 2026-11-30 (a Monday) in Shanghai, with every field filled. */
export function dayTask(overrides: Partial<DayTaskInput> = {}): DayTaskInput {
  return {
    id: 'task-a',
    projectId: 'project-1',
    projectName: '和平新村社区飞线入地改造',
    timeZone: 'Asia/Shanghai',
    title: '敷设低压电缆',
    content: '32号楼东侧敷设 YJV22 电缆并做终端头',
    plannedStart: '2026-11-30T00:00:00.000Z',
    plannedFinish: '2026-11-30T04:00:00.000Z',
    status: 'ready',
    materials: [{ name: 'YJV22 电缆', quantity: 120, unit: '米' }, { name: '终端头' }],
    tools: ['电缆盘支架', '绝缘摇表'],
    safetyNotes: '停电、验电、挂接地线后方可作业',
    location: { compound: '八经小区', building: '32号楼', unit: '1单元', street: null, address: '八经街32号' },
    interruption: { kind: 'power', startsAt: '2026-11-30T00:00:00.000Z', endsAt: '2026-11-30T04:00:00.000Z' },
    workingDay: { start: '08:00', end: '18:00' },
    predecessors: [
      { taskId: 'p1', title: '燃气管线标识', crewName: '燃气巡线班', departmentName: '沈阳燃气', status: 'done' },
      {
        taskId: 'p2',
        title: '开挖电缆沟',
        crewName: '城建一班',
        departmentName: '和平区城建局',
        status: 'in_progress',
      },
    ],
    neighbours: [
      {
        crewName: '移动光缆班',
        departmentName: '中国移动',
        taskTitle: '光缆入地',
        plannedStart: '2026-11-30T06:00:00.000Z',
        plannedFinish: '2026-11-30T08:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

export function dayInput(overrides: Partial<NoticeDayInput> = {}): NoticeDayInput {
  return {
    crew: {
      id: 'crew-1',
      name: '电缆一班',
      leaderName: '王建国',
      leaderPhone: '13800240101',
      contractorName: '国网沈阳供电公司和平供电中心',
      departmentName: '国网沈阳供电公司',
    },
    date: '2026-11-30',
    timeZone: 'Asia/Shanghai',
    language: 'zh-CN',
    tasks: [
      dayTask(),
      dayTask({
        id: 'task-b',
        title: '电缆终端头制作',
        plannedStart: '2026-11-30T06:00:00.000Z',
        plannedFinish: '2026-11-30T10:00:00.000Z',
        interruption: null,
        predecessors: [],
        neighbours: [],
      }),
      dayTask({
        id: 'task-c',
        title: '巡视开挖沟槽',
        plannedStart: '2026-11-29T02:00:00.000Z',
        plannedFinish: '2026-12-01T04:00:00.000Z',
        interruption: null,
        predecessors: [],
        neighbours: [],
      }),
    ],
    contacts: [{ name: '甄鸿波', phone: '13800249999', projectName: '和平新村社区飞线入地改造' }],
    ...overrides,
  };
}
