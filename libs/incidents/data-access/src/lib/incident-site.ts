import { IncidentSiteDto, LocationKind } from '@worksite/shared-domain';
import { EntityManager } from 'typeorm';

interface ChainRow {
  id: string;
  kind: LocationKind;
  name: string;
  address: string | null;
  households: number | null;
  depth: number;
}

/**
 * Where an incident is: the location and the locations containing it (compound → building →
 * unit), the most precise address, and the households affected — the location's own count,
 * else the sum over the units (or buildings) inside it.
 */
export async function loadSite(
  manager: EntityManager,
  locationId: string,
  accessNotes: string,
): Promise<IncidentSiteDto> {
  const chain: ChainRow[] = await manager.query(
    `WITH RECURSIVE up AS (
       SELECT id, kind, name, address, households, parent_id, 0 AS depth FROM locations WHERE id = $1
       UNION ALL SELECT l.id, l.kind, l.name, l.address, l.households, l.parent_id, up.depth + 1
         FROM locations l JOIN up ON l.id = up.parent_id)
     SELECT id, kind, name, address, households, depth FROM up ORDER BY depth`,
    [locationId],
  );
  const [{ households }] = await manager.query(
    `WITH RECURSIVE down AS (
       SELECT id, households FROM locations WHERE id = $1
       UNION ALL SELECT l.id, l.households FROM locations l JOIN down ON l.parent_id = down.id)
     SELECT COALESCE((SELECT households FROM locations WHERE id = $1),
                     (SELECT sum(households) FROM down d WHERE NOT EXISTS (SELECT 1 FROM locations c WHERE c.parent_id = d.id)),
                     0)::int AS households`,
    [locationId],
  );
  const of = (kind: LocationKind) => chain.find((row) => row.kind === kind) ?? null;
  const compound = of(LocationKind.Compound);
  const building = of(LocationKind.Building);
  const unit = of(LocationKind.Unit);
  return {
    locationId,
    compoundId: compound?.id ?? null,
    compoundName: compound?.name ?? null,
    buildingId: building?.id ?? null,
    buildingName: building?.name ?? null,
    unitId: unit?.id ?? null,
    unitName: unit?.name ?? null,
    address: chain.find((row) => row.address)?.address ?? null,
    households: Number(households ?? 0),
    accessNotes,
  };
}

/** One line naming the place, e.g. 八经小区 32号楼 1单元（八经街32号）. */
export function siteText(site: IncidentSiteDto): string {
  const names = [site.compoundName, site.buildingName, site.unitName].filter(Boolean).join(' ');
  return site.address ? `${names}（${site.address}）` : names;
}
