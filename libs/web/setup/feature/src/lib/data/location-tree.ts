import { LocationKind } from '@worksite/shared-domain';
import { LocationRow } from './setup.types';

export interface LocationNode {
  location: LocationRow;
  children: LocationNode[];
}

/** What may be added under a location (the API's hierarchy: compound → building → unit; streets at the top or in a compound). */
export function childKinds(parent: LocationKind | null): LocationKind[] {
  switch (parent) {
    case null:
      return [LocationKind.Compound, LocationKind.StreetSegment];
    case LocationKind.Compound:
      return [LocationKind.Building, LocationKind.StreetSegment];
    case LocationKind.Building:
      return [LocationKind.Unit];
    default:
      return [];
  }
}

/** The locations as a tree, each level sorted by name ("2号楼" before "10号楼"); orphans become roots. */
export function buildLocationTree(rows: readonly LocationRow[]): LocationNode[] {
  const nodes = new Map(rows.map((location) => [location.id, { location, children: [] as LocationNode[] }]));
  const roots: LocationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.location.parentId ? nodes.get(node.location.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const sort = (list: LocationNode[]) => {
    list.sort((a, b) => collator.compare(a.location.name, b.location.name));
    list.forEach((node) => sort(node.children));
  };
  sort(roots);
  return roots;
}
