import { recordAudit } from '@worksite/api-core';
import { Actor, Resource } from '@worksite/auth-access';
import { DependencyEntity } from '@worksite/server-data-access';
import { AuditAction } from '@worksite/shared-domain';
import { EntityManager, In } from 'typeorm';

/** Deletes dependencies (of tasks being deleted) in the caller's transaction, an audit entry each. */
export async function removeLinks(
  manager: EntityManager,
  actor: Actor,
  links: readonly DependencyEntity[],
): Promise<void> {
  if (links.length === 0) return;
  await manager.delete(DependencyEntity, { id: In(links.map((link) => link.id)) });
  for (const link of links) {
    await recordAudit(manager, {
      actor,
      action: AuditAction.Delete,
      entity: Resource.Dependency,
      entityId: link.id,
      projectId: link.projectId,
      before: link,
    });
  }
}
