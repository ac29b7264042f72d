import { AnnouncementPlace } from '@worksite/shared-announcements';
import { EntityManager } from 'typeorm';

interface PlaceRow {
  id: string;
  kind: string;
  name: string;
  households: number | null;
  parent_id: string | null;
  parent_kind: string | null;
  parent_name: string | null;
  parent_households: number | null;
  grand_name: string | null;
}

/**
 * The buildings and units of a cut as residents name them (compound, building, its units) with
 * the households of each from the community data: a unit counts its own households, a building
 * or compound its own. Units of one building are listed under it.
 */
export async function placesOf(manager: EntityManager, locationIds: readonly string[]): Promise<AnnouncementPlace[]> {
  return (await placesOfMany(manager, [locationIds]))[0];
}

/** placesOf for several cuts at once, in one query (a list of announcements). */
export async function placesOfMany(
  manager: EntityManager,
  lists: readonly (readonly string[])[],
): Promise<AnnouncementPlace[][]> {
  const ids = [...new Set(lists.flat())];
  if (!ids.length) return lists.map(() => []);
  const rows: PlaceRow[] = await manager.query(
    `SELECT l.id, l.kind::text, l.name, l.households, l.parent_id, p.kind::text AS parent_kind, p.name AS parent_name,
            p.households AS parent_households, g.name AS grand_name
       FROM locations l LEFT JOIN locations p ON p.id = l.parent_id LEFT JOIN locations g ON g.id = p.parent_id
      WHERE l.id = ANY($1::uuid[])
      ORDER BY coalesce(g.name, p.name, ''), coalesce(p.name, ''), l.name`,
    [ids],
  );
  return lists.map((list) => {
    const wanted = new Set(list);
    return placesFromRows(rows.filter((row) => wanted.has(row.id)));
  });
}

/** Rows (in residents' order) grouped into places: units under their building. */
function placesFromRows(rows: readonly PlaceRow[]): AnnouncementPlace[] {
  const buildings = new Map<string, AnnouncementPlace & { unitHouseholds: (number | null)[]; whole: boolean }>();
  for (const row of rows) {
    if (row.kind === 'unit' && row.parent_id) {
      const place = buildings.get(row.parent_id) ?? {
        compound: row.grand_name,
        building: row.parent_name ?? row.name,
        units: [],
        households: null,
        unitHouseholds: [],
        whole: false,
      };
      if (!place.whole) {
        place.units.push(row.name);
        place.unitHouseholds.push(row.households);
      }
      buildings.set(row.parent_id, place);
    } else {
      // A building (or compound, street) as a whole: its units named alongside are covered by it.
      buildings.set(row.id, {
        compound: row.kind === 'compound' ? null : row.parent_name,
        building: row.name,
        units: [],
        households: row.households,
        unitHouseholds: [],
        whole: true,
      });
    }
  }
  return [...buildings.values()].map(({ unitHouseholds, whole, ...place }) => ({
    ...place,
    households:
      whole || unitHouseholds.some((h) => h === null)
        ? place.households
        : unitHouseholds.reduce<number>((sum, h) => sum + (h ?? 0), 0),
  }));
}

/** The buildings whose residents' groups get the post: each location, or the building of a unit. */
export async function buildingsOf(manager: EntityManager, locationIds: readonly string[]): Promise<string[]> {
  if (!locationIds.length) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT DISTINCT CASE WHEN l.kind = 'unit' AND l.parent_id IS NOT NULL THEN l.parent_id ELSE l.id END AS id
       FROM locations l WHERE l.id = ANY($1::uuid[])`,
    [locationIds],
  );
  return rows.map((row) => row.id);
}

/** Department and contractor (and crew) of a task, as residents would recognise them. */
export async function workersOfTask(manager: EntityManager, taskId: string): Promise<string[]> {
  const [row]: { department: string; contractor: string | null }[] = await manager.query(
    `SELECT d.name AS department, k.name AS contractor
       FROM tasks t JOIN departments d ON d.id = t.department_id
       LEFT JOIN crews c ON c.id = t.crew_id LEFT JOIN contractors k ON k.id = c.contractor_id
      WHERE t.id = $1`,
    [taskId],
  );
  if (!row) return [];
  return [row.department, ...(row.contractor && row.contractor !== row.department ? [row.contractor] : [])];
}
