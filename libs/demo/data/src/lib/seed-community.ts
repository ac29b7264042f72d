import { LocationEntity } from '@worksite/server-data-access';
import { LocationKind } from '@worksite/shared-domain';
import { COMPOUNDS, DISTRICT, STREET_SEGMENTS } from './data/community.data';
import { demoId } from './demo-id';
import { locationKey } from './plan-types';
import { KeyedRow, SeedWriter } from './seed-writer';
import { buildingNames } from './works-chain';

/** The 26 compounds with their buildings and units, and the street segments; ids by location key. */
export async function seedCommunity(writer: SeedWriter): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const level = async (parent: (key: string) => string | null, rows: KeyedRow<LocationEntity>[]) => {
    // A location is unique by parent and name; a row already there under that name is kept.
    const rowKey = (r: KeyedRow<LocationEntity>) => `${parent(r.key) ?? ''}|${r.row.name}`;
    const existing = await writer.idsByKey(
      `SELECT id, coalesce(parent_id::text, '') || '|' || name AS key FROM locations
       WHERE name = ANY($1) ORDER BY (id = ANY($2::uuid[])) DESC, created_at`,
      [rows.map((r) => r.row.name), rows.map((r) => r.id)],
    );
    const byRowKey = await writer.ensure(
      LocationEntity,
      rows.map((r) => ({ ...r, key: rowKey(r), row: { ...r.row, parentId: parent(r.key) } })),
      existing,
    );
    for (const r of rows) ids.set(r.key, byRowKey.get(rowKey(r)) as string);
  };
  const row = (key: string, kind: LocationKind, name: string, address: string, households: number | null) => ({
    key,
    id: demoId('location', key),
    row: { kind, name, address, households },
  });

  await level(
    () => null,
    [
      ...COMPOUNDS.map((c) => {
        const last = c.firstNumber + 2 * (c.buildings.length - 1);
        const households = c.buildings.reduce((n, [u, h]) => n + u * h, 0);
        return row(
          locationKey.compound(c.name),
          LocationKind.Compound,
          c.name,
          `${DISTRICT}${c.street}${c.firstNumber}—${last}号`,
          households,
        );
      }),
      ...STREET_SEGMENTS.map((s) =>
        row(locationKey.segment(s.name), LocationKind.StreetSegment, s.name, `${DISTRICT}${s.name}`, null),
      ),
    ],
  );

  const buildings = COMPOUNDS.flatMap((c) =>
    buildingNames(c).map((name, b) => ({ compound: c, name, number: c.firstNumber + 2 * b, units: c.buildings[b] })),
  );
  const compoundOf = (key: string) => ids.get(key.slice(0, key.indexOf('/'))) as string;
  await level(
    compoundOf,
    buildings.map((b) =>
      row(
        locationKey.building(b.compound.name, b.name),
        LocationKind.Building,
        b.name,
        `${DISTRICT}${b.compound.street}${b.number}号`,
        b.units[0] * b.units[1],
      ),
    ),
  );

  const buildingOf = (key: string) => ids.get(key.slice(0, key.lastIndexOf('/'))) as string;
  await level(
    buildingOf,
    buildings.flatMap((b) =>
      Array.from({ length: b.units[0] }, (_, u) =>
        row(
          locationKey.unit(b.compound.name, b.name, `${u + 1}单元`),
          LocationKind.Unit,
          `${u + 1}单元`,
          `${DISTRICT}${b.compound.street}${b.number}号${u + 1}单元`,
          b.units[1],
        ),
      ),
    ),
  );
  return ids;
}
