import { at } from '@worksite/web-planning-data-access/testing';
import { describeChanges, GANTT_TEXT_KEYS, ganttTexts } from './gantt-texts';

describe('gantt texts', () => {
  it('names the fields of a refused save with the panel labels and local times', () => {
    const texts = ganttTexts({ 'taskPanel.fields.plannedStart': '计划开始', 'taskPanel.fields.crew': '施工班组' });
    expect(
      describeChanges(
        { plannedStart: at('2026-03-03T08:00'), crewId: null, tools: ['牵引机', '手套'] },
        'Asia/Shanghai',
        texts.fieldLabel,
      ),
    ).toBe('计划开始: 2026-03-03 08:00; 施工班组: —; tools: 牵引机、手套');
  });

  it('asks for every key it reads', () => {
    expect(GANTT_TEXT_KEYS).toEqual(
      expect.arrayContaining(['gantt.holiday', 'conflicts.kind.blackout', 'taskPanel.fields.interruption']),
    );
  });
});
