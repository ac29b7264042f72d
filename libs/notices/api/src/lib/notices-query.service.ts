import { Injectable } from '@nestjs/common';
import { ApiError, Page, scopedQuery } from '@worksite/api-core';
import { Actor, maySeeCrewContacts, Resource } from '@worksite/auth-access';
import { NoticeRunsService, queryRows } from '@worksite/notices-data-access';
import { DeliveryEntity, NoticeEntity, NoticeEscalationEntity, NoticeRunEntity } from '@worksite/server-data-access';
import { DeliveryDto, NoticeDto, NoticeEscalationDto, NoticeRunDto, NoticeRunStatus } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { DeliveryQueryDto, EscalationQueryDto, NoticeQueryDto, NoticeRunQueryDto } from './notice-queries.dto';
import { toDeliveryDto, toNoticeDto, toRunDto } from './notice-mappers';

/** Reads of runs, notices, deliveries and escalations, limited to what the actor may see. */
@Injectable()
export class NoticesQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runsService: NoticeRunsService,
  ) {}

  async runs(query: NoticeRunQueryDto, actor: Actor): Promise<Page<NoticeRunDto>> {
    const builder = scopedQuery(this.dataSource.manager, NoticeRunEntity, Resource.NoticeRun, actor);
    if (query.projectId) builder.andWhere('e.projectId = :projectId', { projectId: query.projectId });
    if (query.date) builder.andWhere('e.runDate = :date', { date: query.date });
    if (query.status) builder.andWhere('e.status = :status', { status: query.status });
    const [rows, total] = await builder
      .orderBy('e.runDate', 'DESC')
      .addOrderBy('e.createdAt', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((run) => toRunDto(run)), total, page: query.page, pageSize: query.pageSize };
  }

  /** A run with its live summary: acknowledged and not, by the latest revision of each crew. */
  async run(id: string, actor: Actor): Promise<NoticeRunDto> {
    const run = await scopedQuery(this.dataSource.manager, NoticeRunEntity, Resource.NoticeRun, actor)
      .andWhere('e.id = :id', { id })
      .getOne();
    if (!run) throw ApiError.notFound('notice-run', id);
    // The stored counters of a running run are recounted every half second by the worker;
    // one run asked for by id is recounted now, so what the coordinator sees is exact.
    const current = run.status === NoticeRunStatus.Running ? ((await this.runsService.summarise(id)) ?? run) : run;
    const [live] = await queryRows<{ acknowledged: number; unacknowledged: number; amendments: number }>(
      this.dataSource.manager,
      `SELECT count(*) FILTER (WHERE latest.acknowledged_at IS NOT NULL)::int AS acknowledged,
              count(*) FILTER (WHERE latest.acknowledged_at IS NULL)::int AS unacknowledged,
              (SELECT count(*)::int FROM notices a WHERE a.run_id = $1 AND a.revision > 1) AS amendments
         FROM (SELECT DISTINCT ON (n.crew_id) n.acknowledged_at FROM notices n
                WHERE n.run_id = $1 ORDER BY n.crew_id, n.revision DESC) latest`,
      [id],
    );
    return toRunDto(current, live);
  }

  async notices(query: NoticeQueryDto, actor: Actor): Promise<Page<NoticeDto>> {
    const builder = scopedQuery(this.dataSource.manager, NoticeEntity, Resource.Notice, actor);
    if (query.date) builder.andWhere('e.noticeDate = :date', { date: query.date });
    if (query.crewId) builder.andWhere('e.crewId = :crewId', { crewId: query.crewId });
    if (query.projectId) builder.andWhere(':projectId = ANY(e.projectIds)', { projectId: query.projectId });
    if (query.runId) builder.andWhere('e.runId = :runId', { runId: query.runId });
    if (query.reason) builder.andWhere('e.reason = :reason', { reason: query.reason });
    if (query.acknowledged !== undefined) {
      builder.andWhere(query.acknowledged ? 'e.acknowledgedAt IS NOT NULL' : 'e.acknowledgedAt IS NULL');
    }
    if (query.latest) {
      builder.andWhere(
        'e.revision = (SELECT max(l.revision) FROM notices l WHERE l.crew_id = e.crew_id AND l.notice_date = e.notice_date)',
      );
    }
    const [rows, total] = await builder
      .orderBy('e.noticeDate', 'DESC')
      .addOrderBy('e.crewId', 'ASC')
      .addOrderBy('e.revision', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.crewNames(rows.map((row) => row.crewId));
    return {
      items: rows.map((notice) => toNoticeDto(notice, names.get(notice.crewId) ?? '')),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** One notice the actor may see, with its content as sent and its deliveries; 404 otherwise. */
  async notice(id: string, actor: Actor): Promise<NoticeDto> {
    const notice = await this.visibleNotice(id, actor);
    const deliveries = await this.dataSource
      .getRepository(DeliveryEntity)
      .find({ where: { noticeId: id }, order: { purpose: 'ASC', kind: 'ASC', createdAt: 'ASC' } });
    const names = await this.crewNames([notice.crewId]);
    return toNoticeDto(notice, names.get(notice.crewId) ?? '', {
      content: true,
      deliveries,
      contacts: maySeeCrewContacts(actor, notice.crewId),
    });
  }

  async visibleNotice(id: string, actor: Actor): Promise<NoticeEntity> {
    const notice = await scopedQuery(this.dataSource.manager, NoticeEntity, Resource.Notice, actor)
      .andWhere('e.id = :id', { id })
      .getOne();
    if (!notice) throw ApiError.notFound('notice', id);
    return notice;
  }

  async deliveries(query: DeliveryQueryDto, actor: Actor): Promise<Page<DeliveryDto>> {
    const builder = scopedQuery(this.dataSource.manager, DeliveryEntity, Resource.Delivery, actor);
    const filters: [string, string, unknown][] = [
      ['n.notice_date = :date', 'date', query.date],
      ['n.crew_id = :crewId', 'crewId', query.crewId],
      ['n.run_id = :runId', 'runId', query.runId],
    ];
    const given = filters.filter(([, , value]) => value !== undefined);
    const notices = given.map(([condition]) => condition);
    const params = Object.fromEntries(given.map(([, name, value]) => [name, value]));
    if (notices.length)
      builder.andWhere(`e.noticeId IN (SELECT n.id FROM notices n WHERE ${notices.join(' AND ')})`, params);
    if (query.noticeId) builder.andWhere('e.noticeId = :noticeId', { noticeId: query.noticeId });
    if (query.status?.length) builder.andWhere('e.status IN (:...status)', { status: query.status });
    if (query.kind) builder.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.purpose) builder.andWhere('e.purpose = :purpose', { purpose: query.purpose });
    const [rows, total] = await builder
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const crews = await this.crewsOfNotices(rows.map((row) => row.noticeId));
    return {
      items: rows.map((row) => toDeliveryDto(row, maySeeCrewContacts(actor, crews.get(row.noticeId)))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Crews flagged to coordinators, with the coordinators of the project and whether the crew acknowledged since. */
  async escalations(query: EscalationQueryDto, actor: Actor): Promise<Page<NoticeEscalationDto>> {
    const builder = scopedQuery(this.dataSource.manager, NoticeEscalationEntity, Resource.NoticeEscalation, actor);
    if (query.projectId) builder.andWhere('e.projectId = :projectId', { projectId: query.projectId });
    if (query.date) builder.andWhere('e.noticeDate = :date', { date: query.date });
    const [rows, total] = await builder
      .orderBy('e.noticeDate', 'DESC')
      .addOrderBy('e.createdAt', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const details = rows.length
      ? await queryRows<{
          id: string;
          crew_name: string;
          leader_name: string;
          leader_phone: string | null;
          acknowledged_at: Date | null;
          coordinators: NoticeEscalationDto['coordinators'];
        }>(
          this.dataSource.manager,
          `SELECT e.id, c.name AS crew_name, c.leader_name, c.leader_phone,
                  (SELECT max(a.acknowledged_at) FROM notices a WHERE a.crew_id = e.crew_id AND a.notice_date = e.notice_date
                      AND a.revision >= n.revision) AS acknowledged_at,
                  coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.display_name, 'email', u.email, 'phone', u.phone)
                                            ORDER BY u.display_name)
                              FROM user_projects up JOIN users u ON u.id = up.user_id
                             WHERE up.project_id = e.project_id AND u.role = 'coordinator' AND u.active), '[]') AS coordinators
             FROM notice_escalations e JOIN crews c ON c.id = e.crew_id JOIN notices n ON n.id = e.notice_id
            WHERE e.id = ANY($1::uuid[])`,
          [rows.map((row) => row.id)],
        )
      : [];
    const byId = new Map(details.map((row) => [row.id, row]));
    return {
      items: rows.map((row) => {
        const detail = byId.get(row.id);
        return {
          id: row.id,
          projectId: row.projectId,
          crewId: row.crewId,
          crewName: detail?.crew_name ?? '',
          noticeId: row.noticeId,
          noticeDate: row.noticeDate,
          leaderName: detail?.leader_name ?? '',
          leaderPhone: maySeeCrewContacts(actor, row.crewId) ? (detail?.leader_phone ?? null) : null,
          createdAt: row.createdAt.toISOString(),
          acknowledgedAt: detail?.acknowledged_at ? detail.acknowledged_at.toISOString() : null,
          coordinators: detail?.coordinators ?? [],
        };
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The crew of each notice (whose contact data a delivery carries). */
  private async crewsOfNotices(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await queryRows<{ id: string; crew_id: string }>(
      this.dataSource.manager,
      'SELECT id, crew_id FROM notices WHERE id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.crew_id]));
  }

  private async crewNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await queryRows<{ id: string; name: string }>(
      this.dataSource.manager,
      'SELECT id, name FROM crews WHERE id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
