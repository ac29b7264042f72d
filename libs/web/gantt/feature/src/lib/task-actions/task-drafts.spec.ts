import { DependencyDto, TaskDto, WorkStepDto } from '@worksite/shared-domain';
import { copiedPredecessors, draftFromStep, duplicateOf, placementStart } from './task-drafts';

const task = {
  id: 't1',
  projectId: 'p',
  title: '八经小区32号楼动力电缆入地',
  content: '停电施工',
  departmentId: 'power',
  crewId: 'c1',
  locationId: 'l32',
  plannedStart: '2026-12-01T00:00:00.000Z',
  plannedFinish: '2026-12-02T10:00:00.000Z',
  durationMinutes: 960,
  materials: [{ name: '动力电缆', quantity: 135, unit: '米' }],
  tools: ['验电器'],
  safetyNotes: '停电、验电、挂接地线',
  schedulingMode: 'automatic',
  needsUtilities: [],
  interruptionKind: 'power',
} as unknown as TaskDto;

const step: WorkStepDto = {
  id: 's',
  version: 1,
  name: '拆除架空飞线',
  departmentKind: null,
  departmentId: null,
  durationMinutes: 480,
  content: '拆除废弃架空线',
  materials: [{ name: '警戒带', quantity: 1, unit: '卷' }],
  tools: ['高空作业车'],
  safetyNotes: '设警戒',
};

describe('task drafts', () => {
  it('start after the anchor, or at local midnight of the project start', () => {
    const project = { startDate: '2026-11-27', timeZone: 'Asia/Shanghai' };
    expect(placementStart({ after: task, link: true }, project)).toBe('2026-12-02T10:00:00.000Z');
    expect(placementStart({ after: null }, project)).toBe('2026-11-26T16:00:00.000Z');
  });

  it('fill a new task from a work step, with the assignment chosen', () => {
    const fields = { projectId: 'p', title: '拆除架空飞线', durationMinutes: 480, plannedStart: 'x' };
    const assignment = { departmentId: 'appearance', crewId: null, locationId: 'l32' };
    expect(draftFromStep(step, fields, assignment)).toEqual({
      ...fields,
      ...assignment,
      content: '拆除废弃架空线',
      materials: [{ name: '警戒带', quantity: 1, unit: '卷' }],
      tools: ['高空作业车'],
      safetyNotes: '设警戒',
    });
    expect(draftFromStep(null, fields, assignment)).toEqual({ ...fields, ...assignment });
  });

  it('copy a task without its cut and its links; predecessors are re-pointed on request', () => {
    const copy = duplicateOf(task, '副本');
    expect(copy).toMatchObject({ title: '副本', crewId: 'c1', plannedStart: task.plannedStart, durationMinutes: 960 });
    expect(copy).not.toHaveProperty('interruptionKind');
    const links = [
      { id: 'd1', predecessorId: 't0', successorId: 't1', type: 'FS', lagMinutes: 60 },
      { id: 'd2', predecessorId: 't1', successorId: 't2', type: 'FS', lagMinutes: 0 },
    ] as DependencyDto[];
    expect(copiedPredecessors(links, 't1', 'copy')).toEqual([
      { predecessorId: 't0', successorId: 'copy', type: 'FS', lagMinutes: 60 },
    ]);
  });
});
