import { Injectable } from '@nestjs/common';
import { Actor, ActorCache } from '@worksite/auth-access';
import { Role } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';

interface ActorRow {
  id: string;
  display_name: string;
  role: Role;
  department_id: string | null;
  crew_ids: string[];
  project_ids: string[];
  expires_at: Date;
}

/**
 * Loads the actor of a session in one query; nothing when the session ended or the user was
 * deactivated. A live session found is kept for a few seconds (ActorCache), so a busy client's
 * requests do not each read it again.
 */
@Injectable()
export class ActorLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: ActorCache,
  ) {}

  async load(userId: string, sessionId: string): Promise<Actor | undefined> {
    const cached = this.cache.get(sessionId, userId);
    if (cached) return cached;
    const mark = this.cache.mark();
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, u.role, u.department_id, s.expires_at,
              ARRAY(SELECT crew_id FROM user_crews WHERE user_id = u.id) AS crew_ids,
              ARRAY(SELECT project_id FROM user_projects WHERE user_id = u.id) AS project_ids
         FROM users u
         JOIN sessions s ON s.user_id = u.id
        WHERE u.id = $1 AND s.id = $2 AND u.active AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [userId, sessionId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const actor: Actor = {
      id: row.id,
      name: row.display_name,
      role: row.role,
      sessionId,
      departmentId: row.department_id,
      crewIds: row.crew_ids,
      projectIds: row.project_ids,
    };
    this.cache.put(actor, row.expires_at.getTime(), mark);
    return actor;
  }
}
