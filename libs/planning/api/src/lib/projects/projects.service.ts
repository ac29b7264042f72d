import { Actor, ActorCache, Resource } from '@worksite/auth-access';
import { Role } from '@worksite/shared-domain';
import { Injectable } from '@nestjs/common';
import { ApiError, containing, CrudService, problem } from '@worksite/api-core';
import { AppConfig } from '@worksite/server-config';
import { ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CreateProjectDto, ProjectQueryDto, UpdateProjectDto } from './project.dto';

@Injectable()
export class ProjectsService extends CrudService<ProjectEntity, CreateProjectDto, UpdateProjectDto> {
  protected readonly entity = ProjectEntity;
  protected readonly resource = Resource.Project;
  protected readonly order = {
    startDate: 'DESC' as const,
    name: 'ASC' as const,
  };

  constructor(
    dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly actors: ActorCache,
  ) {
    super(dataSource);
  }

  /** A coordinator's cached sessions learn of the project they now coordinate (see afterCreate). */
  override async create(dto: CreateProjectDto, actor: Actor): Promise<ProjectEntity> {
    const project = await super.create(dto, actor);
    if (actor.role === Role.Coordinator) this.actors.forget(actor.id);
    return project;
  }

  protected override projectIdOf(project: Partial<ProjectEntity>): string | null {
    return project.id ?? null;
  }

  /** A coordinator who creates a project coordinates it. */
  protected override async afterCreate(project: ProjectEntity, manager: EntityManager, actor: Actor): Promise<void> {
    if (actor.role !== Role.Coordinator) return;
    await manager.query('INSERT INTO user_projects (user_id, project_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      actor.id,
      project.id,
    ]);
    actor.projectIds.push(project.id);
  }

  protected filter(builder: SelectQueryBuilder<ProjectEntity>, query: ProjectQueryDto) {
    if (query.q)
      builder.andWhere('(e.name ILIKE :q OR e.code ILIKE :q)', {
        q: containing(query.q),
      });
    return builder;
  }

  protected override async toCreateValues(dto: CreateProjectDto) {
    checkDates(dto.startDate, dto.endDate ?? null);
    return { ...dto, timeZone: dto.timeZone ?? this.config.APP_TIMEZONE };
  }

  protected override async toUpdateValues(
    changes: Omit<UpdateProjectDto, 'version'>,
    current: ProjectEntity,
    manager: EntityManager,
  ) {
    checkDates(
      changes.startDate ?? current.startDate,
      changes.endDate === undefined ? current.endDate : changes.endDate,
    );
    if (changes.timeZone && changes.timeZone !== current.timeZone) {
      // Local dates of tasks were computed in the old zone; moving zones would silently shift them.
      const tasks = await manager.count(TaskEntity, {
        where: { projectId: current.id },
      });
      if (tasks > 0) {
        throw ApiError.badRequest('project_time_zone_locked', [problem('timeZone', 'lockedOnceTasks')]);
      }
    }
    return { ...changes };
  }
}

function checkDates(startDate: string, endDate: string | null): void {
  if (endDate && endDate < startDate) {
    throw ApiError.badRequest('project_end_before_start', [problem('endDate', 'notBefore', { other: 'startDate' })]);
  }
}
