import { DependencyType, IncidentKind, PlaybookDto } from '@worksite/shared-domain';

/** The cable-fire playbook in two steps (power made safe, then restored after it, start to start + 30 min). */
export function cableFirePlaybook(): PlaybookDto {
  return {
    id: 'p1',
    version: 3,
    kind: IncidentKind.CableFire,
    name: '电缆着火',
    departmentIds: ['police'],
    paperworkDepartmentId: 'community',
    safetyNotes: '先断电',
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    steps: [
      {
        key: 'power-safe',
        title: '断电隔离',
        departmentId: 'power',
        durationMinutes: 60,
        dependsOn: [],
        content: '',
        materials: [{ name: '绝缘胶带', quantity: 2, unit: '卷' }],
        tools: ['验电笔', '绝缘手套'],
        safetyNotes: '',
        interruption: 'power',
      },
      {
        key: 'power-restore',
        title: '恢复供电',
        departmentId: 'power',
        durationMinutes: 120,
        dependsOn: [{ step: 'power-safe', type: DependencyType.SS, lagMinutes: 30 }],
        content: '',
        materials: [],
        tools: [],
        safetyNotes: '',
        interruption: null,
      },
    ],
  };
}
