import { HttpStatus, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiError, runInChangeSet } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import {
  INCIDENT_RESIDENT_POSTS,
  IncidentDepartments,
  IncidentReader,
  IncidentTimeline,
  residentContext,
  userActor,
} from '@worksite/incidents-data-access';
import { localTimeText } from '@worksite/incidents-domain';
import {
  IncidentDetailDto,
  IncidentDto,
  IncidentEventKind,
  IncidentResidentPosts,
  IncidentStatus,
  PageDto,
  TaskStatus,
} from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { assertMayCoordinate, assertMaySetStatus, boardFor, incidentFilter, seesCallouts } from './incident-access';
import { CloseIncidentDto, IncidentQueryDto, RecordResidentPostDto, SetDepartmentStatusDto } from './incident.dto';

/** Reading incidents as the actor may, moving departments, recording resident posts, closing. */
@Injectable()
export class IncidentsService {
  private readonly logger = new Logger(IncidentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: IncidentReader,
    private readonly departments: IncidentDepartments,
    private readonly timeline: IncidentTimeline,
    @Optional() @Inject(INCIDENT_RESIDENT_POSTS) private readonly residents?: IncidentResidentPosts,
  ) {}

  async list(query: IncidentQueryDto, actor: Actor): Promise<PageDto<IncidentDto>> {
    const { items, total } = await this.reader.list(incidentFilter(actor), query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** 404 alike for a missing incident and one the actor may not see. */
  async get(id: string, actor: Actor): Promise<IncidentDto> {
    const found = await this.reader.find(id, incidentFilter(actor));
    if (!found) throw ApiError.notFound('incident', id);
    return found;
  }

  async detail(id: string, actor: Actor): Promise<IncidentDetailDto> {
    return boardFor(await this.reader.detail(await this.get(id, actor), seesCallouts(actor)), actor);
  }

  async setDepartmentStatus(
    id: string,
    departmentId: string,
    body: SetDepartmentStatusDto,
    actor: Actor,
  ): Promise<IncidentDetailDto> {
    const incident = await this.get(id, actor);
    if (incident.status === IncidentStatus.Closed) throw ApiError.conflict('incident_closed', 'incident_closed');
    const [row] = await this.dataSource.query(
      'SELECT id, department_id, crew_id FROM incident_departments WHERE incident_id = $1 AND department_id = $2',
      [id, departmentId],
    );
    if (!row) throw new ApiError(HttpStatus.NOT_FOUND, 'incident_not_called_in', 'incident_not_called_in');
    assertMaySetStatus(actor, { departmentId: row.department_id, crewId: row.crew_id });
    const moved = await this.departments.advance(
      row.id,
      body.status,
      userActor(actor),
      body.note ? { note: body.note } : {},
    );
    if (moved === 'backwards') {
      throw ApiError.conflict('incident_status_backwards', {
        key: 'incident_status_backwards',
        params: { status: body.status },
      });
    }
    return this.detail(id, actor);
  }

  async recordResidentPost(id: string, body: RecordResidentPostDto, actor: Actor): Promise<IncidentDetailDto> {
    await this.get(id, actor);
    assertMayCoordinate(actor);
    await this.timeline.recordResidentPost(id, { ...body, actorName: actor.name, actorId: actor.id });
    return this.detail(id, actor);
  }

  /** Closing needs the paperwork task 事故资料 done (409 otherwise, naming its deadline). */
  async close(id: string, body: CloseIncidentDto, actor: Actor): Promise<IncidentDetailDto> {
    await this.get(id, actor);
    assertMayCoordinate(actor);
    await this.dataSource.transaction(async (manager) => {
      const [incident] = await manager.query(
        `SELECT i.status, i.paperwork_due_at, t.status AS paperwork_status, p.time_zone
           FROM incidents i JOIN tasks t ON t.id = i.paperwork_task_id JOIN projects p ON p.id = i.project_id
          WHERE i.id = $1 FOR UPDATE OF i`,
        [id],
      );
      if (incident.status === IncidentStatus.Closed) throw ApiError.conflict('incident_closed', 'incident_closed');
      if (incident.paperwork_status !== TaskStatus.Done) {
        const due = (language: 'zh-CN' | 'en') =>
          localTimeText(incident.paperwork_due_at.getTime(), incident.time_zone, language);
        throw ApiError.conflict('incident_paperwork_open', {
          key: 'incident_paperwork_open',
          params: { due: { localized: { 'zh-CN': due('zh-CN'), en: due('en') } } },
        });
      }
      await manager.query(
        `UPDATE incidents SET status = 'closed', closed_at = now(), closed_by_id = $2, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, actor.id],
      );
      await this.timeline.record(
        {
          incidentId: id,
          kind: IncidentEventKind.Closed,
          actor: userActor(actor),
          detail: body.note ? { note: body.note } : {},
        },
        manager,
      );
    });
    this.tellResidentsClosed(id);
    return this.detail(id, actor);
  }

  private tellResidentsClosed(incidentId: string): void {
    const residents = this.residents;
    if (!residents) return;
    // Written by the system in a change set of its own, not in the coordinator's request's.
    runInChangeSet(randomUUID(), () =>
      residentContext(this.dataSource.manager, incidentId).then((context) =>
        residents.incidentUpdated(context, { kind: 'closed', at: new Date().toISOString() }),
      ),
    ).catch((error: Error) => this.logger.warn(`resident post for incident ${incidentId}: ${error.message}`));
  }
}
