import { LocationKind } from '@worksite/shared-domain';
import { Text } from '@worksite/shared-i18n';

/** Which kinds of location may contain a location of a given kind (null: none, top level). */
const ALLOWED_PARENTS: Record<LocationKind, (LocationKind | null)[]> = {
  [LocationKind.Compound]: [null],
  [LocationKind.Building]: [LocationKind.Compound],
  [LocationKind.Unit]: [LocationKind.Building],
  [LocationKind.StreetSegment]: [null, LocationKind.Compound],
};

const nounOf = (kind: LocationKind | null): Text => ({ key: kind === null ? 'noun.top_level' : `noun.${kind}` });

/** Why a location of `kind` cannot sit under a parent of `parentKind` (a catalog message), or undefined if it can. */
export function hierarchyProblem(kind: LocationKind, parentKind: LocationKind | null): Text | undefined {
  const allowed = ALLOWED_PARENTS[kind];
  if (allowed.includes(parentKind)) return undefined;
  const params = { kind: nounOf(kind), allowed: allowed.map(nounOf) };
  return parentKind
    ? { key: 'parentNotAllowed', params: { ...params, parent: nounOf(parentKind) } }
    : { key: 'parentMissing', params };
}
