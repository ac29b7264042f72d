import { IncidentTimeline } from '@worksite/incidents-data-access';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, recordAudit, scopedQuery } from '@worksite/api-core';
import { Actor, announcementRefusal, Resource, SYSTEM_ACTOR } from '@worksite/auth-access';
import { AnnouncementRobotPosts } from '@worksite/notices-channels';
import { AppConfig } from '@worksite/server-config';
import {
  AnnouncementEntity,
  buildingsOf,
  generatedText,
  placesOf,
  ProjectEntity,
  rowFingerprint,
  syncAnnouncements,
} from '@worksite/server-data-access';
import {
  AnnouncementDto,
  AnnouncementEvent,
  announcementTransition,
  followUpText,
  LeadDays,
  leadDaysOf,
} from '@worksite/shared-announcements';
import { AuditAction, InterruptionKind, Role } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { announcementDtos } from './announcement-mapper';

/** What the incident code passes to draft an emergency announcement. */
export interface IncidentAnnouncementInput {
  incidentId: string;
  /** The project the incident belongs to, if any (its coordinators approve). */
  projectId?: string | null;
  locationIds: string[];
  kinds: InterruptionKind[];
  from: Date | string;
  /** Expected end; null: until repaired. */
  until: Date | string | null;
  reason: string;
  /** Departments and contractors at work. */
  departments: string[];
  /** Whom residents call, e.g. "甄红波 13800000001". */
  contact: string;
  /** Who signs (default: the project's name, else 社区居委会). */
  issuer?: string;
  emergency?: boolean;
  timeZone?: string;
}

/** Edits a coordinator may make to a draft. */
export interface AnnouncementEdit {
  version: number;
  text?: string;
  reason?: string;
  contacts?: string[];
  workers?: string[];
}

const DEFAULT_ZONE = 'Asia/Shanghai';

/**
 * Resident announcements: drafts for planned cuts (kept in step with their tasks) and for
 * incidents, edited, approved by those who may (announcementRefusal → 403), posted to the
 * buildings' robots (AnnouncementRobotPosts, exactly once) and followed up. Every write is conditional on
 * the version read (409 otherwise), with an audit entry, in one transaction.
 */
@Injectable()
export class AnnouncementsService {
  readonly leadDays: LeadDays;

  constructor(
    private readonly dataSource: DataSource,
    private readonly robots: AnnouncementRobotPosts,
    config: AppConfig,
    private readonly incidentTimeline: IncidentTimeline,
  ) {
    this.leadDays = leadDaysOf(config.ANNOUNCE_LEAD_DAYS);
  }

