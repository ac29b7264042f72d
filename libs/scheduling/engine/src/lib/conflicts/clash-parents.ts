import { LocationKind } from '@worksite/shared-domain';

/** A place as clash detection needs it: where it is and what it is. */
export interface PlaceNode {
  readonly parentId: string | null;
  readonly kind: LocationKind | `${LocationKind}`;
}

/**
 * Containment that makes two places "the same place" for conflicts: a building and its units.
 * A compound holds many buildings where several crews work side by side, so a compound does
 * not clash with the buildings inside it (nor does a cut on a whole compound reach them here).
 * Used by the api and by the demo seed, so both find the same clashes.
 */
export function clashParents(locations: ReadonlyMap<string, PlaceNode>): Map<string, string | null> {
  return new Map(
    [...locations].map(([id, location]) => {
      const parent = location.parentId ? locations.get(location.parentId) : undefined;
      return [id, parent && parent.kind !== LocationKind.Compound ? location.parentId : null];
    }),
  );
}
