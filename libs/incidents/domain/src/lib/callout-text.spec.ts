import { IncidentKind, IncidentSeverity } from '@worksite/shared-domain';
import { calloutMessage, calloutRobotBody, escalationSms, paperworkReminder } from './callout-text';
import { mayAdvance } from './department-status';
import { IncidentDepartmentStatus as S } from '@worksite/shared-domain';

const input = {
  language: 'zh-CN' as const,
  timeZone: 'Asia/Shanghai',
  code: 'INC-20261027-01',
  kind: IncidentKind.CableFire,
  severity: IncidentSeverity.Major,
  title: '八经街32号楼1单元缓步台电缆起火',
  reportedAt: Date.parse('2026-10-27T06:00:00Z'),
  place: '八经小区 32号楼 1单元',
  accessNotes: '从八经街北门进入',
  departmentName: '国网沈阳供电公司',
  crewName: '抢修班',
  crewLeaderPhone: '13800240100',
  tasks: [
    {
      title: '电源安全隔离',
      start: Date.parse('2026-10-27T06:00:00Z'),
      finish: Date.parse('2026-10-27T06:30:00Z'),
      content: '切断32号楼电源',
      tools: ['验电器'],
      safetyNotes: '断电挂牌',
    },
  ],
  coordinatorName: '刘淑华',
  coordinatorPhone: '13900000000',
};

describe('call-out texts', () => {
  it('says what, where, when and how to acknowledge, in Chinese', () => {
    const message = calloutMessage(input, 'https://x/ack/t');
    expect(message.subject).toContain('【紧急抢修】');
    expect(message.text).toContain('10月27日 14:00');
    expect(message.text).toContain('地点：八经小区 32号楼 1单元');
    expect(message.text).toContain('· 电源安全隔离（预计 10月27日 14:00–10月27日 14:30）');
    expect(message.text.endsWith('https://x/ack/t')).toBe(true);
    expect(message.sms).toContain('https://x/ack/t');
  });

  it('speaks English to an English crew', () => {
    const message = calloutMessage({ ...input, language: 'en' }, 'L');
    expect(message.subject).toContain('[EMERGENCY]');
    expect(message.text).toContain('cable fire (major) reported Oct 27 14:00');
  });

  it('builds the robots’ bodies', () => {
    const message = calloutMessage(input, 'L');
    expect(calloutRobotBody('wecom', message, null)).toMatchObject({ msgtype: 'markdown' });
    expect(calloutRobotBody('dingtalk', message, '138')).toMatchObject({ at: { atMobiles: ['138'] } });
    expect(calloutRobotBody('feishu', message, null)).toMatchObject({ msg_type: 'post' });
  });

  it('escalates and reminds in both languages', () => {
    const esc = { code: 'C', title: 'T', departmentName: 'D', crewName: 'K', minutes: 10, coordinator: '刘' };
    expect(escalationSms('zh-CN', esc)).toContain('10分钟内未确认');
    expect(escalationSms('en', esc)).toContain('within 10 min');
    expect(
      paperworkReminder('zh-CN', { code: 'C', title: 'T', dueAt: input.reportedAt, timeZone: 'Asia/Shanghai' }).subject,
    ).toContain('事故资料');
  });
});

describe('mayAdvance', () => {
  it('moves forward only', () => {
    expect(mayAdvance(S.Notified, S.Acknowledged)).toBe(true);
    expect(mayAdvance(S.Calling, S.Done)).toBe(true);
    expect(mayAdvance(S.OnSite, S.Acknowledged)).toBe(false);
    expect(mayAdvance(S.Done, S.Done)).toBe(false);
  });
});
