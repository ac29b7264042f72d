import { randomUUID } from 'node:crypto';
import { AccessWorld } from './access-world';

type Role = 'anonymous' | 'admin' | 'coordinator' | 'contractor' | 'agency' | 'viewer';

interface UndoRow {
  route: string;
  object: string;
  expect: string;
  target: (w: AccessWorld, role: Role) => Promise<{ path: string }>;
}

/**
 * A fresh edit (a new task) in a project, in a change set of its own: made by the role itself
 * where it may plan there (an undo is for its author), else by the admin.
 */
async function edit(w: AccessWorld, role: Role, project: 'own' | 'other'): Promise<string> {
  const author = role === 'coordinator' && project === 'own' ? w.users.coordinator : w.users.admin;
  const changeSet = randomUUID();
  await author
    .post('/api/tasks')
    .set('X-Change-Set', changeSet)
    .send({
      projectId: project === 'own' ? w.ids.projectOwn : w.ids.projectOther,
      crewId: project === 'own' ? w.ids.crewOwn : w.ids.crewOther,
      title: `撤销${changeSet.slice(0, 6)}`,
      plannedStart: '2026-12-03T08:00:00+08:00',
      durationMinutes: 60,
    })
    .expect(201);
  return changeSet;
}

/** An undone edit: the change set of its undo, which a redo takes back. */
async function undone(w: AccessWorld, role: Role, project: 'own' | 'other'): Promise<string> {
  const changeSet = await edit(w, role, project);
  const author = role === 'coordinator' && project === 'own' ? w.users.coordinator : w.users.admin;
  return (await author.post(`/api/change-sets/${changeSet}/undo`).expect(200)).body.changeSetId;
}

/**
 * Undo and redo in the access matrix. Columns: anonymous admin coordinator contractor agency
 * viewer. The author of a change set (or an admin) undoes it, if they plan its project.
 */
export const UNDO_MATRIX: UndoRow[] = (['own', 'other'] as const).flatMap((project): UndoRow[] => {
  const expect = project === 'own' ? '401 200 200 403 403 403' : '401 200 404 404 404 403';
  return [
    {
      route: 'POST /api/change-sets/:id/undo',
      object: `${project} project`,
      expect,
      target: async (w, role) => ({ path: `/api/change-sets/${await edit(w, role, project)}/undo` }),
    },
    {
      route: 'POST /api/change-sets/:id/redo',
      object: `${project} project`,
      expect,
      target: async (w, role) => ({ path: `/api/change-sets/${await undone(w, role, project)}/redo` }),
    },
  ];
});
