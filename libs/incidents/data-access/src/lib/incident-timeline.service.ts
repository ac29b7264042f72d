import { Injectable } from '@nestjs/common';
import { IncidentEventKind } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentActor } from './incident-actor';

/** One timeline entry to record. */
export interface IncidentEventInput {
  incidentId: string;
  kind: IncidentEventKind;
  actor: IncidentActor;
  at?: Date;
  departmentId?: string | null;
  taskId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * The incidents' timelines: every event with who and when, written in the transaction of the
 * change it records (pass its manager), so the board never shows a change without its entry.
 */
@Injectable()
export class IncidentTimeline {
  constructor(private readonly dataSource: DataSource) {}

  async record(event: IncidentEventInput, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO incident_events (incident_id, kind, at, actor_kind, actor_name, actor_id, department_id, task_id, detail)
       VALUES ($1, $2, COALESCE($3, now()), $4, $5, $6, $7, $8, $9)`,
      [
        event.incidentId,
        event.kind,
        event.at ?? null,
        event.actor.kind,
        event.actor.name,
        event.actor.id,
        event.departmentId ?? null,
        event.taskId ?? null,
        JSON.stringify(event.detail ?? {}),
      ],
    );
  }

  /**
   * The hook's other half: the announcements service (or a coordinator) records that a post to
   * the residents' group went out. Unknown incidents are ignored (false).
   */
  async recordResidentPost(
    incidentId: string,
    post: { announcementId?: string; channel?: string; text?: string; actorName?: string; actorId?: string | null },
  ): Promise<boolean> {
    const [found] = await this.dataSource.query('SELECT 1 FROM incidents WHERE id = $1', [incidentId]);
    if (!found) return false;
    await this.record({
      incidentId,
      kind: IncidentEventKind.ResidentPostSent,
      actor: { kind: post.actorId ? 'user' : 'system', name: post.actorName ?? 'system', id: post.actorId ?? null },
      detail: {
        ...(post.announcementId ? { announcementId: post.announcementId } : {}),
        ...(post.channel ? { channel: post.channel } : {}),
        ...(post.text ? { text: post.text.slice(0, 2000) } : {}),
      },
    });
    return true;
  }
}
