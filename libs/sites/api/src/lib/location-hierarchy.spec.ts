import { LocationKind } from '@worksite/shared-domain';
import { translate } from '@worksite/shared-i18n';
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
    [
      LocationKind.Unit,
      LocationKind.Compound,
      'a unit must be under: building; not a compound',
      '单元的上级只能是：楼，不能是小区',
    ],
    [LocationKind.Building, null, 'a building must be under: compound', '楼的上级只能是：小区'],
    [
      LocationKind.Compound,
      LocationKind.Building,
      'a compound must be under: nothing (top level); not a building',
      '小区的上级只能是：无（顶层），不能是楼',
    ],
    [
      LocationKind.StreetSegment,
      LocationKind.Unit,
      'a street segment must be under: nothing (top level), compound; not a unit',
      '路段的上级只能是：无（顶层）、小区，不能是单元',
    ],
  ])('refuses a %s under %s, saying why in both languages', (kind, parent, english, chinese) => {
    const problem = hierarchyProblem(kind, parent);
    expect(problem && translate('en', problem)).toBe(english);
    expect(problem && translate('zh-CN', problem)).toBe(chinese);
  });
});
