import { playbookStepProblems } from '@worksite/incidents-domain';
import { cableFirePlaybook } from './incident-world';

describe('cableFirePlaybook', () => {
  it('is a valid chain: power before the operators, surfaces last', () => {
    const playbook = cableFirePlaybook({
      departments: { power: 'p', mobile: 'm', telecom: 't', unicom: 'u', construction: 'c', community: 'k' },
    });
    expect(playbookStepProblems(playbook.steps)).toEqual([]);
    expect(playbook.steps.find((s) => s.key === 'unicom')?.dependsOn).toEqual([{ step: 'power-restored' }]);
  });
});
