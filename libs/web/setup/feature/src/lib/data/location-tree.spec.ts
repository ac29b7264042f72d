import { LocationKind } from '@worksite/shared-domain';
import { buildLocationTree, childKinds } from './location-tree';
import { LocationRow } from './setup.types';

const row = (id: string, kind: LocationKind, name: string, parentId: string | null = null): LocationRow => ({
  id,
  version: 1,
  kind,
  name,
  parentId,
  address: null,
  households: null,
});

describe('location tree', () => {
  it('nests compound → building → unit, sorted by name with numbers in order', () => {
    const tree = buildLocationTree([
      row('u1', LocationKind.Unit, '1单元', 'b10'),
      row('b10', LocationKind.Building, '10号楼', 'c'),
      row('b2', LocationKind.Building, '2号楼', 'c'),
      row('c', LocationKind.Compound, '八经小区'),
    ]);
    expect(tree.map((node) => node.location.id)).toEqual(['c']);
    expect(tree[0].children.map((node) => node.location.name)).toEqual(['2号楼', '10号楼']);
    expect(tree[0].children[1].children.map((node) => node.location.id)).toEqual(['u1']);
  });

  it('offers the children the API allows at each level', () => {
    expect(childKinds(null)).toEqual([LocationKind.Compound, LocationKind.StreetSegment]);
    expect(childKinds(LocationKind.Compound)[0]).toBe(LocationKind.Building);
    expect(childKinds(LocationKind.Building)).toEqual([LocationKind.Unit]);
    expect(childKinds(LocationKind.Unit)).toEqual([]);
  });
});
