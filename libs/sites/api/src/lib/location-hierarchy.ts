import { LocationKind } from '@worksite/shared-domain';

/** Which kinds of location may contain a location of a given kind (null: none, top level). */
const ALLOWED_PARENTS: Record<LocationKind, (LocationKind | null)[]> = {
  [LocationKind.Compound]: [null],
  [LocationKind.Building]: [LocationKind.Compound],
  [LocationKind.Unit]: [LocationKind.Building],
  [LocationKind.StreetSegment]: [null, LocationKind.Compound],
};

/** Returns why a location of `kind` cannot sit under a parent of `parentKind`, or undefined if it can. */
export function hierarchyProblem(kind: LocationKind, parentKind: LocationKind | null): string | undefined {
  const allowed = ALLOWED_PARENTS[kind];
  if (allowed.includes(parentKind)) return undefined;
  const names = allowed.map((parent) => (parent === null ? 'no parent' : `a ${parent}`)).join(' or ');
  return `a ${kind} must have ${names}${parentKind ? `, not a ${parentKind}` : ''}`;
}