  /** A project's announcements by the start of their cut; every cut of its tasks has one (drafted here if new or moved). */
  async list(projectId: string, actor: Actor, now = Date.now()): Promise<{ items: AnnouncementDto[] }> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.visibleProject(manager, projectId, actor);
      await syncAnnouncements(manager, project, now);
      const rows = await manager.find(AnnouncementEntity, {
        where: { projectId },
        order: { startsAt: 'ASC', id: 'ASC' },
      });
      return { items: await announcementDtos(manager, rows, this.leadDays, now) };
    });
  }

  async get(id: string, actor: Actor, now = Date.now()): Promise<AnnouncementDto> {
    return this.dataSource.transaction(async (manager) => {
      const { row } = await this.visible(manager, id, actor);
      return (await announcementDtos(manager, [row], this.leadDays, now))[0];
    });
  }

  /** Changes the text (or the facts, regenerating the text); an approved text goes back to draft. */
  edit(id: string, actor: Actor, edit: AnnouncementEdit, now = Date.now()): Promise<AnnouncementDto> {
    return this.step(id, actor, edit.version, 'edit', now, async (manager, row, zone) => {
      const facts = {
        ...row,
        reason: edit.reason ?? row.reason,
        contacts: edit.contacts ?? row.contacts,
        workers: edit.workers ?? row.workers,
      };
      const factsChanged = edit.reason !== undefined || edit.contacts !== undefined || edit.workers !== undefined;
      const text = edit.text ?? (factsChanged ? await generatedText(manager, facts, zone, now) : row.text);
      return {
        reason: facts.reason,
        contacts: facts.contacts,
        workers: facts.workers,
        text,
        edited: edit.text !== undefined ? true : row.edited,
        approvedAt: null,
        approvedByName: null,
      };
    });
  }

  approve(id: string, actor: Actor, version: number, now = Date.now()): Promise<AnnouncementDto> {
    return this.step(id, actor, version, 'approve', now, async () => ({
      approvedAt: new Date(now),
      approvedByName: actor.name,
    }));
  }

  /** Posts the approved text to the robots of the buildings concerned (each once), then sends. */
  async post(id: string, actor: Actor, version: number, now = Date.now()): Promise<AnnouncementDto> {
    const deliveries: string[] = [];
    await this.step(id, actor, version, 'post', now, async (manager, row) => {
      deliveries.push(...(await this.writePost(manager, row, 'post', row.text, actor)));
      return { postedAt: new Date(now), updateNeeded: false };
    });
    await this.robots.attemptAll(deliveries);
    return this.notedOnIncident(await this.get(id, actor), actor);
  }

  /** A follow-up post ("已恢复供电") on a posted announcement, to the same robots. */
  async followUp(id: string, actor: Actor, version: number, text?: string, now = Date.now()): Promise<AnnouncementDto> {
    const deliveries: string[] = [];
    await this.step(id, actor, version, 'follow-up', now, async (manager, row) => {
      const places = await placesOf(manager, row.locationIds);
      const body = followUpText({ kinds: row.kinds, places, issuer: row.issuer }, text);
      deliveries.push(...(await this.writePost(manager, row, 'follow-up', body, actor)));
      return {};
    });
    await this.robots.attemptAll(deliveries);
    return this.notedOnIncident(await this.get(id, actor), actor, text);
  }

  /** A post of an incident's announcement goes on the incident's timeline (resident post sent). */
  private async notedOnIncident(announcement: AnnouncementDto, actor: Actor, text?: string): Promise<AnnouncementDto> {
    if (announcement.incidentId) {
      await this.incidentTimeline.recordResidentPost(announcement.incidentId, {
        announcementId: announcement.id,
        channel: 'robot',
        text: text ?? announcement.text,
        actorName: actor.name,
        actorId: actor.id,
      });
    }
    return announcement;
  }

  /** Sends the deliveries still owed (a robot that was down or throttled); a sent one is never sent again. */
  async deliverOwed(id: string, actor: Actor): Promise<AnnouncementDto> {
    await this.dataSource.transaction(async (manager) => {
      const { row } = await this.visible(manager, id, actor);
      this.refuseUnlessApprover(actor, row.projectId);
    });
    await this.robots.attemptAll(await this.robots.owed(id));
    return this.get(id, actor);
  }

  /**
   * An emergency announcement of an incident, as a draft for a coordinator to approve and post
   * (the incident code calls this when the incident is opened). Marked 【紧急】; no lead time.
   */
  async draftForIncident(input: IncidentAnnouncementInput, actor: Actor = SYSTEM_ACTOR, now = Date.now()) {
    return this.dataSource.transaction(async (manager) => {
      const project = input.projectId ? await manager.findOneBy(ProjectEntity, { id: input.projectId }) : null;
      const zone = input.timeZone ?? project?.timeZone ?? DEFAULT_ZONE;
      const facts = {
        kinds: input.kinds,
        emergency: input.emergency ?? true,
        startsAt: new Date(input.from),
        endsAt: input.until ? new Date(input.until) : null,
        locationIds: input.locationIds,
        reason: input.reason,
        workers: input.departments,
        contacts: input.contact ? [input.contact] : [],
        issuer: input.issuer ?? project?.name ?? '社区居委会',
      };
      const saved = await manager.save(
        manager.create(AnnouncementEntity, {
          ...facts,
          projectId: project?.id ?? null,
          incidentId: input.incidentId,
          text: await generatedText(manager, facts, zone, now),
          cutFingerprint: rowFingerprint(facts),
        }),
      );
      await audit(manager, actor, AuditAction.Create, saved, undefined, { state: saved.state, text: saved.text });
      return (await announcementDtos(manager, [saved], this.leadDays, now))[0];
    });
  }

  /** The row and its zone, for the notice PDF. */
  async forNotice(id: string, actor: Actor): Promise<{ row: AnnouncementEntity; timeZone: string }> {
    return this.dataSource.transaction(async (manager) => {
      const { row, project } = await this.visible(manager, id, actor);
      return { row, timeZone: project?.timeZone ?? DEFAULT_ZONE };
    });
  }

  private async writePost(
    manager: EntityManager,
    row: AnnouncementEntity,
    kind: 'post' | 'follow-up',
    text: string,
    actor: Actor,
  ): Promise<string[]> {
    const [post]: { id: string }[] = await manager.query(
      `INSERT INTO announcement_posts (announcement_id, revision, kind, text, cut_fingerprint, posted_by_name)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [row.id, row.revision, kind, text, kind === 'post' ? row.cutFingerprint : null, actor.name],
    );
    return this.robots.plan(manager, post.id, await buildingsOf(manager, row.locationIds));
  }

  /** One transition: visible (404), may approve (403), allowed in its state (409), version current (409). */
  private async step(
    id: string,
    actor: Actor,
    version: number,
    event: AnnouncementEvent,
    now: number,
    change: (manager: EntityManager, row: AnnouncementEntity, zone: string) => Promise<Partial<AnnouncementEntity>>,
  ): Promise<AnnouncementDto> {
    return this.dataSource.transaction(async (manager) => {
      const { row, project } = await this.visible(manager, id, actor, true);
      this.refuseUnlessApprover(actor, row.projectId);
      const next = announcementTransition(row.state, event);
      if ('refused' in next) throw ApiError.conflict(next.refused, next.refused, { state: row.state });
      if (row.version !== version) throw stale(row);
      const values = { ...(await change(manager, row, project?.timeZone ?? DEFAULT_ZONE)), state: next.to };
      const result = await manager
        .createQueryBuilder()
        .update(AnnouncementEntity)
        .set({ ...values, version: () => 'version + 1' } as never)
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (result.affected !== 1) throw stale(row);
      const after = await manager.findOneByOrFail(AnnouncementEntity, { id });
      await audit(manager, actor, AuditAction.Update, after, row);
      return (await announcementDtos(manager, [after], this.leadDays, now))[0];
    });
  }

  private refuseUnlessApprover(actor: Actor, projectId: string | null): void {
    const refusal = announcementRefusal(actor, projectId);
    if (refusal) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', refusal.message);
  }

  private async visibleProject(manager: EntityManager, projectId: string, actor: Actor): Promise<ProjectEntity> {
    const project = await scopedQuery(manager, ProjectEntity, Resource.Project, actor)
      .andWhere('e.id = :projectId', { projectId })
      .getOne();
    if (!project) throw ApiError.notFound(Resource.Project, projectId);
    return project;
  }

  /** The announcement if the actor sees its project (an incident's: admins, coordinators, viewers); else 404. */
  private async visible(
    manager: EntityManager,
    id: string,
    actor: Actor,
    lock = false,
  ): Promise<{ row: AnnouncementEntity; project: ProjectEntity | null }> {
    const row = await manager.findOne(AnnouncementEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) throw ApiError.notFound(Resource.Announcement, id);
    if (!row.projectId) {
      const roles: string[] = [Role.Admin, Role.Coordinator, Role.Viewer];
      if (!roles.includes(actor.role)) throw ApiError.notFound(Resource.Announcement, id);
      return { row, project: null };
    }
    const project = await scopedQuery(manager, ProjectEntity, Resource.Project, actor)
      .andWhere('e.id = :projectId', { projectId: row.projectId })
      .getOne();
    if (!project) throw ApiError.notFound(Resource.Announcement, id);
    return { row, project };
  }
}

function stale(row: AnnouncementEntity): ApiError {
  return ApiError.conflict('version_conflict', 'announcement_stale', { version: row.version, state: row.state });
}

async function audit(
  manager: EntityManager,
  actor: Actor,
  action: AuditAction,
  after: AnnouncementEntity,
  before?: AnnouncementEntity,
  fields?: Record<string, unknown>,
): Promise<void> {
  await recordAudit(manager, {
    actor,
    action,
    entity: Resource.Announcement,
    entityId: after.id,
    projectId: after.projectId,
    before: before ?? undefined,
    after: fields ?? after,
  });
}
