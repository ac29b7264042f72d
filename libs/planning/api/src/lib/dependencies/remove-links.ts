import { recordAudits } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { DependencyEntity } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import { EntityManager, In } from 'typeorm';

/** Deletes dependencies (of tasks being deleted) in the caller's transaction, an audit entry each (one INSERT). */
export async function removeLinks(
  manager: EntityManager,
  actor: Actor,
  links: readonly DependencyEntity[],
): Promise<void> {
  if (links.length === 0) return;
  await manager.delete(DependencyEntity, { id: In(links.map((link) => link.id)) });
  await recordAudits(
    manager,
    links.map((link) => ({
      actor,
      action: AuditAction.Delete,
      entity: Resource.Dependency,
      entityId: link.id,
      projectId: link.projectId,
      before: link,
    })),
  );
}
