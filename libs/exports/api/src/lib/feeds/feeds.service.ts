import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, recordAudit, scopedQuery } from '@worksite/api-core';
import { Actor, readScope, Resource } from '@worksite/auth-access';
import { NoticeLanguage, NoticeMaterial } from '@worksite/notices-domain';
import { AppConfig } from '@worksite/server-config';
import { CalendarFeedEntity, CrewEntity, TaskEntity } from '@worksite/server-data-access';
import { AuditAction, CalendarFeedDto, CalendarFeedStatusDto, Role } from '@worksite/shared-domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { FeedEvent, feedCalendar, feedName } from './feed-calendar';
import { FEED_TASKS_SQL } from './feed-tasks.sql';
import { placesOf } from '../places';
import { PlaceNames } from '../sheets/export-sheets';

const DAY = 86_400_000;
/** The window a feed lists: from a week ago to two months ahead. */
export const FEED_DAYS_BEFORE = 7;
export const FEED_DAYS_AFTER = 60;

/** Whose feed: a crew's, or one user's own (agencies). */
export type FeedOwner = { crewId: string } | { userId: string };

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

interface FeedTaskRow {
  id: string;
  version: number;
  updated_at: Date;
  title: string;
  content: string;
  status: string;
  progress: number;
  planned_start: Date;
  planned_finish: Date;
  materials: NoticeMaterial[] | null;
  tools: string[] | null;
  safety_notes: string;
  project_name: string;
  time_zone: string;
  department_name: string;
  crew_name: string | null;
  location_id: string | null;
}

/** A rendered feed: the iCalendar text and when its newest task changed. */
export interface RenderedFeed {
  text: string;
  lastModified: Date;
}

/**
 * Calendar feeds: secret, rotatable, revocable iCalendar URLs of a crew (its lead, the
 * coordinators of the projects it works in, admins) or of an agency user (their own).
 * A secret is 256 random bits; only its SHA-256 is stored, so the URL is shown once.
 */
