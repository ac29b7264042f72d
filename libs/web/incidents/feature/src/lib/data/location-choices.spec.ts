import { LocationKind } from '@worksite/shared-domain';
import { LocationRef } from '@worksite/web-planning-data-access';
import { locationChoices, pathOf, pickedLocation } from './location-choices';

const rows: LocationRef[] = [
  { id: 'c1', kind: LocationKind.Compound, name: '八经小区', parentId: null },
  { id: 'c2', kind: LocationKind.Compound, name: '教师楼', parentId: null },
  { id: 's1', kind: LocationKind.StreetSegment, name: '八经街', parentId: null },
  { id: 'b10', kind: LocationKind.Building, name: '10号楼', parentId: 'c1' },
  { id: 'b2', kind: LocationKind.Building, name: '2号楼', parentId: 'c1' },
  { id: 'b32', kind: LocationKind.Building, name: '32号楼', parentId: 'c1' },
  { id: 'u1', kind: LocationKind.Unit, name: '1单元', parentId: 'b32' },
  { id: 'u2', kind: LocationKind.Unit, name: '2单元', parentId: 'b32' },
];

describe('locationChoices', () => {
  it('lists each level under its parent, sorted as people count', () => {
    expect(locationChoices(rows, LocationKind.Compound, null).map((c) => c.name)).toEqual(['八经小区', '教师楼']);
    expect(locationChoices(rows, LocationKind.Building, 'c1').map((c) => c.name)).toEqual([
      '2号楼',
      '10号楼',
      '32号楼',
    ]);
    expect(locationChoices(rows, LocationKind.Unit, 'b32').map((c) => c.id)).toEqual(['u1', 'u2']);
    expect(locationChoices(rows, LocationKind.Building, 'c2')).toEqual([]);
  });
});

describe('pickedLocation and pathOf', () => {
  it('takes the most precise level and finds the levels back', () => {
    expect(pickedLocation({ compound: 'c1', building: 'b32', unit: 'u1' })).toBe('u1');
    expect(pickedLocation({ compound: 'c1', building: 'b32', unit: '' })).toBe('b32');
    expect(pickedLocation({ compound: '', building: '', unit: '' })).toBeNull();
    const map = new Map(rows.map((row) => [row.id, row]));
    expect(pathOf(map, 'u1')).toEqual({ compound: 'c1', building: 'b32', unit: 'u1' });
    expect(pathOf(map, null)).toEqual({ compound: '', building: '', unit: '' });
  });
});
