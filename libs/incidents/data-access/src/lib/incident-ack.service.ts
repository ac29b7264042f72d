import { Injectable } from '@nestjs/common';
import { IncidentDepartmentStatus } from '@worksite/shared-domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentDepartments } from './incident-departments.service';

/** What a call-out's link refers to, for its confirmation page. */
export interface IncidentAckInfo {
  state: 'valid' | 'expired';
  incidentDepartmentId: string;
  incidentCode: string;
  incidentTitle: string;
  departmentName: string;
  crewId: string | null;
  crewName: string | null;
  language: string;
  status: IncidentDepartmentStatus;
  acknowledgedAt: Date | null;
}

export type IncidentAckResult =
  | { outcome: 'confirmed' | 'already'; info: IncidentAckInfo }
  | { outcome: 'unknown' | 'expired'; info?: IncidentAckInfo };

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A call-out's acknowledgement link: the token (256 random bits, only its SHA-256 stored) is
 * bound to the department called in and the call-out that carried it. GET shows, POST
 * acknowledges once; it never grants a session.
 */
@Injectable()
export class IncidentAcks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: IncidentDepartments,
  ) {}

  async inspect(
    token: string,
    now = new Date(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IncidentAckInfo | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const [row] = await manager.query(
      `SELECT t.incident_department_id, t.expires_at, i.code, i.title, d.name AS department_name, x.crew_id,
              c.name AS crew_name, co.language, x.status, x.acknowledged_at
         FROM incident_ack_tokens t
         JOIN incident_departments x ON x.id = t.incident_department_id
         JOIN incidents i ON i.id = x.incident_id
         JOIN departments d ON d.id = x.department_id
         JOIN incident_callouts co ON co.id = t.callout_id
         LEFT JOIN crews c ON c.id = x.crew_id
        WHERE t.token_hash = $1`,
      [hash(token)],
    );
    if (!row) return undefined;
    return {
      state: row.expires_at.getTime() <= now.getTime() ? 'expired' : 'valid',
      incidentDepartmentId: row.incident_department_id,
      incidentCode: row.code,
      incidentTitle: row.title,
      departmentName: row.department_name,
      crewId: row.crew_id,
      crewName: row.crew_name,
      language: row.language,
      status: row.status,
      acknowledgedAt: row.acknowledged_at,
    };
  }

  async confirm(token: string, now = new Date()): Promise<IncidentAckResult> {
    return this.dataSource.transaction(async (manager) => {
      const info = await this.inspect(token, now, manager);
      if (!info) return { outcome: 'unknown' };
      if (info.state === 'expired') return { outcome: 'expired', info };
      await manager.query('UPDATE incident_ack_tokens SET used_at = COALESCE(used_at, now()) WHERE token_hash = $1', [
        hash(token),
      ]);
      const moved = await this.departments.advance(
        info.incidentDepartmentId,
        IncidentDepartmentStatus.Acknowledged,
        { kind: 'crew', name: info.crewName ?? info.departmentName, id: info.crewId },
        { via: 'link' },
        manager,
      );
      const after = (await this.inspect(token, now, manager)) as IncidentAckInfo;
      return { outcome: moved === 'moved' ? 'confirmed' : 'already', info: after };
    });
  }
}
