import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { at, taskFixture } from '@worksite/web-planning-data-access/testing';
import { buildTaskForm, fromLocalInput, materialGroup, problemsByField, taskChanges, toLocalInput } from './task-form';

describe('task form', () => {
  const zone = 'Asia/Shanghai';
  const fb = () => TestBed.inject(NonNullableFormBuilder);
  const task = taskFixture('A', {
    materials: [{ name: '电缆', quantity: 120, unit: '米' }],
    tools: ['牵引机'],
  });

  it('shows times as local wall-clock time of the project zone', () => {
    expect(toLocalInput(at('2026-03-02T08:00'), zone)).toBe('2026-03-02T08:00');
    expect(fromLocalInput('2026-03-02T14:30', zone)).toBe(at('2026-03-02T14:30'));
    expect(fromLocalInput('', zone)).toBeNull();
  });

  it('sends nothing when nothing changed', () => {
    expect(taskChanges(buildTaskForm(fb(), task, zone), task, zone)).toEqual({});
  });

  it('sends only the changed fields, in the shapes the API wants', () => {
    const form = buildTaskForm(fb(), task, zone);
    form.patchValue({ title: ' 新标题 ', plannedStart: '2026-03-02T09:00', crewId: '', tools: '牵引机\n 绝缘手套 \n' });
    form.controls.materials.push(materialGroup(fb(), { name: '砂', quantity: 2, unit: '吨' }));
    form.patchValue({
      interruptionKind: 'power',
      interruptionStartsAt: '2026-03-02T08:00',
      interruptionEndsAt: '2026-03-02T12:00',
    });
    expect(taskChanges(form, task, zone)).toEqual({
      title: '新标题',
      plannedStart: at('2026-03-02T09:00'),
      crewId: null,
      tools: ['牵引机', '绝缘手套'],
      materials: [
        { name: '电缆', quantity: 120, unit: '米' },
        { name: '砂', quantity: 2, unit: '吨' },
      ],
      interruptionKind: 'power',
      interruptionStartsAt: at('2026-03-02T08:00'),
      interruptionEndsAt: at('2026-03-02T12:00'),
    });
  });

  it('refuses a finish before the start and a progress over 100', () => {
    const form = buildTaskForm(fb(), task, zone);
    form.patchValue({ plannedFinish: '2026-03-01T08:00', progress: 120 });
    expect(form.errors).toEqual({ finishBeforeStart: true });
    expect(form.controls.progress.invalid).toBe(true);
  });

  it("puts the API's problems under their fields", () => {
    const shown = problemsByField(
      [
        { field: 'materials.0.name', messages: ['name must be shorter'] },
        { field: 'plannedStart', messages: ['cannot be placed on the project calendar'] },
        { field: 'weird', messages: ['?'] },
      ],
      ['materials', 'plannedStart'],
    );
    expect(shown.byField).toEqual({
      materials: ['name must be shorter'],
      plannedStart: ['cannot be placed on the project calendar'],
    });
    expect(shown.other).toEqual(['weird: ?']);
  });
});
