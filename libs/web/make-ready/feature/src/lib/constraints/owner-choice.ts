import { NewConstraintRequest } from '@worksite/web-make-ready-data-access';

/** The owner select's value: `d:<id>` a department, `u:<id>` a user, '' none. */
export function ownerOf(value: string): Pick<NewConstraintRequest, 'ownerDepartmentId' | 'ownerUserId'> {
  if (value.startsWith('d:')) return { ownerDepartmentId: value.slice(2) };
  if (value.startsWith('u:')) return { ownerUserId: value.slice(2) };
  return {};
}
