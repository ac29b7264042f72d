import { LocationKind } from '@worksite/shared-domain';
import { LocationRef } from '@worksite/web-planning-data-access';

/** One option of the where-picker. */
export interface LocationChoice {
  id: string;
  name: string;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
const byName = (a: LocationChoice, b: LocationChoice) => collator.compare(a.name, b.name);

/**
 * The options of one level of the compound → building → unit picker: the places of `kind`
 * directly under `parentId` (compounds: at the top), sorted as people count ("2号楼" before
 * "10号楼").
 */
export function locationChoices(
  locations: Iterable<LocationRef>,
  kind: LocationKind,
  parentId: string | null,
): LocationChoice[] {
  const result: LocationChoice[] = [];
  for (const location of locations) {
    if (location.kind === kind && (location.parentId ?? null) === parentId) {
      result.push({ id: location.id, name: location.name });
    }
  }
  return result.sort(byName);
}

/** The picked place: the most precise level chosen (unit, else building, else compound). */
export function pickedLocation(picked: { compound: string; building: string; unit: string }): string | null {
  return picked.unit || picked.building || picked.compound || null;
}

/** The compound, building and unit of a place (for showing an existing pick back). */
export function pathOf(
  locations: ReadonlyMap<string, LocationRef>,
  id: string | null,
): { compound: string; building: string; unit: string } {
  const picked = { compound: '', building: '', unit: '' };
  for (let at = id, guard = 0; at && guard < 10; guard++) {
    const location = locations.get(at);
    if (!location) break;
    if (location.kind === LocationKind.Compound) picked.compound = location.id;
    if (location.kind === LocationKind.Building) picked.building = location.id;
    if (location.kind === LocationKind.Unit) picked.unit = location.id;
    at = location.parentId;
  }
  return picked;
}
