import { COMPOUNDS, FIRE_BUILDING, FIRE_COMPOUND, STREET_SEGMENTS } from './community.data';

describe('和平新村社区', () => {
  it('has 26 compounds with unique names and 2,967 households', () => {
    expect(COMPOUNDS).toHaveLength(26);
    expect(new Set(COMPOUNDS.map((c) => c.name)).size).toBe(26);
    const households = COMPOUNDS.flatMap((c) => c.buildings).reduce((n, [u, h]) => n + u * h, 0);
    expect(households).toBe(2967);
  });

  it('has 2–6 buildings per compound and 2–6 units per building', () => {
    for (const compound of COMPOUNDS) {
      expect(compound.buildings.length).toBeGreaterThanOrEqual(2);
      expect(compound.buildings.length).toBeLessThanOrEqual(6);
      for (const [units] of compound.buildings) {
        expect(units).toBeGreaterThanOrEqual(2);
        expect(units).toBeLessThanOrEqual(6);
      }
    }
  });

  it('contains 八经街32号楼 with a 1单元', () => {
    const compound = COMPOUNDS.find((c) => c.name === FIRE_COMPOUND);
    expect(compound?.street).toBe('八经街');
    const index = (Number.parseInt(FIRE_BUILDING, 10) - (compound?.firstNumber ?? 0)) / 2;
    expect(compound?.buildings[index]?.[0]).toBeGreaterThanOrEqual(1);
  });

  it('has a street segment on the street of every compound', () => {
    for (const compound of COMPOUNDS) expect(STREET_SEGMENTS.some((s) => s.street === compound.street)).toBe(true);
  });

  it('never gives two buildings of one street the same number', () => {
    const numbers = COMPOUNDS.flatMap((c) => c.buildings.map((_, i) => `${c.street}${c.firstNumber + 2 * i}`));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
