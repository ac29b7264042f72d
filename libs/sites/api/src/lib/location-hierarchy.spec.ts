import { LocationKind } from '@worksite/shared-domain';
import { hierarchyProblem } from './location-hierarchy';

describe('hierarchyProblem', () => {
  it.each([
    [LocationKind.Compound, null],
    [LocationKind.Building, LocationKind.Compound],
    [LocationKind.Unit, LocationKind.Building],
    [LocationKind.StreetSegment, null],
    [LocationKind.StreetSegment, LocationKind.Compound],
  ])('lets a %s sit under %s', (kind, parent) => {
    expect(hierarchyProblem(kind, parent)).toBeUndefined();
  });

  it.each([
    [LocationKind.Unit, LocationKind.Compound, 'a unit must have a building, not a compound'],
    [LocationKind.Building, null, 'a building must have a compound'],
    [LocationKind.Compound, LocationKind.Building, 'a compound must have no parent, not a building'],
  ])('refuses a %s under %s', (kind, parent, message) => {
    expect(hierarchyProblem(kind, parent)).toBe(message);
  });
});
