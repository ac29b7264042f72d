import { calledInDepartments, playbookStepProblems } from './playbook-rules';

const step = (key: string, ...after: string[]) => ({ key, dependsOn: after.map((s) => ({ step: s })) });

describe('playbookStepProblems', () => {
  it('accepts the cable fire chain: power safe → restored → operators → surfaces', () => {
    const steps = [
      step('safe'),
      step('restored', 'safe'),
      step('mobile', 'restored'),
      step('telecom', 'restored'),
      step('unicom', 'restored'),
      step('surfaces', 'mobile', 'telecom', 'unicom'),
    ];
    expect(playbookStepProblems(steps)).toEqual([]);
  });

  it('names duplicate keys, unknown steps and self links', () => {
    expect(playbookStepProblems([step('a'), step('a', 'x'), step('b', 'b')])).toEqual([
      { field: 'steps.1.key', problem: 'duplicate-key', key: 'a' },
      { field: 'steps.1.dependsOn.0.step', problem: 'unknown-step', key: 'x' },
      { field: 'steps.2.dependsOn.0.step', problem: 'self-link', key: 'b' },
    ]);
  });

  it('names the steps of a cycle', () => {
    const [found] = playbookStepProblems([step('a', 'c'), step('b', 'a'), step('c', 'b')]);
    expect(found.problem).toBe('cycle');
    expect(found.problem === 'cycle' && [...found.keys].sort()).toEqual(['a', 'a', 'b', 'c']);
  });
});

describe('calledInDepartments', () => {
  it('lists the named departments first, then the steps’, once each', () => {
    expect(
      calledInDepartments({
        departmentIds: ['police', 'power'],
        steps: [{ departmentId: 'power' }, { departmentId: 'mobile' }],
      }),
    ).toEqual(['police', 'power', 'mobile']);
  });
});
