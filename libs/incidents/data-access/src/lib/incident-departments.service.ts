import { Injectable } from '@nestjs/common';
import { DEPARTMENT_STATUS_STEPS, mayAdvance } from '@worksite/incidents-domain';
import { INCIDENT_DEPARTMENT_STATUS_ORDER, IncidentDepartmentStatus } from '@worksite/shared-domain';
import { queryRows } from '@worksite/notices-data-access';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentActor } from './incident-actor';
import { IncidentTimeline } from './incident-timeline.service';

export type AdvanceResult = 'moved' | 'not-found' | 'backwards';

/**
 * Moves a called-in department forward (notified → acknowledged → on site → done), one
 * conditional UPDATE: only from an earlier status, so two acknowledgements (the link and a
 * coordinator) record one move; the event goes in the same transaction. Acknowledging (or any
 * later status) stops the pending escalation.
 */
@Injectable()
export class IncidentDepartments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
  ) {}

  async advance(
    incidentDepartmentId: string,
    to: Exclude<IncidentDepartmentStatus, IncidentDepartmentStatus.Calling>,
    actor: IncidentActor,
    detail: Record<string, unknown> = {},
    manager?: EntityManager,
  ): Promise<AdvanceResult> {
    const run = async (tx: EntityManager): Promise<AdvanceResult> => {
      const step = DEPARTMENT_STATUS_STEPS[to];
      const earlier = INCIDENT_DEPARTMENT_STATUS_ORDER.filter((status) => mayAdvance(status, to));
      const stopEscalation = to === IncidentDepartmentStatus.Notified ? '' : ', escalation_due_at = NULL';
      const rows = await queryRows<{ incident_id: string; department_id: string }>(
        tx,
        `UPDATE incident_departments SET status = $2, ${step.column} = COALESCE(${step.column}, now())${stopEscalation}
          WHERE id = $1 AND status = ANY($3::incident_department_status[])
          RETURNING incident_id, department_id`,
        [incidentDepartmentId, to, earlier],
      );
      const [moved] = rows;
      if (!moved) {
        const [exists] = await tx.query('SELECT 1 FROM incident_departments WHERE id = $1', [incidentDepartmentId]);
        return exists ? 'backwards' : 'not-found';
      }
      await this.timeline.record(
        { incidentId: moved.incident_id, kind: step.event, actor, departmentId: moved.department_id, detail },
        tx,
      );
      return 'moved';
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
