import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@worksite/auth-access';
import { AnnouncementEntity } from '@worksite/server-data-access';
import {
  IncidentResidentChange,
  IncidentResidentContext,
  IncidentResidentPosts,
  InterruptionKind,
} from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { AnnouncementsService } from './announcements.service';

/**
 * The incidents' hook to tell residents (INCIDENT_RESIDENT_POSTS): an opened incident gets an
 * emergency announcement drafted (【紧急】, in the announcements of the incident's project) for a
 * coordinator to approve and post; a utility restored on an announcement already posted is
 * followed up at once ("已恢复供电"). Nothing is posted without a coordinator's approval.
 */
@Injectable()
export class AnnouncementIncidentPosts implements IncidentResidentPosts {
  private readonly logger = new Logger(AnnouncementIncidentPosts.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly announcements: AnnouncementsService,
  ) {}

  async incidentOpened(incident: IncidentResidentContext): Promise<void> {
    const [row]: { project_id: string | null }[] = await this.dataSource.query(
      'SELECT project_id FROM incidents WHERE id = $1',
      [incident.incidentId],
    );
    const cuts = incident.interruptions;
    const buildings = [incident.site.unitId ?? incident.site.buildingId ?? incident.site.locationId];
    const kinds = [...new Set(cuts.map((cut) => cut.kind as InterruptionKind))];
    const until = cuts.length ? Math.max(...cuts.map((cut) => Date.parse(cut.endsAt))) : null;
    await this.announcements.draftForIncident({
      incidentId: incident.incidentId,
      projectId: row?.project_id ?? null,
      locationIds: [...new Set(cuts.flatMap((cut) => cut.locationIds).concat(cuts.length ? [] : buildings))],
      kinds: kinds.length ? kinds : [InterruptionKind.Power],
      from: incident.reportedAt,
      until: until ? new Date(until) : null,
      reason: incident.title,
      departments: incident.departmentNames,
      contact: `${incident.coordinatorName}${incident.coordinatorPhone ? ` ${incident.coordinatorPhone}` : ''}`.trim(),
    });
  }

  async incidentUpdated(incident: IncidentResidentContext, change: IncidentResidentChange): Promise<void> {
    if (change.kind !== 'restored') return;
    const posted = await this.dataSource.manager.find(AnnouncementEntity, {
      where: { incidentId: incident.incidentId },
    });
    for (const announcement of posted) {
      if (announcement.state !== 'posted' && announcement.state !== 'updated') continue;
      if (!announcement.kinds.includes(change.utility as InterruptionKind)) continue;
      try {
        await this.announcements.followUp(announcement.id, SYSTEM_ACTOR, announcement.version);
      } catch (error) {
        this.logger.warn(`follow-up of announcement ${announcement.id}: ${(error as Error).message}`);
      }
    }
  }
}
