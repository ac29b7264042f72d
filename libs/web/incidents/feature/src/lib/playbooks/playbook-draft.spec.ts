import { cableFirePlaybook } from '../../testing/playbook-fixture';
import {
  draftProblems,
  emptyStep,
  formatMaterial,
  moveStep,
  parseMaterialLine,
  playbookDraft,
  playbookRequest,
  removeStep,
} from './playbook-draft';

const playbook = cableFirePlaybook();

describe('materials', () => {
  it.each([
    ['阻燃电缆 50 米', { name: '阻燃电缆', quantity: 50, unit: '米' }],
    ['阻燃电缆 50米', { name: '阻燃电缆', quantity: 50, unit: '米' }],
    ['灭火器 4', { name: '灭火器', quantity: 4 }],
    ['警示带', { name: '警示带' }],
    ['  ', null],
  ])('reads "%s"', (line, material) => {
    expect(parseMaterialLine(line)).toEqual(material);
  });
  it('writes what it reads', () => {
    expect(formatMaterial({ name: '阻燃电缆', quantity: 50, unit: '米' })).toBe('阻燃电缆 50 米');
    expect(formatMaterial({ name: '警示带' })).toBe('警示带');
  });
});

describe('playbook drafts', () => {
  it('show durations as typed in the language and give back the same playbook', () => {
    const zh = playbookDraft(playbook, 'zh-CN');
    expect(zh.steps.map((step) => step.duration)).toEqual(['1小时', '2小时']);
    expect(playbookDraft(playbook, 'en').steps[1].duration).toBe('2h');
    const { kind, name, departmentIds, paperworkDepartmentId, safetyNotes, steps } = playbook;
    expect(playbookRequest(zh)).toEqual({ kind, name, departmentIds, paperworkDepartmentId, safetyNotes, steps });
  });

  it('read "2h", "2小时" and "90分钟" as clock time', () => {
    const draft = playbookDraft(playbook, 'zh-CN');
    draft.steps[0].duration = '90分钟';
    draft.steps[1].duration = '1天';
    const steps = playbookRequest(draft).steps;
    expect(steps.map((step) => step.durationMinutes)).toEqual([90, 1440]);
  });

  it('name what is missing or unreadable', () => {
    const draft = playbookDraft(playbook, 'zh-CN');
    draft.name = ' ';
    draft.steps[1].duration = 'soon';
    draft.steps.push(emptyStep(draft.steps));
    expect(draftProblems(draft)).toEqual({
      name: 'incidents.playbooks.problems.required',
      'steps.1.duration': 'incidents.playbooks.problems.duration',
      'steps.2.title': 'incidents.playbooks.problems.required',
      'steps.2.departmentId': 'incidents.playbooks.problems.required',
      'steps.2.duration': 'incidents.playbooks.problems.duration',
    });
    expect(draft.steps[2].key).toBe('step-3');
  });

  it('move steps and drop the links to a removed one', () => {
    const draft = playbookDraft(playbook, 'zh-CN');
    expect(moveStep(draft, 1, -1).steps.map((s) => s.key)).toEqual(['power-restore', 'power-safe']);
    expect(moveStep(draft, 1, 1)).toBe(draft);
    const removed = removeStep(draft, 0);
    expect(removed.steps.map((s) => [s.key, s.after])).toEqual([['power-restore', []]]);
  });
});
