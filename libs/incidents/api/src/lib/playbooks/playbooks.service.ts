import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, CrudService, Problem, problem } from '@worksite/api-core';
import { Resource } from '@worksite/auth-access';
import { calledInDepartments, playbookStepProblems } from '@worksite/incidents-domain';
import { PlaybookEntity } from '@worksite/server-data-access';
import { PlaybookRequest } from '@worksite/shared-domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CreatePlaybookDto, PlaybookQueryDto, UpdatePlaybookDto } from './playbook.dto';

/** Playbooks per incident kind: read by admins, coordinators and viewers, kept by admins. */
@Injectable()
export class PlaybooksService extends CrudService<PlaybookEntity, CreatePlaybookDto, UpdatePlaybookDto> {
  protected readonly entity = PlaybookEntity;
  protected readonly resource = Resource.Playbook;
  protected readonly order = { kind: 'ASC' as const };

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  protected filter(builder: SelectQueryBuilder<PlaybookEntity>, query: PlaybookQueryDto) {
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    return builder;
  }

  protected override async toCreateValues(
    dto: CreatePlaybookDto,
    manager: EntityManager,
  ): Promise<Partial<PlaybookEntity>> {
    await checkPlaybook(manager, dto);
    return { ...dto, steps: normalised(dto.steps) } as Partial<PlaybookEntity>;
  }

  protected override async toUpdateValues(
    changes: Omit<UpdatePlaybookDto, 'version'>,
    current: PlaybookEntity,
    manager: EntityManager,
  ): Promise<Partial<PlaybookEntity>> {
    await checkPlaybook(manager, { ...current, ...changes });
    return { ...changes, ...(changes.steps ? { steps: normalised(changes.steps) } : {}) } as Partial<PlaybookEntity>;
  }

  /** The playbook of a kind (opening an incident needs it). */
  async forKind(kind: string, manager: EntityManager): Promise<PlaybookEntity | null> {
    return manager.findOne(PlaybookEntity, { where: { kind: kind as PlaybookEntity['kind'] } });
  }
}

/** Steps as stored: every optional field present. */
function normalised(steps: CreatePlaybookDto['steps']): PlaybookEntity['steps'] {
  return steps.map((step) => ({
    ...step,
    dependsOn: step.dependsOn.map((link) => ({
      step: link.step,
      type: link.type ?? 'FS',
      lagMinutes: link.lagMinutes ?? 0,
    })),
    interruption: step.interruption ?? null,
  }));
}

/** Step keys unique, links to other steps without a cycle (422), departments that exist (400). */
async function checkPlaybook(
  manager: EntityManager,
  playbook: Pick<PlaybookRequest, 'steps' | 'departmentIds' | 'paperworkDepartmentId'>,
): Promise<void> {
  const stepProblems = playbookStepProblems(playbook.steps);
  const cycle = stepProblems.find((found) => found.problem === 'cycle');
  if (cycle && cycle.problem === 'cycle') {
    throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'playbook_cycle', {
      key: 'playbook_cycle',
      params: { steps: cycle.keys.join(' → ') },
    });
  }
  const problems: Problem[] = stepProblems.map((found) =>
    problem(found.field, found.problem === 'duplicate-key' ? 'playbookStepKeyTaken' : 'playbookStepUnknown', {
      key: 'key' in found ? found.key : '',
    }),
  );
  const departments = [...calledInDepartments(playbook), playbook.paperworkDepartmentId];
  const found: { id: string }[] = await manager.query('SELECT id FROM departments WHERE id = ANY($1::uuid[])', [
    departments,
  ]);
  const known = new Set(found.map((row) => row.id));
  playbook.departmentIds.forEach((id, index) => {
    if (!known.has(id))
      problems.push(problem(`departmentIds.${index}`, 'noSuchRow', { entity: { key: 'noun.department' } }));
  });
  playbook.steps.forEach((step, index) => {
    if (!known.has(step.departmentId)) {
      problems.push(problem(`steps.${index}.departmentId`, 'noSuchRow', { entity: { key: 'noun.department' } }));
    }
  });
  if (!known.has(playbook.paperworkDepartmentId)) {
    problems.push(problem('paperworkDepartmentId', 'noSuchRow', { entity: { key: 'noun.department' } }));
  }
  if (problems.length) throw ApiError.badRequest('validation_failed', problems);
}
