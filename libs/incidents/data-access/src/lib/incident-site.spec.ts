import { siteText } from './incident-site';

const site = {
  locationId: 'u',
  compoundId: 'c',
  compoundName: '八经小区',
  buildingId: 'b',
  buildingName: '32号楼',
  unitId: 'u',
  unitName: '1单元',
  address: '八经街32号',
  households: 12,
  accessNotes: '',
};

describe('siteText', () => {
  it('names compound, building and unit with the address', () => {
    expect(siteText(site)).toBe('八经小区 32号楼 1单元（八经街32号）');
  });

  it('leaves out what is unknown', () => {
    expect(siteText({ ...site, unitName: null, address: null })).toBe('八经小区 32号楼');
  });
});
