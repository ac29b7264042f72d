import { composeNoticeContent, DayTaskInput, NoticeLanguage } from '@worksite/notices-domain';
import { AckTokenInfo } from '@worksite/notices-data-access';
import { NoticeReason } from '@worksite/shared-domain';
import { ackPage } from './ack-page';

function task(i: number, title: string): DayTaskInput {
  const start = Date.parse('2026-12-04T00:00:00Z') + i * 600_000;
  return {
    id: `task-${i}`,
    projectId: 'p1',
    projectName: '飞线入地',
    timeZone: 'Asia/Shanghai',
    title,
    content: '井下作业',
    plannedStart: new Date(start).toISOString(),
    plannedFinish: new Date(start + 600_000).toISOString(),
    status: 'ready',
    materials: [{ name: '光缆', quantity: 20, unit: '米' }],
    tools: ['熔接机'],
    safetyNotes: '井口设围挡',
    location: { compound: '八经小区', building: '32号楼', unit: null, street: null, address: null },
    interruption: null,
    workingDay: { start: '08:00', end: '18:00' },
    predecessors: [],
    neighbours: [],
  };
}

function info(language: NoticeLanguage, tasks = 40, state: AckTokenInfo['state'] = 'valid'): AckTokenInfo {
  const content = composeNoticeContent({
    crew: {
      id: 'c1',
      name: '光缆二班',
      leaderName: '李明',
      leaderPhone: null,
      contractorName: '联通施工队',
      departmentName: '中国联通',
    },
    date: '2026-12-04',
    timeZone: 'Asia/Shanghai',
    language,
    tasks: Array.from({ length: tasks }, (_, i) =>
      task(i, i === 7 ? '<script>alert(1)</script> 熔接' : `光缆熔接 ${i + 1}`),
    ),
    contacts: [{ name: '甄鸿波', phone: '13800249999', projectName: '飞线入地' }],
  });
  return {
    state,
    noticeId: 'n1',
    crewName: '光缆二班',
    language,
    noticeDate: '2026-12-04',
    revision: 1,
    latestRevision: 1,
    taskCount: tasks,
    acknowledgedAt: null,
    reason: NoticeReason.Initial,
    content,
    changes: [],
  };
}

describe('the acknowledgement page', () => {
  it('lists every task of the day as the email does, with its place, materials and tools', () => {
    const page = ackPage('confirm', info('zh-CN'), 'token');
    expect(page).toContain('40 项任务');
    for (let i = 1; i <= 40; i++) if (i !== 8) expect(page).toContain(`光缆熔接 ${i}<`);
    expect(page).toContain('地点</th><td style="padding:2px 0">八经小区 32号楼</td>');
    expect(page).toContain('物料</th><td style="padding:2px 0">光缆 20 米</td>');
    expect(page).toContain('工具</th><td style="padding:2px 0">熔接机</td>');
    expect(page).toContain('协调员');
    expect(page).toContain('<form method="post" action="token">');
  });

  it('escapes what the database holds and has no script at all (the CSP allows none)', () => {
    const page = ackPage('confirm', info('zh-CN'), 'token');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 熔接');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\son[a-z]+=/i);
  });

  it('speaks the crew’s language first, and English labels for an English crew', () => {
    const page = ackPage('confirmed', info('en', 2), undefined);
    expect(page.indexOf('Confirmed, thank you!')).toBeLessThan(page.indexOf('已确认，谢谢！'));
    expect(page).toContain('Your work on Friday 4 Dec 2026: 2 tasks.');
    expect(page).toContain('Materials</th>');
    expect(page).not.toContain('<form');
  });

  it('shows no list behind an expired or unknown link', () => {
    expect(ackPage('expired', info('zh-CN', 3, 'expired'))).not.toContain('data-testid="day"');
    expect(ackPage('unknown')).not.toContain('data-testid="day"');
  });
});
