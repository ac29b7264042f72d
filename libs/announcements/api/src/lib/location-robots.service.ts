import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, recordAudit, refuseWebhook } from '@worksite/api-core';
import { Actor, Resource, writeRefusal, WriteAction } from '@worksite/auth-access';
import { AppConfig } from '@worksite/server-config';
import { LocationEntity, LocationRobotEntity } from '@worksite/server-data-access';
import { AuditAction, Role } from '@worksite/shared-domain';
import { DataSource } from 'typeorm';
import { CreateLocationRobotDto } from './announcement.dto';

/** A building robot as shown: the webhook's host only (its path holds the robot's key), never the secret. */
export interface LocationRobotDto {
  id: string;
  locationId: string;
  kind: string;
  label: string;
  webhookHost: string;
  signed: boolean;
  createdAt: string;
}

function robotDto(robot: LocationRobotEntity): LocationRobotDto {
  return {
    id: robot.id,
    locationId: robot.locationId,
    kind: robot.kind,
    label: robot.label,
    webhookHost: new URL(robot.webhook).host,
    signed: !!robot.secret,
    createdAt: robot.createdAt.toISOString(),
  };
}

/** The residents' group robots of a building: listed, added (webhook checked like a crew's), removed. */
@Injectable()
export class LocationRobotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async list(locationId: string, actor: Actor): Promise<{ items: LocationRobotDto[] }> {
    await this.location(locationId, actor);
    const rows = await this.dataSource.manager.find(LocationRobotEntity, {
      where: { locationId },
      order: { createdAt: 'ASC' },
    });
    return { items: rows.map(robotDto) };
  }

  async create(locationId: string, body: CreateLocationRobotDto, actor: Actor): Promise<LocationRobotDto> {
    await this.location(locationId, actor);
    this.refuse(actor, 'create');
    refuseWebhook(body.kind, body.webhook, 'webhook', this.config);
    return this.dataSource.transaction(async (manager) => {
      const duplicate = await manager.findOneBy(LocationRobotEntity, { locationId, webhook: body.webhook });
      if (duplicate) throw ApiError.conflict('already_exists', 'conflict');
      const saved = await manager.save(
        manager.create(LocationRobotEntity, {
          locationId,
          kind: body.kind,
          webhook: body.webhook,
          secret: body.secret ?? null,
          label: body.label ?? '',
        }),
      );
      await recordAudit(manager, {
        actor,
        action: AuditAction.Create,
        entity: Resource.LocationRobot,
        entityId: saved.id,
        projectId: null,
        after: { locationId, kind: saved.kind, label: saved.label },
      });
      return robotDto(saved);
    });
  }

  async remove(locationId: string, robotId: string, actor: Actor): Promise<void> {
    await this.location(locationId, actor);
    await this.dataSource.transaction(async (manager) => {
      const robot = await manager.findOneBy(LocationRobotEntity, { id: robotId, locationId });
      if (!robot) throw ApiError.notFound(Resource.LocationRobot, robotId);
      this.refuse(actor, 'delete');
      await manager.delete(LocationRobotEntity, { id: robotId });
      await recordAudit(manager, {
        actor,
        action: AuditAction.Delete,
        entity: Resource.LocationRobot,
        entityId: robotId,
        projectId: null,
        before: { locationId, kind: robot.kind, label: robot.label },
      });
    });
  }

  /** The place, for those who set up places (admins, coordinators); others see no robots (404). */
  private async location(locationId: string, actor: Actor): Promise<LocationEntity> {
    const location = await this.dataSource.manager.findOneBy(LocationEntity, { id: locationId });
    const planner = actor.role === Role.Admin || actor.role === Role.Coordinator;
    if (!location || !planner) throw ApiError.notFound(Resource.Location, locationId);
    return location;
  }

  private refuse(actor: Actor, action: WriteAction): void {
    const refusal = writeRefusal(Resource.LocationRobot, action, actor, {});
    if (refusal) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', refusal.message);
  }
}
