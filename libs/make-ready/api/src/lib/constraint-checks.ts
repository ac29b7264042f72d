import { HttpStatus } from '@nestjs/common';
import { ApiError, problem } from '@worksite/api-core';
import { Resource, WriteRefusal } from '@worksite/auth-access';
import { AnnouncementEntity, ProjectEntity, syncAnnouncements, TaskEntity } from '@worksite/server-data-access';
import { ConstraintKind } from '@worksite/shared-make-ready';
import { EntityManager } from 'typeorm';

/** A refusal of the access rules as a 403 naming the reason. */
export function refuse(refusal: WriteRefusal): void {
  if (refusal) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', refusal.message);
}

/** The owner as it will be: a department or a user (exactly one, or none), each existing. */
export async function checkedOwner(
  manager: EntityManager,
  wanted: { ownerDepartmentId?: string | null; ownerUserId?: string | null },
  current: { ownerDepartmentId: string | null; ownerUserId: string | null } = {
    ownerDepartmentId: null,
    ownerUserId: null,
  },
): Promise<{ ownerDepartmentId: string | null; ownerUserId: string | null }> {
  if (wanted.ownerDepartmentId && wanted.ownerUserId) {
    throw ApiError.badRequest('make_ready_owner_both', [
      problem('ownerUserId', 'notTogetherWith', { other: 'ownerDepartmentId' }),
    ]);
  }
  // Naming one owner replaces the other; null removes that owner.
  let owner = { ownerDepartmentId: current.ownerDepartmentId, ownerUserId: current.ownerUserId };
  if (wanted.ownerDepartmentId !== undefined) {
    owner = {
      ownerDepartmentId: wanted.ownerDepartmentId,
      ownerUserId: wanted.ownerDepartmentId ? null : owner.ownerUserId,
    };
  }
  if (wanted.ownerUserId !== undefined) {
    owner = { ownerUserId: wanted.ownerUserId, ownerDepartmentId: wanted.ownerUserId ? null : owner.ownerDepartmentId };
  }
  if (wanted.ownerDepartmentId) {
    const [found] = await manager.query('SELECT 1 FROM departments WHERE id = $1', [wanted.ownerDepartmentId]);
    if (!found) throw ApiError.missingReference('ownerDepartmentId', Resource.Department);
  }
  if (wanted.ownerUserId) {
    const [found] = await manager.query('SELECT 1 FROM users WHERE id = $1 AND active', [wanted.ownerUserId]);
    if (!found) throw ApiError.missingReference('ownerUserId', Resource.User);
  }
  return owner;
}

/**
 * The announcement a constraint links: only 'residents_told' links one — the one given (an
 * announcement of the task's project), else the task's own when it has a cut (drafted if new).
 */
export async function linkedAnnouncement(
  manager: EntityManager,
  task: TaskEntity,
  kind: ConstraintKind,
  given: string | undefined,
  now = Date.now(),
): Promise<string | null> {
  if (kind !== 'residents_told') {
    if (given) {
      throw ApiError.badRequest('make_ready_announcement_only_residents', [
        problem('announcementId', 'onlyWithResidentsTold'),
      ]);
    }
    return null;
  }
  if (given) {
    const found = await manager.findOneBy(AnnouncementEntity, { id: given, projectId: task.projectId });
    if (!found) throw ApiError.missingReference('announcementId', Resource.Announcement);
    return found.id;
  }
  let own = await manager.findOneBy(AnnouncementEntity, { taskId: task.id });
  if (!own && task.interruptionKind) {
    // A cut's announcement is drafted when the project's announcements are first read: do it now.
    await syncAnnouncements(manager, await manager.findOneByOrFail(ProjectEntity, { id: task.projectId }), now);
    own = await manager.findOneBy(AnnouncementEntity, { taskId: task.id });
  }
  return own?.id ?? null;
}
