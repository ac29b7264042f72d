import { constraintReminderMessage, notReadyListMessage, ReminderItem } from './make-ready-messages';
import { notReadyListCatchUpDue } from './notice-timing';
import { instantOf } from '@worksite/shared-util-time';

const TODAY = '2026-12-03';
const item = (overrides: Partial<ReminderItem['constraint']>, taskTitle = '开挖电缆沟'): ReminderItem => ({
  constraint: {
    kind: 'dig_permit',
    description: '掘路证 17',
    ownerName: '市政处',
    dueDate: '2026-12-05',
    ...overrides,
  },
  projectName: '八经街改造',
  taskTitle,
  taskDate: '2026-12-06',
});

describe('constraintReminderMessage', () => {
  it('lists the owner’s constraints, due today first, with task, project and start date', () => {
    const message = constraintReminderMessage('zh-CN', TODAY, '市政处', [
      item({}),
      item({ kind: 'materials', description: '', dueDate: TODAY }, '敷设电缆'),
    ]);
    expect(message.subject).toBe('【开工条件提醒】2 项开工条件即将到期');
    expect(message.text.split('\n')).toEqual([
      '市政处：以下开工条件由您负责落实，请在到期前完成并在系统中销项：',
      '',
      '· 今天到期：材料到场 — 八经街改造 敷设电缆（12月6日开工）',
      '· 12月5日前：掘路许可 掘路证 17 — 八经街改造 开挖电缆沟（12月6日开工）',
    ]);
    expect(message.sms).toBe('【工地协同】您有2项开工条件即将到期：今天到期 材料到场 敷设电缆。请及时落实。');
  });

  it('writes English for an English owner', () => {
    const message = constraintReminderMessage('en', TODAY, 'Li', [item({})]);
    expect(message.subject).toBe('[Make-ready] 1 constraint coming due');
    expect(message.text).toContain('· due 5 Dec: dig permit 掘路证 17 — 八经街改造 开挖电缆沟 (starts 6 Dec)');
  });
});

describe('notReadyListMessage', () => {
  const tasks = [
    {
      title: '敷设电缆',
      start: '14:00',
      departmentName: '供电公司',
      crewName: '电缆一班',
      constraints: [{ kind: 'materials', description: '', ownerName: '李物资', dueDate: null }],
    },
    {
      title: '开挖电缆沟',
      start: '08:00',
      departmentName: '城建局',
      crewName: null,
      constraints: [
        { kind: 'dig_permit', description: '', ownerName: '市政处', dueDate: '2026-12-03' },
        { kind: 'escort', description: '夜间', ownerName: null, dueDate: null },
      ],
    },
  ];

  it('lists each not-ready task in time order with its open constraints and owners', () => {
    const message = notReadyListMessage('zh-CN', '2026-12-04', '八经街改造', tasks);
    expect(message.subject).toBe('【明日未就绪】12月4日 · 八经街改造 · 2 项任务未就绪');
    expect(message.text.split('\n')).toEqual([
      '八经街改造：12月4日的以下 2 项任务尚未就绪，请在今晚发送施工通知前协调落实：',
      '',
      '· 08:00 开挖电缆沟（城建局）',
      '    ⚠ 未就绪：掘路许可（市政处 · 12月3日前）',
      '    ⚠ 未就绪：警力配合 夜间',
      '· 14:00 敷设电缆（供电公司 电缆一班）',
      '    ⚠ 未就绪：材料到场（李物资）',
    ]);
    expect(message.sms).toBe('【工地协同】八经街改造12月4日有2项任务未就绪：开挖电缆沟、敷设电缆。详见邮件。');
  });

  it('keeps the SMS within one long message', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...tasks[0], title: `很长的任务名称第${i}项` }));
    const message = notReadyListMessage('zh-CN', '2026-12-04', '八经街改造', many);
    expect(message.sms.length).toBe(120);
    expect(message.sms.endsWith('…')).toBe(true);
  });

  it('is made by the watchdog from the list time plus the grace until the send time', () => {
    const at = (time: string) => instantOf(TODAY, time, 'Asia/Shanghai').getTime();
    const due = (time: string) =>
      notReadyListCatchUpDue(at(time), { list: '18:00', send: '20:00' }, 5, 'Asia/Shanghai');
    expect(['17:59', '18:04', '20:00', '23:00'].map(due)).toEqual([false, false, false, false]);
    expect(['18:05', '19:59'].map(due)).toEqual([true, true]);
  });
});
