import { locationOf } from '@worksite/notices-data-access';
import { EntityManager } from 'typeorm';
import { PlaceNames } from './sheets/export-sheets';

type Step = { kind: string; name: string; address: string | null } | null;

/**
 * Compound, building, unit (or street) and the nearest address of each location: the
 * location and up to two levels above it (the tree is compound → building → unit).
 */
export async function placesOf(
  manager: EntityManager,
  locationIds: (string | null)[],
): Promise<Map<string, PlaceNames>> {
  const ids = [...new Set(locationIds.filter((id): id is string => !!id))];
  if (!ids.length) return new Map();
  const rows: { id: string; path: Step[] }[] = await manager.query(
    `SELECT l1.id, json_build_array(
              json_build_object('kind', l1.kind, 'name', l1.name, 'address', l1.address),
              CASE WHEN l2.id IS NOT NULL THEN json_build_object('kind', l2.kind, 'name', l2.name, 'address', l2.address) END,
              CASE WHEN l3.id IS NOT NULL THEN json_build_object('kind', l3.kind, 'name', l3.name, 'address', l3.address) END
            ) AS path
       FROM locations l1
       LEFT JOIN locations l2 ON l2.id = l1.parent_id
       LEFT JOIN locations l3 ON l3.id = l2.parent_id
      WHERE l1.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, locationOf(row.path.filter((step): step is NonNullable<Step> => !!step))]));
}
