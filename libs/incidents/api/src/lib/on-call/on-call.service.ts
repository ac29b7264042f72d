import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, Problem, problem, recordAudit } from '@worksite/api-core';
import { Actor, readScope, Resource, writeRefusal } from '@worksite/auth-access';
import { AuditAction, OnCallRosterDto } from '@worksite/shared-domain';
import { DataSource, EntityManager } from 'typeorm';
import { OnCallRosterBody } from './on-call.dto';

interface RosterRow {
  department_id: string;
  department_name: string;
  roster_id: string | null;
  version: number | null;
  duty_lead_name: string | null;
  duty_lead_phone: string | null;
  default_crew_id: string | null;
  default_crew_name: string | null;
}

/** Who is on duty: the crew of the latest-starting shift covering `at`, else the roster's default crew. */
export async function onDutyAt(
  manager: EntityManager,
  departmentId: string,
  at: Date,
): Promise<{ crewId: string | null; dutyLeadName: string | null; dutyLeadPhone: string | null }> {
  const [row] = await manager.query(
    `SELECT COALESCE(
              (SELECT s.crew_id FROM on_call_shifts s WHERE s.roster_id = r.id AND s.starts_at <= $2 AND s.ends_at > $2
                ORDER BY s.starts_at DESC LIMIT 1),
              r.default_crew_id) AS crew_id, r.duty_lead_name, r.duty_lead_phone
       FROM on_call_rosters r WHERE r.department_id = $1`,
    [departmentId, at],
  );
  return {
    crewId: row?.crew_id ?? null,
    dutyLeadName: row?.duty_lead_name ?? null,
    dutyLeadPhone: row?.duty_lead_phone ?? null,
  };
}

/**
 * On-call rosters per department: who leads the duty (SMS on escalation) and which crew is on
 * duty when. Read by admins, coordinators and viewers (agencies: their own department), kept by
 * admins and coordinators; a PUT replaces the roster, conditional on the version read.
 */