@Injectable()
export class FeedsService {
  private readonly uidDomain: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.uidDomain = new URL(config.PUBLIC_URL).hostname || 'worksite';
  }

  /** The active feed of a crew or user, without its secret. */
  async status(owner: FeedOwner, actor: Actor): Promise<CalendarFeedStatusDto> {
    await this.authorize(owner, actor);
    const [row] = await this.dataSource.query(
      `SELECT f.created_at, f.last_used_at, u.display_name AS created_by_name
         FROM calendar_feeds f LEFT JOIN users u ON u.id = f.created_by_id
        WHERE f.revoked_at IS NULL AND ${'crewId' in owner ? 'f.crew_id' : 'f.user_id'} = $1`,
      ['crewId' in owner ? owner.crewId : owner.userId],
    );
    if (!row) return { active: false, createdAt: null, createdByName: null, lastUsedAt: null };
    return {
      active: true,
      createdAt: row.created_at.toISOString(),
      createdByName: row.created_by_name,
      lastUsedAt: row.last_used_at?.toISOString() ?? null,
    };
  }

  /** A new secret URL; the active one, if any, is revoked in the same transaction (rotation). */
  async create(owner: FeedOwner, actor: Actor): Promise<CalendarFeedDto> {
    await this.authorize(owner, actor);
    const token = randomBytes(32).toString('base64url');
    const created = await this.dataSource.transaction(async (manager) => {
      await this.revokeActive(manager, owner, actor);
      const row = await manager.save(
        manager.create(CalendarFeedEntity, {
          tokenHash: hash(token),
          crewId: 'crewId' in owner ? owner.crewId : null,
          userId: 'userId' in owner ? owner.userId : null,
          createdById: actor.id,
        }),
      );
      await recordAudit(manager, {
        actor,
        action: AuditAction.Create,
        entity: 'calendar-feed',
        entityId: row.id,
        projectId: null,
        after: { crewId: row.crewId, userId: row.userId },
      });
      return row;
    });
    return {
      url: `${this.config.PUBLIC_URL}/api/feeds/${token}.ics`,
      createdAt: created.createdAt.toISOString(),
    };
  }

  /** Revokes the active feed (its URL answers 404 from now on); nothing to revoke is fine too. */
  async revoke(owner: FeedOwner, actor: Actor): Promise<void> {
    await this.authorize(owner, actor);
    await this.dataSource.transaction((manager) => this.revokeActive(manager, owner, actor));
  }

  private async revokeActive(manager: EntityManager, owner: FeedOwner, actor: Actor): Promise<void> {
    const where = 'crewId' in owner ? { crewId: owner.crewId } : { userId: owner.userId };
    const active = await manager.findOne(CalendarFeedEntity, {
      where: { ...where, revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!active) return;
    const revokedAt = new Date();
    await manager.update(CalendarFeedEntity, { id: active.id }, { revokedAt });
    await recordAudit(manager, {
      actor,
      action: AuditAction.Update,
      entity: 'calendar-feed',
      entityId: active.id,
      projectId: null,
      before: { revokedAt: null },
      after: { revokedAt },
    });
  }

  /**
   * Who may manage a feed: a crew's feed its lead, the coordinators of a project it has tasks
   * in and admins (a crew others may not see answers 404); one's own feed agency users only.
   */
  private async authorize(owner: FeedOwner, actor: Actor): Promise<void> {
    if ('userId' in owner) {
      if (actor.role !== Role.Agency) throw forbidden('feed_agency_only');
      return;
    }
    const crew = await scopedQuery(this.dataSource.manager, CrewEntity, Resource.Crew, actor)
      .andWhere('e.id = :id', { id: owner.crewId })
      .getOne();
    if (!crew) throw ApiError.notFound('crew', owner.crewId);
    if (actor.role === Role.Admin) return;
    if (actor.role === Role.Contractor && actor.crewIds.includes(crew.id)) return;
    if (actor.role === Role.Coordinator && actor.projectIds.length) {
      const [planned] = await this.dataSource.query(
        'SELECT 1 FROM tasks WHERE crew_id = $1 AND project_id = ANY($2::uuid[]) LIMIT 1',
        [crew.id, actor.projectIds],
      );
      if (planned) return;
    }
    throw forbidden('feed_crew_managers_only');
  }

  /**
   * The feed of a secret: undefined for an unknown or revoked one (the route answers 404 alike).
   * Marks the feed used (at most once a minute, so polling calendars do not write each time).
   */
  async render(token: string, now = new Date()): Promise<RenderedFeed | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const [feed] = await this.dataSource.query(
      `UPDATE calendar_feeds SET last_used_at = CASE
              WHEN last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute' THEN $2 ELSE last_used_at END
        WHERE token_hash = $1 AND revoked_at IS NULL
        RETURNING id, crew_id, user_id, created_at`,
      [hash(token), now],
    );
    const row = feed?.[0] as { crew_id: string | null; user_id: string | null; created_at: Date } | undefined;
    if (!row) return undefined;
    const from = now.getTime() - FEED_DAYS_BEFORE * DAY;
    const to = now.getTime() + FEED_DAYS_AFTER * DAY;
    const audience = row.crew_id
      ? await this.crewAudience(row.crew_id, from, to)
      : await this.userAudience(row.user_id as string, from, to);
    if (!audience) return undefined;
    const rows: FeedTaskRow[] = audience.taskIds.length
      ? await this.dataSource.query(FEED_TASKS_SQL, [audience.taskIds, audience.namedCrewIds])
      : [];
    const places = await placesOf(
      this.dataSource.manager,
      rows.map((r) => r.location_id),
    );
    const events = rows.map((r) => eventOf(r, places.get(r.location_id ?? '') ?? null));
    const text = feedCalendar(
      { name: feedName(audience.name, audience.language), language: audience.language, events, from, to },
      { uidDomain: this.uidDomain },
    );
    const newest = Math.max(row.created_at.getTime(), ...events.map((event) => event.updatedAt.getTime()));
    return { text, lastModified: new Date(newest) };
  }

  /** A crew's own tasks in the window, any project; it reads its own crew's name only. */
  private async crewAudience(crewId: string, from: number, to: number) {
    const [crew] = await this.dataSource.query('SELECT name, language FROM crews WHERE id = $1', [crewId]);
    if (!crew) return undefined;
    const ids: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM tasks WHERE crew_id = $1 AND planned_finish >= $2 AND planned_start <= $3',
      [crewId, new Date(from), new Date(to)],
    );
    return {
      name: crew.name as string,
      language: languageOf(crew.language),
      taskIds: ids.map((r) => r.id),
      namedCrewIds: [crewId],
    };
  }

  /**
   * An agency user's tasks in the window: exactly those the tasks API shows them (their
   * department's and the tasks linked to them), crew names only of the crews they may read.
   */
  private async userAudience(userId: string, from: number, to: number) {
    const [user] = await this.dataSource.query(
      'SELECT id, display_name, role, language, department_id FROM users WHERE id = $1 AND active',
      [userId],
    );
    if (!user || user.role !== Role.Agency) return undefined;
    const actor: Actor = {
      id: user.id,
      name: user.display_name,
      role: user.role,
      sessionId: '',
      departmentId: user.department_id,
      crewIds: [],
      projectIds: [],
    };
    const manager = this.dataSource.manager;
    const tasks = await scopedQuery(manager, TaskEntity, Resource.Task, actor)
      .select('e.id')
      .andWhere('e.plannedFinish >= :from AND e.plannedStart <= :to', { from: new Date(from), to: new Date(to) })
      .getMany();
    const crews =
      readScope(Resource.Crew, actor) === 'none'
        ? []
        : await scopedQuery(manager, CrewEntity, Resource.Crew, actor).select('e.id').getMany();
    return {
      name: user.display_name as string,
      language: languageOf(user.language),
      taskIds: tasks.map((task) => task.id),
      namedCrewIds: crews.map((crew) => crew.id),
    };
  }
}

const languageOf = (language: string): NoticeLanguage => (language === 'en' ? 'en' : 'zh-CN');

const forbidden = (key: 'feed_agency_only' | 'feed_crew_managers_only') =>
  new ApiError(HttpStatus.FORBIDDEN, 'forbidden', key);

function eventOf(row: FeedTaskRow, location: PlaceNames | null): FeedEvent {
  return {
    taskId: row.id,
    version: row.version,
    updatedAt: row.updated_at,
    title: row.title,
    content: row.content,
    status: row.status,
    progress: row.progress,
    startsAt: row.planned_start,
    endsAt: row.planned_finish,
    timeZone: row.time_zone,
    projectName: row.project_name,
    departmentName: row.department_name,
    crewName: row.crew_name,
    location,
    materials: row.materials ?? [],
    tools: row.tools ?? [],
    safetyNotes: row.safety_notes,
  };
}
