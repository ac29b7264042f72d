import { dayInput, dayTask } from '../testing/fixtures';
import { composeNoticeContent } from './compose-content';
import { diffNotices } from './notice-diff';
import { noticeStrings } from './notice-strings';
import { renderText } from './render-notice';
import { changeText } from './render-parts';

describe('diffNotices', () => {
  const before = composeNoticeContent(dayInput());

  it('finds nothing when only other crews or predecessors changed', () => {
    const after = composeNoticeContent(
      dayInput({
        tasks: dayInput().tasks.map((task) => ({
          ...task,
          neighbours: [],
          predecessors: task.predecessors.map((p) => ({ ...p, status: 'done' })),
        })),
      }),
    );
    expect(diffNotices(before, after)).toEqual([]);
  });

  it('names added, cancelled, reassigned and moved tasks', () => {
    const [c, a] = dayInput().tasks.filter((t) => t.id !== 'task-b');
    const after = composeNoticeContent(
      dayInput({ tasks: [dayTask({ id: 'task-d', title: '新增接地' }), a, c].filter((t) => t.id !== 'task-c') }),
    );
    expect(diffNotices(before, after, { 'task-b': 'cancelled', 'task-c': 'reassigned' })).toEqual([
      { kind: 'reassigned', taskId: 'task-c', title: '巡视开挖沟槽', before: '08:00–18:00' },
      { kind: 'cancelled', taskId: 'task-b', title: '电缆终端头制作', before: '14:00–18:00' },
      { kind: 'added', taskId: 'task-d', title: '新增接地', after: '08:00–12:00 八经小区 32号楼 1单元' },
    ]);
    expect(diffNotices(before, composeNoticeContent(dayInput({ tasks: [] })))[0].kind).toBe('removed');
  });

  it('names a new time, a new place and new details', () => {
    const after = composeNoticeContent(
      dayInput({
        tasks: [
          dayTask({
            plannedStart: '2026-11-30T06:00:00.000Z',
            plannedFinish: '2026-11-30T08:00:00.000Z',
            location: { compound: '八经小区', building: '33号楼', unit: null, street: null, address: '八经街33号' },
            tools: ['电缆盘支架'],
          }),
          ...dayInput().tasks.slice(1),
        ],
      }),
    );
    expect(diffNotices(before, after)).toEqual([
      { kind: 'time', taskId: 'task-a', title: '敷设低压电缆', before: '08:00–12:00', after: '14:00–16:00' },
      {
        kind: 'location',
        taskId: 'task-a',
        title: '敷设低压电缆',
        before: '八经小区 32号楼 1单元',
        after: '八经小区 33号楼',
      },
      { kind: 'tools', taskId: 'task-a', title: '敷设低压电缆', before: '电缆盘支架、绝缘摇表', after: '电缆盘支架' },
    ]);
  });

  it('names each other field that changed, and says what it is now, in the crew’s language', () => {
    const changed = dayTask({
      title: '敷设低压电缆（二次）',
      content: '改为西侧敷设',
      materials: [{ name: 'YJV22 电缆', quantity: 150, unit: '米' }],
      safetyNotes: '两人监护',
      interruption: { kind: 'water', startsAt: '2026-11-30T01:00:00.000Z', endsAt: '2026-11-30T03:00:00.000Z' },
    });
    const after = composeNoticeContent(dayInput({ tasks: [changed, ...dayInput().tasks.slice(1)] }));
    const changes = diffNotices(before, after);
    expect(changes.map((c) => c.kind)).toEqual(['title', 'content', 'materials', 'safety', 'interruption']);
    expect(changes.map((c) => changeText(c, noticeStrings('zh-CN')))).toEqual([
      '名称调整：敷设低压电缆（二次） 敷设低压电缆 → 敷设低压电缆（二次）',
      '施工内容调整：敷设低压电缆（二次） 改为西侧敷设',
      '物料调整：敷设低压电缆（二次） YJV22 电缆 120 米、终端头 → YJV22 电缆 150 米',
      '安全注意调整：敷设低压电缆（二次） 两人监护',
      '停用影响调整：敷设低压电缆（二次） 停电 08:00–12:00 → 停水 09:00–11:00',
    ]);
    const english = (content: ReturnType<typeof composeNoticeContent>) => ({ ...content, language: 'en' as const });
    const inEnglish = diffNotices(english(before), english(after)).map((c) => changeText(c, noticeStrings('en')));
    expect(inEnglish).toEqual([
      'renamed: 敷设低压电缆（二次） 敷设低压电缆 → 敷设低压电缆（二次）',
      'new work content: 敷设低压电缆（二次） 改为西侧敷设',
      'new materials: 敷设低压电缆（二次） YJV22 电缆 120 米, 终端头 → YJV22 电缆 150 米',
      'new safety notes: 敷设低压电缆（二次） 两人监护',
      'new utility cut: 敷设低压电缆（二次） power cut 08:00–12:00 → water cut 09:00–11:00',
    ]);
    // An amended notice lists them under "what changed".
    const text = renderText({ content: after, revision: 2, kind: 'amendment', changes });
    expect(text).toContain('  · 物料调整：敷设低压电缆（二次） YJV22 电缆 120 米、终端头 → YJV22 电缆 150 米');
    expect(text).not.toMatch(/^ {2}· 内容调整：/m);
  });
});