@Injectable()
export class OnCallService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, now = new Date()): Promise<OnCallRosterDto[]> {
    const filter = this.departmentFilter(actor);
    if (!filter) return [];
    const rows: RosterRow[] = await this.dataSource.query(
      `${ROSTER_SELECT} WHERE ${filter.where} ORDER BY d.name`,
      filter.params,
    );
    return Promise.all(rows.map((row) => this.toDto(this.dataSource.manager, row, now)));
  }

  async get(
    departmentId: string,
    actor: Actor,
    manager: EntityManager = this.dataSource.manager,
    now = new Date(),
  ): Promise<OnCallRosterDto> {
    const filter = this.departmentFilter(actor);
    const rows: RosterRow[] = filter
      ? await manager.query(`${ROSTER_SELECT} WHERE d.id = $${filter.params.length + 1} AND ${filter.where}`, [
          ...filter.params,
          departmentId,
        ])
      : [];
    if (!rows[0]) throw ApiError.notFound('department', departmentId);
    return this.toDto(manager, rows[0], now);
  }

  async put(departmentId: string, body: OnCallRosterBody, actor: Actor): Promise<OnCallRosterDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(departmentId, actor, manager);
      const refusal = writeRefusal(Resource.OnCallRoster, before.version ? 'update' : 'create', actor, {
        departmentId,
      });
      if (refusal) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', refusal.message);
      if ((body.version ?? 0) !== before.version) {
        throw ApiError.conflict('version_conflict', {
          key: 'version_conflict',
          params: { entity: { key: 'noun.on-call-roster' }, id: departmentId, version: before.version },
        });
      }
      await this.checkCrews(manager, departmentId, body);
      const [{ id }] = await manager.query(
        `INSERT INTO on_call_rosters (department_id, duty_lead_name, duty_lead_phone, default_crew_id)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (department_id) DO UPDATE SET duty_lead_name = $2, duty_lead_phone = $3, default_crew_id = $4,
           version = on_call_rosters.version + 1, updated_at = now()
         RETURNING id`,
        [departmentId, body.dutyLeadName ?? null, body.dutyLeadPhone ?? null, body.defaultCrewId ?? null],
      );
      await manager.query('DELETE FROM on_call_shifts WHERE roster_id = $1', [id]);
      for (const shift of body.shifts) {
        await manager.query(
          'INSERT INTO on_call_shifts (roster_id, crew_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)',
          [id, shift.crewId, shift.startsAt, shift.endsAt],
        );
      }
      const after = await this.get(departmentId, actor, manager);
      await recordAudit(manager, {
        actor,
        action: before.version ? AuditAction.Update : AuditAction.Create,
        entity: Resource.OnCallRoster,
        entityId: id,
        projectId: null,
        before: before.version ? before : undefined,
        after,
      });
      return after;
    });
  }

  private async checkCrews(manager: EntityManager, departmentId: string, body: OnCallRosterBody): Promise<void> {
    const crewIds = [
      ...new Set([...(body.defaultCrewId ? [body.defaultCrewId] : []), ...body.shifts.map((s) => s.crewId)]),
    ];
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM crews WHERE id = ANY($1::uuid[]) AND department_id = $2',
      [crewIds, departmentId],
    );
    const ours = new Set(rows.map((row) => row.id));
    const problems: Problem[] = [];
    if (body.defaultCrewId && !ours.has(body.defaultCrewId))
      problems.push(problem('defaultCrewId', 'onCallCrewDepartment'));
    body.shifts.forEach((shift, index) => {
      if (!ours.has(shift.crewId)) problems.push(problem(`shifts.${index}.crewId`, 'onCallCrewDepartment'));
      if (Date.parse(shift.endsAt) <= Date.parse(shift.startsAt))
        problems.push(problem(`shifts.${index}.endsAt`, 'onCallShiftReversed'));
    });
    if (problems.length)
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'on_call_invalid', 'on_call_invalid', { problems });
  }

  /** Departments whose roster the actor may read (null: none). */
  private departmentFilter(actor: Actor): { where: string; params: unknown[] } | null {
    const scope = readScope(Resource.OnCallRoster, actor);
    if (scope === 'none') return null;
    if (scope === 'all') return { where: 'true', params: [] };
    return actor.departmentId ? { where: 'd.id = $1', params: [actor.departmentId] } : null;
  }

  private async toDto(manager: EntityManager, row: RosterRow, now: Date): Promise<OnCallRosterDto> {
    const shifts: { crewId: string; crewName: string; startsAt: Date; endsAt: Date }[] = row.roster_id
      ? await manager.query(
          `SELECT s.crew_id AS "crewId", c.name AS "crewName", s.starts_at AS "startsAt", s.ends_at AS "endsAt"
             FROM on_call_shifts s JOIN crews c ON c.id = s.crew_id WHERE s.roster_id = $1 ORDER BY s.starts_at`,
          [row.roster_id],
        )
      : [];
    const duty = await onDutyAt(manager, row.department_id, now);
    const [crew] = duty.crewId ? await manager.query('SELECT name FROM crews WHERE id = $1', [duty.crewId]) : [];
    return {
      departmentId: row.department_id,
      departmentName: row.department_name,
      version: row.version ?? 0,
      dutyLeadName: row.duty_lead_name,
      dutyLeadPhone: row.duty_lead_phone,
      defaultCrewId: row.default_crew_id,
      defaultCrewName: row.default_crew_name,
      shifts: shifts.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
      onDutyCrewId: duty.crewId,
      onDutyCrewName: crew?.name ?? null,
    };
  }
}

const ROSTER_SELECT = `
  SELECT d.id AS department_id, d.name AS department_name, r.id AS roster_id, r.version, r.duty_lead_name,
         r.duty_lead_phone, r.default_crew_id, c.name AS default_crew_name
    FROM departments d LEFT JOIN on_call_rosters r ON r.department_id = d.id LEFT JOIN crews c ON c.id = r.default_crew_id`;
