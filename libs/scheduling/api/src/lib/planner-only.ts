import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { Actor, Resource, writeRefusal } from '@worksite/auth-access';

/** 403 naming the reason unless the actor may plan the project (its coordinators, admins). */
export function refuseUnlessPlanner(resource: Resource, actor: Actor, projectId: string): void {
  const refusal = writeRefusal(resource, 'create', actor, { projectId });
  if (refusal) throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', refusal.message);
}
