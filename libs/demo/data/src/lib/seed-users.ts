import { UserEntity } from '@worksite/server-data-access';
import * as argon2 from 'argon2';
import { DEMO_USERS } from './data/users.data';
import { demoId } from './demo-id';
import { SeededOrganisations } from './seed-organisations';
import { SeedWriter } from './seed-writer';

/** One demo account per role, with its department, crews or projects. Existing usernames are kept as they are. */
export async function seedUsers(writer: SeedWriter, org: SeededOrganisations): Promise<number> {
  // Usernames are unique ignoring case: an existing "Admin" is the demo's "admin".
  const existing = await writer.idsByKey(
    'SELECT id, lower(username) AS key FROM users WHERE lower(username) = ANY($1)',
    [DEMO_USERS.map((user) => user.username.toLowerCase())],
  );
  const missing = DEMO_USERS.filter((user) => !existing.has(user.username.toLowerCase()));
  // Hash only for accounts to be created: argon2 is slow by design.
  const rows = await Promise.all(
    missing.map(async (user) => ({
      id: demoId('user', user.username),
      username: user.username,
      displayName: user.displayName,
      passwordHash: await argon2.hash(user.password, { type: argon2.argon2id }),
      role: user.role,
      departmentId: user.department ? (org.departments.get(user.department as never) ?? null) : null,
    })),
  );
  await writer.insert(UserEntity, rows);
  for (const user of missing) {
    const userId = demoId('user', user.username);
    const crewIds = (user.crews ?? []).map((key) => org.crews.get(key)).filter(Boolean);
    if (crewIds.length) {
      await writer.manager.query(
        'INSERT INTO user_crews (user_id, crew_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
        [userId, crewIds],
      );
    }
    if (user.projects?.length) {
      await writer.manager.query(
        `INSERT INTO user_projects (user_id, project_id)
         SELECT $1, id FROM projects WHERE code = ANY($2) ON CONFLICT DO NOTHING`,
        [userId, user.projects],
      );
    }
  }
  return missing.length;
}
